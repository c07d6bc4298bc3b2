import SwiftUI
import WaymarkCore

/// Renders `article(id:)`: its blocks, and the previous and next articles.
struct ArticleScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State var id: String
    @State private var article: ArticleView?

    var body: some View {
        Loaded(article) { article in
            ScrollView {
                VStack(alignment: .leading, spacing: 16) {
                    Text(article.sectionTitle).font(.subheadline).foregroundStyle(.secondary)
                    Text(article.summary).font(.headline)
                    ListenButton { [id] in try $0.speakableArticle(id: id) }
                    BlocksView(blocks: article.blocks)
                    HStack {
                        if let previous = article.previous {
                            Button { id = previous.id } label: {
                                VStack(alignment: .leading) {
                                    Text(article.previousLabel).foregroundStyle(.secondary)
                                    Text(previous.title)
                                }
                            }
                        }
                        Spacer()
                        if let next = article.next {
                            Button { id = next.id } label: {
                                VStack(alignment: .trailing) {
                                    Text(article.nextLabel).foregroundStyle(.secondary)
                                    Text(next.title)
                                }
                            }
                        }
                    }
                    .font(.footnote)
                }
                .padding()
            }
            .navigationTitle(article.title)
            .navigationBarTitleDisplayMode(.inline)
        }
        .task(id: "\(id)#\(store.revision)") {
            let id = self.id
            article = await store.load { try $0.article(id: id) }
        }
    }
}

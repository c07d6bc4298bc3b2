import SwiftUI
import WaymarkCore

/// Renders `guide()`: sections and their articles.
struct GuideScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var guide: GuideView?

    var body: some View {
        Loaded(guide) { guide in
            List {
                ForEach(guide.sections, id: \.id) { section in
                    Section {
                        ForEach(section.articles, id: \.id) { article in
                            NavigationLink(value: Route.article(id: article.id)) {
                                VStack(alignment: .leading, spacing: 2) {
                                    Text(article.title).font(.headline)
                                    Text(article.summary).font(.subheadline).foregroundStyle(.secondary)
                                }
                            }
                        }
                    } header: {
                        Text(section.title)
                    } footer: {
                        Text(section.summary)
                    }
                }
            }
            .navigationTitle(guide.title)
        }
        .task(id: store.revision) { guide = await store.load { try $0.guide() } }
    }
}

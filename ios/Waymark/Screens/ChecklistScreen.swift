import SwiftUI
import WaymarkCore

/// Renders `checklist()`; ticking calls `checklistMarkDone`/`checklistUndo`, and own items are
/// added and removed with `checklistAddOwnItem`/`checklistRemoveOwnItem`.
struct ChecklistScreen: View {
    @EnvironmentObject private var store: CoreStore
    let scrollTo: String?
    @State private var checklist: ChecklistView?
    @State private var newItem = ""
    @State private var failure: String?

    var body: some View {
        Loaded(checklist) { checklist in
            ScrollViewReader { reader in
                List {
                    Section {
                        ProgressView(checklist.progress.label, value: Double(checklist.progress.done), total: Double(max(checklist.progress.total, 1)))
                    }
                    ForEach(checklist.items, id: \.id) { item in
                        ItemRow(item: item, labels: checklist) { await toggle(item) } remove: { await remove(item) }
                            .id(item.id)
                    }
                    if checklist.canAddOwnItem, let texts = store.texts {
                        Section {
                            TextField(texts.add, text: $newItem, axis: .vertical)
                            FormFailure(message: failure)
                            Button(texts.add) { Task { await add() } }
                                .disabled(newItem.isEmpty)
                        }
                    }
                }
                .onAppear { if let scrollTo { reader.scrollTo(scrollTo, anchor: .top) } }
            }
            .navigationTitle(checklist.title)
        }
        .task(id: store.revision) { checklist = await store.load { try $0.checklist() } }
    }

    private func toggle(_ item: ChecklistItemView) async {
        let id = item.id
        if item.done {
            checklist = await store.load { try $0.checklistUndo(itemId: id) } ?? checklist
        } else {
            checklist = await store.load { try $0.checklistMarkDone(itemId: id, now: Date()) } ?? checklist
        }
    }

    private func remove(_ item: ChecklistItemView) async {
        let id = item.id
        checklist = await store.load { try $0.checklistRemoveOwnItem(itemId: id) } ?? checklist
    }

    private func add() async {
        let text = newItem
        do {
            checklist = try await store.call { try $0.checklistAddOwnItem(text: text, now: Date()) }
            newItem = ""
            failure = nil
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

private struct ItemRow: View {
    @EnvironmentObject private var store: CoreStore
    let item: ChecklistItemView
    let labels: ChecklistView
    let toggle: () async -> Void
    let remove: () async -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Button { Task { await toggle() } } label: {
                Label {
                    Text(item.title).font(.headline)
                } icon: {
                    Image(systemName: item.done ? "checkmark.square.fill" : "square")
                }
            }
            .buttonStyle(.plain)
            if let doneLabel = item.doneLabel {
                Text(doneLabel).font(.footnote).foregroundStyle(.secondary)
            }
            ListenButton { [id = item.id] in try $0.speakableChecklistItem(id: id) }
            if let why = item.why {
                Text(labels.whyLabel).font(.caption).bold()
                Text(why).font(.subheadline)
            }
            if let how = item.how {
                Text(labels.howLabel).font(.caption).bold()
                Text(how).font(.subheadline)
            }
            if let article = item.article {
                ActionButton(label: labels.readMoreLabel, action: .openArticle(id: article.id))
                    .font(.subheadline)
                Text(article.title).font(.footnote).foregroundStyle(.secondary)
            }
            if item.isOwn, let texts = store.texts {
                Button(texts.remove, role: .destructive) { Task { await remove() } }
                    .font(.subheadline)
            }
        }
        // Several buttons share the row: each must take only its own taps.
        .buttonStyle(.borderless)
    }
}

import SwiftUI
import WaymarkCore

/// Renders `search(query:)` as the person types: after a pause in typing the core is asked again
/// and its results replace the last ones; a tap performs the result's action. Before anything is
/// typed, the field's hint says what can be found.
struct SearchScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var performer: ActionPerformer
    @State private var query = ""
    @State private var found: SearchView?
    /// The core's reason for refusing the query (too long, no word in it).
    @State private var refused: String?

    var body: some View {
        List {
            if let refused {
                FormFailure(message: refused)
            } else if let found {
                if found.results.isEmpty {
                    Text(found.emptyText).foregroundStyle(.secondary)
                }
                ForEach(Array(found.results.enumerated()), id: \.offset) { _, result in
                    Button {
                        performer.perform(result.action, texts: store.texts)
                    } label: {
                        SearchResultRow(result: result)
                    }
                }
            }
        }
        .navigationTitle(found?.title ?? store.texts?.searchTitle ?? "")
        .searchable(
            text: $query,
            placement: .navigationBarDrawer(displayMode: .always),
            prompt: Text(store.texts?.searchHint ?? "")
        )
        // A new key press (or language) cancels the task in its pause and starts the next.
        .task(id: "\(store.revision)#\(query)") { await search(query) }
    }

    private func search(_ typed: String) async {
        guard !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            found = nil
            refused = nil
            return
        }
        do {
            try await Task.sleep(nanoseconds: 250_000_000)
        } catch {
            return
        }
        do {
            let view = try await store.call { try $0.search(query: typed) }
            guard !Task.isCancelled else { return }
            found = view
            refused = nil
        } catch let WaymarkError.InvalidInput(_, _, shown) {
            guard !Task.isCancelled else { return }
            found = nil
            refused = shown
        } catch {
            store.failure = CoreStore.describe(error)
        }
    }
}

/// One result: what it is, its title and a few lines around the found words, which are bold.
private struct SearchResultRow: View {
    let result: SearchResult

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(result.kindLabel).font(.caption).foregroundStyle(.secondary)
            Text(Self.marked(result.titleParts)).font(.headline).foregroundStyle(.primary)
            if !result.snippet.isEmpty {
                Text(Self.marked(result.snippet)).font(.subheadline).foregroundStyle(.primary)
            }
        }
    }

    /// The pieces joined, the found words in bold.
    static func marked(_ parts: [TextPart]) -> AttributedString {
        var out = AttributedString()
        for part in parts {
            var piece = AttributedString(part.text)
            if part.highlighted {
                piece.inlinePresentationIntent = .stronglyEmphasized
            }
            out += piece
        }
        return out
    }
}

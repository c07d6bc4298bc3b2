import SwiftUI
import WaymarkCore

/// Renders `familyList(now:)`: the travellers this phone watches over, and adding a plan. The
/// system's paste button (no prompt, its words in the phone's language) reads a copied message
/// or a whole chat, checked by `verifySharedText(text:now:)` for every traveller at once.
struct FamilyScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var family: FamilyListView?
    @State private var checked: SharedTextView?

    var body: some View {
        Loaded(family) { family in
            List {
                NotificationsNotice()
                if let hint = family.emptyHint {
                    Text(hint).foregroundStyle(.secondary)
                }
                ForEach(family.travellers, id: \.id) { traveller in
                    NavigationLink(value: Route.traveller(id: traveller.id)) {
                        VStack(alignment: .leading, spacing: 2) {
                            Text(traveller.name).font(.headline)
                            Text(traveller.destination).font(.subheadline)
                            Text(traveller.headline)
                                .font(.subheadline)
                                .foregroundStyle(traveller.needsAttention ? Color.red : Color.secondary)
                        }
                    }
                }
                if let texts = store.texts {
                    NavigationLink(texts.importTitle, value: Route.importPlan)
                }
                if !family.travellers.isEmpty, let texts = store.texts {
                    Section(texts.verifyTitle) {
                        PasteButton(payloadType: String.self) { pasted in
                            let text = pasted.joined(separator: "\n")
                            Task { @MainActor in await check(text) }
                        }
                    }
                }
                if let checked {
                    SharedTextSections(
                        view: checked,
                        names: Dictionary(family.travellers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                    )
                }
            }
            .navigationTitle(family.title)
        }
        .task(id: store.revision) { family = await store.load { try $0.familyList(now: Date()) } }
    }

    /// Checks the pasted text (recording every code), then reads the list again: a help signal
    /// or a check-in changes the headlines.
    private func check(_ text: String) async {
        guard !text.isEmpty else { return }
        checked = await store.load { try $0.verifySharedText(text: text, now: Date()) }
        family = await store.load { try $0.familyList(now: Date()) } ?? family
        await notifications.replan()
    }
}

import SwiftUI
import WaymarkCore

/// Renders `familyList(now:)`: the travellers this phone watches over, and adding a plan.
struct FamilyScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var family: FamilyListView?

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
            }
            .navigationTitle(family.title)
        }
        .task(id: store.revision) { family = await store.load { try $0.familyList(now: Date()) } }
    }
}

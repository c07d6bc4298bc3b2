import SwiftUI
import WaymarkCore

/// The sections for a `SharedTextView` (a text pasted on the family screen or shared with
/// Waymark, checked by `verifySharedText(text:now:)`): the core's summary, one block per check
/// under its traveller's name with the calls for help first, the codes that belong to no one, and
/// a link to the traveller the text most likely comes from (named from the checks, else from
/// `names`, the family list's).
struct SharedTextSections: View {
    let view: SharedTextView
    var names: [String: String] = [:]

    var body: some View {
        let checks = view.checks.filter(\.needsHelp) + view.checks.filter { !$0.needsHelp }
        ForEach(Array(checks.enumerated()), id: \.offset) { _, check in
            Section(check.traveller.name) {
                VStack(alignment: .leading, spacing: 4) {
                    Label(check.headline, systemImage: check.needsHelp ? "exclamationmark.triangle.fill" : "checkmark.seal")
                        .labelStyle(HelpMark(shown: check.needsHelp))
                        .font(.headline)
                        .foregroundStyle(check.needsHelp ? Color.red : Color.primary)
                    Text(check.detail)
                }
                if check.needsHelp {
                    NavigationLink(check.traveller.name, value: Route.traveller(id: check.traveller.id))
                }
            }
        }
        if view.summary != nil || !view.unknownCodes.isEmpty {
            Section {
                if let summary = view.summary { Text(summary) }
                ForEach(Array(view.unknownCodes.enumerated()), id: \.offset) { _, code in
                    Text(code).monospacedDigit().textSelection(.enabled)
                }
            }
        }
        if let id = view.travellerId, let name = view.checks.first(where: { $0.traveller.id == id })?.traveller.name ?? names[id] {
            Section {
                NavigationLink(value: Route.traveller(id: id)) {
                    Label(name, systemImage: "person.crop.circle")
                }
            }
        }
    }
}

/// The warning sign before a call for help only: an ordinary check shows its headline alone.
private struct HelpMark: LabelStyle {
    let shown: Bool

    func makeBody(configuration: Configuration) -> some View {
        HStack(alignment: .firstTextBaseline) {
            if shown { configuration.icon }
            configuration.title
        }
    }
}

/// A text shared with Waymark from another app (`SharedTextInbox`), checked once when the screen
/// opens: checking records every code, so it is never checked again on a reload.
struct SharedTextScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    let text: String
    @State private var checked: SharedTextView?
    @State private var names: [String: String] = [:]

    var body: some View {
        Loaded(checked) { checked in
            List { SharedTextSections(view: checked, names: names) }
                .navigationTitle(store.texts?.verifyTitle ?? "")
        }
        .task {
            guard checked == nil else { return }
            let text = self.text
            checked = await store.load { try $0.verifySharedText(text: text, now: Date()) }
            if let family = await store.load({ try $0.familyList(now: Date()) }) {
                names = Dictionary(family.travellers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            }
            await notifications.replan()
        }
    }
}

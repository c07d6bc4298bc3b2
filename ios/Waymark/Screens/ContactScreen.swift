import SwiftUI
import WaymarkCore

/// Renders `contact(id:now:)`: one organisation from the directory, its hours and numbers.
struct ContactScreen: View {
    @EnvironmentObject private var store: CoreStore
    let id: String
    @State private var contact: ContactView?

    var body: some View {
        Loaded(contact) { contact in
            List {
                Section {
                    Text(contact.description)
                    ListenButton { [id] in try $0.speakableContact(id: id, now: Date()) }
                }
                if let status = contact.status {
                    Section(contact.labels.hours) {
                        Text(status).font(.headline)
                        if let hours = contact.hours { Text(hours) }
                        if let opening = contact.opening {
                            ForEach(Array(opening.lines.enumerated()), id: \.offset) { _, line in
                                Text(line).font(.footnote)
                            }
                        }
                    }
                }
                Section(contact.labels.phones) {
                    ForEach(Array(contact.phones.enumerated()), id: \.offset) { _, phone in
                        VStack(alignment: .leading, spacing: 4) {
                            Text(phone.number).font(.title3).monospacedDigit()
                            if let note = phone.costNote {
                                Text(note).font(.footnote).foregroundStyle(.secondary)
                            }
                            ContactActionsRow(actions: phone.actions)
                        }
                    }
                }
                if !contact.services.isEmpty {
                    Section(contact.labels.services) {
                        ForEach(contact.services, id: \.self) { Text($0) }
                    }
                }
                if let address = contact.address {
                    Section(contact.labels.address) { Text(address).textSelection(.enabled) }
                }
                if let capacity = contact.capacityText {
                    Section { Text(capacity) }
                }
                if let note = contact.note {
                    Section { Text(note).font(.footnote) }
                }
                if let source = contact.sourceText {
                    Section { Text(source).font(.footnote).foregroundStyle(.secondary) }
                }
                if let referral = contact.referralVia {
                    Section(contact.labels.referral) {
                        ActionButton(label: referral.name, action: .openContact(id: referral.id))
                    }
                }
            }
            .navigationTitle(contact.name)
        }
        .task(id: store.revision) {
            let id = self.id
            contact = await store.load { try $0.contact(id: id, now: Date()) }
        }
    }
}

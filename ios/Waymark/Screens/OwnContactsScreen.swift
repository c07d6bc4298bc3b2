import SwiftUI
import WaymarkCore

/// Renders `ownContacts()`; the form saves with `saveOwnContact` (adding, or replacing the one
/// being edited) and shows each field's problem under it; `ownContactRemove` removes.
struct OwnContactsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var contacts: OwnContactsView?
    @State private var countries: [CountryOption] = []
    @State private var editing: String?
    // The form's fields; the core's records are immutable, so they are kept one by one.
    @State private var name = ""
    @State private var kind = OwnContactKind.family
    @State private var country = ""
    @State private var phone = ""
    @State private var notes = ""
    @State private var failure: String?
    @State private var problems: [OwnContactFieldError] = []

    var body: some View {
        Loaded(contacts) { view in
            List {
                if view.contacts.isEmpty {
                    Text(view.emptyText).foregroundStyle(.secondary)
                }
                ForEach(view.contacts, id: \.id) { contact in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(contact.name).font(.headline)
                        Text(contact.kindLabel).font(.subheadline)
                        Text(contact.displayNumber).monospacedDigit()
                        Text(contact.country).font(.footnote)
                        if !contact.notes.isEmpty { Text(contact.notes).font(.footnote) }
                        ContactActionsRow(actions: contact.actions)
                        if let texts = store.texts {
                            HStack {
                                Button(texts.edit) { startEditing(contact) }
                                Button(texts.remove, role: .destructive) { Task { await remove(contact.id) } }
                            }
                            .buttonStyle(.borderless)
                        }
                    }
                }
                if let texts = store.texts {
                    Section(editing == nil ? texts.add : texts.edit) {
                        TextField(texts.contactName, text: $name)
                        problem(.name)
                        Picker(texts.contactKind, selection: $kind) {
                            ForEach(view.kinds, id: \.kind) { option in
                                Text(option.label).tag(option.kind)
                            }
                        }
                        Picker(view.countryLabel, selection: $country) {
                            ForEach(countries, id: \.code) { Text($0.name).tag($0.code) }
                        }
                        problem(.country)
                        TextField(texts.contactPhone, text: $phone).keyboardType(.phonePad)
                        problem(.phone)
                        TextField(view.notesLabel, text: $notes, axis: .vertical)
                        problem(.notes)
                        FormFailure(message: failure)
                        Button(texts.save) { Task { await save() } }
                        if editing != nil {
                            Button(texts.cancel) { reset() }
                        }
                    }
                }
            }
            .navigationTitle(view.title)
        }
        .task(id: store.revision) {
            contacts = await store.load { try $0.ownContacts() }
            countries = await store.load { $0.emergencyCountries() } ?? []
        }
    }

    /// The core's words for what is wrong with `field`, shown under it.
    @ViewBuilder
    private func problem(_ field: OwnContactField) -> some View {
        if let found = problems.first(where: { $0.field == field }) {
            Text(found.message).font(.footnote).foregroundStyle(.red)
        }
    }

    private func startEditing(_ contact: OwnContactView) {
        editing = contact.id
        (name, kind, country, phone, notes) = (contact.name, contact.kind, contact.countryCode, contact.displayNumber, contact.notes)
    }

    private func reset() {
        editing = nil
        failure = nil
        problems = []
        (name, kind, country, phone, notes) = ("", .family, "", "", "")
    }

    private func save() async {
        let input = OwnContactInput(name: name, kind: kind, country: country, phone: phone, notes: notes)
        let id = editing
        do {
            switch try await store.call({ try $0.saveOwnContact(editing: id, contact: input, now: Date()) }) {
            case let .saved(saved):
                contacts = saved
                reset()
            case let .refused(errors):
                failure = nil
                problems = errors
            }
        } catch {
            failure = CoreStore.describe(error)
        }
    }

    private func remove(_ id: String) async {
        contacts = await store.load { try $0.ownContactRemove(id: id) } ?? contacts
    }
}

import SwiftUI
import WaymarkCore

/// Renders `familyTraveller(id:now:)` with its escalation steps and `familyHistory(id:)`; the
/// message field calls `verifyCheckin(id:message:now:)`, and "I have dealt with it" calls
/// `familyMarkHandled(id:now:)`. A re-imported plan that weakens the routine waits in
/// `pendingChange` until the family accepts it (`familyAcceptPlanChange`) or keeps the old one
/// (`familyKeepPlan`).
struct TravellerScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    let id: String
    @State private var traveller: FamilyTravellerView?
    @State private var history: FamilyHistoryView?
    @State private var verification: VerificationView?
    @State private var message = ""
    @State private var failure: String?

    var body: some View {
        Loaded(traveller) { traveller in
            List {
                NotificationsNotice()
                Section {
                    Text(traveller.destination).font(.subheadline)
                    Text(traveller.headline)
                        .font(.headline)
                        .foregroundStyle(traveller.needsAttention ? Color.red : Color.primary)
                    if let current = traveller.current { SlotRow(slot: current) }
                    if let next = traveller.next { SlotRow(slot: next) }
                    if let last = traveller.lastCheckin { Text(last).font(.subheadline) }
                }
                if let change = traveller.pendingChange {
                    Section(change.title) {
                        ForEach(Array(change.differences.enumerated()), id: \.offset) { _, difference in
                            Text(difference)
                        }
                        Text(change.ask).font(.subheadline)
                        Button(change.acceptLabel) { Task { await decide(accept: true) } }
                        Button(change.keepLabel) { Task { await decide(accept: false) } }
                    }
                }
                if !traveller.steps.isEmpty {
                    Section {
                        ForEach(traveller.steps, id: \.number) { step in
                            VStack(alignment: .leading, spacing: 4) {
                                HStack(alignment: .firstTextBaseline) {
                                    Text("\(step.number).").monospacedDigit()
                                    if let action = step.action {
                                        ActionButton(label: step.title, action: action)
                                    } else {
                                        Text(step.title)
                                    }
                                }
                                .font(.headline)
                                Text(step.detail).font(.subheadline)
                            }
                            .buttonStyle(.borderless)
                        }
                        if traveller.helpSignalled, let texts = store.texts {
                            Button(texts.markHandled) { Task { await markHandled() } }
                        }
                    }
                }
                if let texts = store.texts {
                    Section(texts.verifyTitle) {
                        TextField(texts.verifyHint, text: $message, axis: .vertical)
                            .lineLimit(3...8)
                        FormFailure(message: failure)
                        Button(texts.verifyButton) { Task { await verify() } }
                            .disabled(message.isEmpty)
                        if let verification {
                            Text(verification.headline)
                                .font(.headline)
                                .foregroundStyle(verification.needsHelp ? Color.red : Color.primary)
                            Text(verification.detail)
                        }
                    }
                }
                Section {
                    Text(traveller.signalPhraseReminder).font(.footnote)
                    ForEach(Array(traveller.facts.enumerated()), id: \.offset) { _, fact in
                        VStack(alignment: .leading) {
                            Text(fact.label).font(.caption).foregroundStyle(.secondary)
                            Text(fact.value).textSelection(.enabled)
                        }
                    }
                }
                if let history, !history.entries.isEmpty {
                    Section(history.title) {
                        ForEach(Array(history.entries.enumerated()), id: \.offset) { _, entry in
                            VStack(alignment: .leading) {
                                Text(entry.atLabel)
                                Text(entry.slotLabel).font(.footnote)
                                Text(entry.outcomeLabel).font(.footnote).foregroundStyle(.secondary)
                            }
                        }
                    }
                }
            }
            .navigationTitle(traveller.name)
        }
        .task(id: store.revision) { await reload() }
    }

    private func reload() async {
        let id = self.id
        traveller = await store.load { try $0.familyTraveller(id: id, now: Date()) }
        history = await store.load { try $0.familyHistory(id: id) }
    }

    private func verify() async {
        let (id, message) = (self.id, self.message)
        do {
            let result = try await store.call { try $0.verifyCheckin(id: id, message: message, now: Date()) }
            verification = result
            traveller = result.traveller
            failure = nil
            history = await store.load { try $0.familyHistory(id: id) }
            await notifications.replan()
        } catch {
            failure = CoreStore.describe(error)
        }
    }

    /// The family called the traveller: the changed plan replaces the old one, or is dropped.
    private func decide(accept: Bool) async {
        let id = self.id
        let decided: FamilyTravellerView?
        if accept {
            decided = await store.load { try $0.familyAcceptPlanChange(id: id, now: Date()) }
        } else {
            decided = await store.load { try $0.familyKeepPlan(id: id, now: Date()) }
        }
        traveller = decided ?? traveller
        await notifications.replan()
    }

    private func markHandled() async {
        let id = self.id
        traveller = await store.load { try $0.familyMarkHandled(id: id, now: Date()) } ?? traveller
        await notifications.replan()
    }
}

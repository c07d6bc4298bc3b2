import SwiftUI
import WaymarkCore

/// Renders `checkinStatus(now:)` and `checkinHistory()`; the PIN field calls `checkIn(pin:now:)`
/// and shows the receipt with the message to send. Both PINs give the same screen.
struct CheckinScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var status: CheckinView?
    @State private var history: CheckinHistoryView?
    @State private var receipt: CheckinReceipt?
    @State private var pin = ""
    @State private var failure: String?

    var body: some View {
        Loaded(status) { status in
            List {
                NotificationsNotice()
                Section {
                    if let name = status.travellerName { Text(name).font(.subheadline) }
                    Text(status.headline).font(.headline)
                    if let current = status.current { SlotRow(slot: current) }
                    if let next = status.next { SlotRow(slot: next) }
                    if let last = status.lastCheckin { Text(last).font(.subheadline) }
                    Text(status.streakLabel).font(.footnote).foregroundStyle(.secondary)
                }
                if let receipt {
                    Section(receipt.headline) {
                        Text(receipt.message).textSelection(.enabled)
                        if let texts = store.texts {
                            ActionButton(label: texts.share, action: receipt.share)
                            ActionButton(label: texts.copy, action: .copyText(text: receipt.message))
                        }
                    }
                } else if let texts = store.texts, status.action == .checkIn {
                    Section(texts.pinLabel) {
                        SecureField(texts.pinHint, text: $pin)
                            .keyboardType(.numberPad)
                        FormFailure(message: failure)
                        Button(texts.checkInButton) { Task { await checkIn() } }
                            .disabled(pin.isEmpty)
                    }
                } else if let action = status.action {
                    Section {
                        ActionButton(label: status.headline, action: action)
                    }
                }
                // Pause, extend, end: offered by the core while the trip goes on.
                if receipt == nil, let texts = store.texts {
                    ForEach(Array(status.tripChanges.enumerated()), id: \.offset) { _, option in
                        TripChangeForm(option: option, pinLabel: texts.pinLabel, pinHint: texts.pinHint) { made in
                            receipt = made
                            self.status = made.status
                        }
                    }
                }
                if let texts = store.texts {
                    Section {
                        NavigationLink(texts.planTitle, value: Route.tripPlan)
                        NavigationLink(texts.pinsTitle, value: Route.pins)
                        NavigationLink(texts.changePinsTitle, value: Route.changePins)
                        NavigationLink(texts.exportTitle, value: Route.exportPlan)
                    }
                }
                if let history, !history.entries.isEmpty {
                    Section(history.title) {
                        ForEach(Array(history.entries.enumerated()), id: \.offset) { _, entry in
                            VStack(alignment: .leading) {
                                Text(entry.atLabel)
                                Text(entry.slotLabel).font(.footnote).foregroundStyle(.secondary)
                            }
                        }
                    }
                }
            }
            .navigationTitle(status.title)
        }
        .task(id: store.revision) { await reload() }
    }

    private func reload() async {
        status = await store.load { try $0.checkinStatus(now: Date()) }
        history = await store.load { try $0.checkinHistory() }
    }

    private func checkIn() async {
        let pin = self.pin
        do {
            let receipt = try await store.call { try $0.checkIn(pin: pin, now: Date()) }
            self.receipt = receipt
            status = receipt.status
            self.pin = ""
            failure = nil
            history = await store.load { try $0.checkinHistory() }
            await notifications.replan()
        } catch {
            self.pin = ""
            failure = CoreStore.describe(error)
        }
    }
}

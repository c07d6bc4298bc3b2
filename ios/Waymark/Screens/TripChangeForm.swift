import SwiftUI
import WaymarkCore

/// Pausing the check-ins, extending the trip or ending it, as the core describes it
/// (`CheckinView.tripChanges`): its words, its one field with the core's first value (a time on
/// this phone's clock, read by `localTimeInstant(dateTime:)`, or a day) and the PIN. The receipt
/// is the same whichever PIN was typed; the core decides what it means.
struct TripChangeForm: View {
    let option: TripChangeOption
    let pinLabel: String
    let pinHint: String
    let made: (CheckinReceipt) -> Void

    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var value = ""
    @State private var pin = ""
    @State private var failure: String?

    var body: some View {
        Section(option.label) {
            Text(option.hint).font(.footnote).foregroundStyle(.secondary)
            if let label = option.fieldLabel {
                TextField(label, text: $value)
                    .keyboardType(.numbersAndPunctuation)
            }
            SecureField(pinHint, text: $pin)
                .keyboardType(.numberPad)
                .accessibilityLabel(pinLabel)
            FormFailure(message: failure)
            Button(option.label) { Task { await submit() } }
                .disabled(pin.isEmpty)
        }
        .onAppear { if value.isEmpty { value = option.fieldValue ?? "" } }
    }

    private func submit() async {
        let pin = self.pin
        let value = self.value
        let change = option.change
        do {
            let receipt = try await store.call { waymark -> CheckinReceipt in
                switch change {
                case .pause:
                    let until = try waymark.localTimeInstant(dateTime: value)
                    return try waymark.pauseCheckIns(pin: pin, until: until, now: Date())
                case .extend:
                    return try waymark.extendTrip(pin: pin, lastDay: value, now: Date())
                case .end:
                    return try waymark.endTrip(pin: pin, now: Date())
                }
            }
            self.pin = ""
            failure = nil
            made(receipt)
            await notifications.replan()
        } catch {
            self.pin = ""
            failure = CoreStore.describe(error)
        }
    }
}

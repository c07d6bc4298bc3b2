import SwiftUI
import WaymarkCore

/// The form for `saveCheckinPins(input:)`: the core checks the PINs and the phrase, and each
/// field's problem is shown under it.
struct PinsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var normal = ""
    @State private var help = ""
    @State private var phrase = ""
    @State private var problems: [CheckinPinsFieldError] = []
    @State private var failure: String?
    @State private var saved = false

    var body: some View {
        if let texts = store.texts {
            Form {
                Section {
                    SecureField(texts.normalPinLabel, text: $normal).keyboardType(.numberPad)
                    problem(.normalPin)
                } footer: { Text(texts.normalPinHint) }
                Section {
                    SecureField(texts.duressPinLabel, text: $help).keyboardType(.numberPad)
                    problem(.helpPin)
                } footer: { Text(texts.duressPinHint) }
                Section {
                    SecureField(texts.signalPhraseLabel, text: $phrase)
                    problem(.signalPhrase)
                } footer: { Text(texts.signalPhraseHint) }
                Section {
                    FormFailure(message: failure)
                    if saved {
                        Text(texts.pinsSaved)
                    } else {
                        Button(texts.save) { Task { await save() } }
                    }
                } footer: { Text(texts.pinHint) }
            }
            .navigationTitle(texts.pinsTitle)
        }
    }

    /// The core's words for what is wrong with `field`, shown under it.
    @ViewBuilder
    private func problem(_ field: CheckinPinsField) -> some View {
        if let found = problems.first(where: { $0.field == field }) {
            Text(found.message).font(.footnote).foregroundStyle(.red)
        }
    }

    private func save() async {
        let input = CheckinPinsInput(normalPin: normal, helpPin: help, signalPhrase: phrase)
        do {
            switch try await store.call({ try $0.saveCheckinPins(input: input) }) {
            case .saved:
                (normal, help, phrase) = ("", "", "")
                problems = []
                failure = nil
                saved = true
                await notifications.replan()
            case let .refused(errors):
                failure = nil
                problems = errors
            }
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

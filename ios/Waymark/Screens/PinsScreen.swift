import SwiftUI
import WaymarkCore

/// The form for `setCheckinPins(normalPin:duressPin:signalPhrase:)`; the core checks the PINs.
struct PinsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var normal = ""
    @State private var duress = ""
    @State private var phrase = ""
    @State private var failure: String?
    @State private var saved = false

    var body: some View {
        if let texts = store.texts {
            Form {
                Section {
                    SecureField(texts.normalPinLabel, text: $normal).keyboardType(.numberPad)
                } footer: { Text(texts.normalPinHint) }
                Section {
                    SecureField(texts.duressPinLabel, text: $duress).keyboardType(.numberPad)
                } footer: { Text(texts.duressPinHint) }
                Section {
                    SecureField(texts.signalPhraseLabel, text: $phrase)
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

    private func save() async {
        let (normal, duress, phrase) = (self.normal, self.duress, self.phrase)
        do {
            try await store.call { try $0.setCheckinPins(normalPin: normal, duressPin: duress, signalPhrase: phrase) }
            (self.normal, self.duress, self.phrase) = ("", "", "")
            failure = nil
            saved = true
            await notifications.replan()
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

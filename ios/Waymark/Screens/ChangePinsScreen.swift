import SwiftUI
import WaymarkCore

/// The form for `changeCheckinPins(currentPin:newNormalPin:newDuressPin:)`. Either PIN works as
/// the current one and the screen is the same whichever was typed; the core decides what the
/// change means.
struct ChangePinsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var current = ""
    @State private var normal = ""
    @State private var duress = ""
    @State private var failure: String?
    @State private var changed = false

    var body: some View {
        if let texts = store.texts {
            Form {
                Section {
                    Text(texts.changePinsHint)
                }
                Section {
                    SecureField(texts.currentPinLabel, text: $current).keyboardType(.numberPad)
                }
                Section {
                    SecureField(texts.newNormalPinLabel, text: $normal).keyboardType(.numberPad)
                } footer: { Text(texts.normalPinHint) }
                Section {
                    SecureField(texts.newDuressPinLabel, text: $duress).keyboardType(.numberPad)
                } footer: { Text(texts.duressPinHint) }
                Section {
                    FormFailure(message: failure)
                    if changed {
                        Text(texts.pinsChanged)
                    } else {
                        Button(texts.save) { Task { await save() } }
                    }
                } footer: { Text(texts.pinHint) }
            }
            .navigationTitle(texts.changePinsTitle)
        }
    }

    private func save() async {
        let (current, normal, duress) = (self.current, self.normal, self.duress)
        do {
            try await store.call { try $0.changeCheckinPins(currentPin: current, newNormalPin: normal, newDuressPin: duress) }
            (self.current, self.normal, self.duress) = ("", "", "")
            failure = nil
            changed = true
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

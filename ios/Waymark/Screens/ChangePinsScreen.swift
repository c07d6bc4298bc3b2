import SwiftUI
import WaymarkCore

/// The form for `saveChangedCheckinPins(input:)`. Either PIN works as the current one and the
/// screen is the same whichever was typed; the core decides what the change means, and shows
/// each field's problem under it.
struct ChangePinsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var current = ""
    @State private var normal = ""
    @State private var help = ""
    @State private var problems: [ChangePinsFieldError] = []
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
                    problem(.currentPin)
                }
                Section {
                    SecureField(texts.newNormalPinLabel, text: $normal).keyboardType(.numberPad)
                    problem(.newNormalPin)
                } footer: { Text(texts.normalPinHint) }
                Section {
                    SecureField(texts.newDuressPinLabel, text: $help).keyboardType(.numberPad)
                    problem(.newHelpPin)
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

    /// The core's words for what is wrong with `field`, shown under it.
    @ViewBuilder
    private func problem(_ field: ChangePinsField) -> some View {
        if let found = problems.first(where: { $0.field == field }) {
            Text(found.message).font(.footnote).foregroundStyle(.red)
        }
    }

    private func save() async {
        let input = ChangePinsInput(currentPin: current, newNormalPin: normal, newHelpPin: help)
        do {
            switch try await store.call({ try $0.saveChangedCheckinPins(input: input) }) {
            case .changed:
                (current, normal, help) = ("", "", "")
                problems = []
                failure = nil
                changed = true
            case let .refused(errors):
                failure = nil
                problems = errors
            }
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

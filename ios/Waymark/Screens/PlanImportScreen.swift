import SwiftUI
import WaymarkCore

/// Adds a traveller's plan with `importPlan(payload:passphrase:now:)`, pasted or scanned; the
/// core refuses a damaged, foreign or wrongly sealed payload with its reason.
struct PlanImportScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var performer: ActionPerformer
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var payload = ""
    @State private var sealed = false
    @State private var passphrase = ""
    @State private var scanning = false
    @State private var failure: String?

    var body: some View {
        if let texts = store.texts {
            Form {
                Section {
                    TextField(texts.importPasteHint, text: $payload, axis: .vertical)
                        .lineLimit(3...10)
                        .autocorrectionDisabled()
                        .textInputAutocapitalization(.never)
                    Button(texts.scanButton) { scanning = true }
                }
                Section {
                    Toggle(texts.exportSealed, isOn: $sealed)
                    if sealed {
                        SecureField(texts.passphraseLabel, text: $passphrase)
                    }
                }
                Section {
                    FormFailure(message: failure)
                    Button(texts.importButton) { Task { await importPlan() } }
                        .disabled(payload.isEmpty)
                }
            }
            .navigationTitle(texts.importTitle)
            .sheet(isPresented: $scanning) {
                VStack {
                    QrScanner { text in
                        payload = text
                        scanning = false
                    }
                    Text(texts.scanHint).padding()
                    Button(texts.cancel) { scanning = false }.padding(.bottom)
                }
            }
        }
    }

    private func importPlan() async {
        let payload = self.payload
        let passphrase: String? = sealed ? self.passphrase : nil
        do {
            let traveller = try await store.call { try $0.importPlan(payload: payload, passphrase: passphrase, now: Date()) }
            failure = nil
            await notifications.replan()
            if !performer.path.isEmpty { performer.path.removeLast() }
            performer.path.append(.traveller(id: traveller.id))
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

import SwiftUI
import WaymarkCore

/// Hands the plan to the family: `exportPlan(pin:passphrase:)` unlocked with a check-in PIN. The
/// plan is always sealed: with the person's own passphrase when they type one, else with the
/// words the core makes up. Then the passphrase big with the core's hint (say it on the phone,
/// never in the same message), its QR code (when it fits) and the text to share or copy.
struct PlanExportScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var pin = ""
    @State private var passphrase = ""
    @State private var export: PlanExport?
    @State private var code: QrCode?
    @State private var failure: String?

    var body: some View {
        if let texts = store.texts {
            Form {
                Section { Text(texts.exportHint).font(.subheadline) }
                if let export {
                    Section {
                        Text(export.passphrase)
                            .font(.largeTitle.weight(.semibold))
                            .textSelection(.enabled)
                        Text(export.passphraseHint)
                    }
                    Section {
                        if let code { QrCodeView(code: code) }
                        ActionButton(label: texts.share, action: export.share)
                        ActionButton(label: texts.copy, action: .copyText(text: export.payload))
                    }
                } else {
                    Section {
                        SecureField(texts.pinLabel, text: $pin).keyboardType(.numberPad)
                        // Optional: left empty, the core makes up the words.
                        SecureField(texts.passphraseLabel, text: $passphrase)
                        Text(texts.passphraseHint).font(.footnote)
                        FormFailure(message: failure)
                        Button(texts.showQr) { Task { await makeExport() } }
                            .disabled(pin.isEmpty)
                    }
                }
            }
            .navigationTitle(texts.exportTitle)
        }
    }

    private func makeExport() async {
        let pin = self.pin
        let passphrase: String? = self.passphrase.isEmpty ? nil : self.passphrase
        do {
            let made = try await store.call { try $0.exportPlan(pin: pin, passphrase: passphrase) }
            self.pin = ""
            self.passphrase = ""
            failure = nil
            export = made
            if made.fitsQrCode {
                let payload = made.payload
                code = await store.load { _ in try qrCode(text: payload) }
            }
        } catch {
            self.pin = ""
            failure = CoreStore.describe(error)
        }
    }
}

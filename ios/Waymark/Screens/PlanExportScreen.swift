import SwiftUI
import WaymarkCore

/// Hands the plan to the family: `exportPlan(pin:passphrase:)` unlocked with a check-in PIN,
/// optionally sealed with a passphrase, then its QR code (when it fits) and the text to
/// share or copy.
struct PlanExportScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var pin = ""
    @State private var sealed = false
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
                        if let code { QrCodeView(code: code) }
                        ActionButton(label: texts.share, action: export.share)
                        ActionButton(label: texts.copy, action: .copyText(text: export.payload))
                    }
                } else {
                    Section {
                        SecureField(texts.pinLabel, text: $pin).keyboardType(.numberPad)
                        Toggle(texts.exportSealed, isOn: $sealed)
                        if sealed {
                            SecureField(texts.passphraseLabel, text: $passphrase)
                            Text(texts.passphraseHint).font(.footnote)
                        }
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
        let passphrase: String? = sealed ? self.passphrase : nil
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

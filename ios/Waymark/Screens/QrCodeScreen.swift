import SwiftUI
import WaymarkCore

/// Draws `qrCode(text:)` with a Canvas: the core encodes, the shell only paints the modules.
struct QrCodeView: View {
    let code: QrCode

    var body: some View {
        Canvas { context, size in
            let side = Int(code.size + 2 * code.quietZone)
            let module = min(size.width, size.height) / CGFloat(side)
            context.fill(Path(CGRect(origin: .zero, size: size)), with: .color(.white))
            let quiet = CGFloat(code.quietZone)
            let modules = [UInt8](code.modules)
            for row in 0..<Int(code.size) {
                for column in 0..<Int(code.size) where modules[row * Int(code.size) + column] == 1 {
                    let rect = CGRect(x: (CGFloat(column) + quiet) * module, y: (CGFloat(row) + quiet) * module, width: module, height: module)
                    context.fill(Path(rect), with: .color(.black))
                }
            }
        }
        .aspectRatio(1, contentMode: .fit)
        .accessibilityHidden(true)
    }
}

/// A payload shown as a QR code for another phone to scan, with share and copy.
struct QrCodeScreen: View {
    @EnvironmentObject private var store: CoreStore
    let text: String
    @State private var code: QrCode?

    var body: some View {
        ScrollView {
            VStack(spacing: 16) {
                if let code {
                    QrCodeView(code: code).padding()
                }
                if let texts = store.texts {
                    Text(texts.exportHint).font(.subheadline)
                    ActionButton(label: texts.share, action: .shareText(text: text)).buttonStyle(.bordered)
                    ActionButton(label: texts.copy, action: .copyText(text: text)).buttonStyle(.bordered)
                }
            }
            .padding()
        }
        .navigationTitle(store.texts?.showQr ?? "")
        .task {
            let text = self.text
            code = await store.load { _ in try qrCode(text: text) }
        }
    }
}

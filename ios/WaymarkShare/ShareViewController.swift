import UIKit
import UniformTypeIdentifiers

/// The share extension: "Waymark" in the share sheet of any app that shares text (a message
/// selected in a chat app, a note, a mail). It shows nothing and decides nothing: it takes the
/// shared text, hands it to the app through `SharedTextInbox` (the Keychain, never a file) and
/// closes. The app checks it with the core's `verifySharedText(text:now:)` the next time it is
/// opened past its lock. iOS lets no share extension open its app, so the person opens Waymark.
final class ShareViewController: UIViewController {
    override func viewDidAppear(_ animated: Bool) {
        super.viewDidAppear(animated)
        Task { await handOver() }
    }

    @MainActor
    private func handOver() async {
        let items = extensionContext?.inputItems.compactMap { $0 as? NSExtensionItem } ?? []
        var parts: [String] = []
        for item in items {
            var found = false
            for provider in item.attachments ?? [] where provider.hasItemConformingToTypeIdentifier(UTType.plainText.identifier) {
                if let text = try? await provider.loadItem(forTypeIdentifier: UTType.plainText.identifier) as? String {
                    parts.append(text)
                    found = true
                }
            }
            // Some apps give the text only as the item's content.
            if !found, let text = item.attributedContentText?.string, !text.isEmpty {
                parts.append(text)
            }
        }
        if !parts.isEmpty && SharedTextInbox.put(parts.joined(separator: "\n")) {
            extensionContext?.completeRequest(returningItems: nil)
        } else {
            extensionContext?.cancelRequest(withError: CocoaError(.featureUnsupported))
        }
    }
}

import AVFoundation
import SwiftUI
import WaymarkCore

/// Reads the core's speakable texts aloud with the phone's own voice; nothing leaves the phone.
@MainActor
final class Speech {
    static let shared = Speech()
    private let synthesizer = AVSpeechSynthesizer()

    /// Reads `text` aloud; returns the core's hint instead when the phone has no voice for the
    /// text's language.
    func speak(_ text: SpeakableText) -> String? {
        guard let voice = AVSpeechSynthesisVoice(language: text.language) else { return text.noVoiceHint }
        synthesizer.stopSpeaking(at: .immediate)
        let utterance = AVSpeechUtterance(string: text.text)
        utterance.voice = voice
        synthesizer.speak(utterance)
        return nil
    }

    /// Stops reading (the person left quickly).
    func stop() {
        synthesizer.stopSpeaking(at: .immediate)
    }
}

/// A "Listen" button for the core's speakable text of a screen; shows the core's hint when the
/// phone has no voice for its language.
struct ListenButton: View {
    @EnvironmentObject private var store: CoreStore
    let speakable: (Waymark) throws -> SpeakableText
    @State private var hint: String?

    var body: some View {
        if let texts = store.texts {
            Button(texts.listen) {
                Task {
                    if let text = await store.load(speakable) { hint = Speech.shared.speak(text) }
                }
            }
            if let hint { Text(hint).font(.footnote).foregroundStyle(.secondary) }
        }
    }
}

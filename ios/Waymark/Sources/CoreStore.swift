import Foundation
import WaymarkCore

/// Owns the one `Waymark` of this profile and runs every core call off the main thread, one at a
/// time. Screens ask it for their view model and render it; it decides nothing itself.
@MainActor
final class CoreStore: ObservableObject {
    /// The words around the view models, in the person's language.
    @Published private(set) var texts: ShellTexts?
    /// Bumped when the language or time zone changes, so every screen on show reloads.
    @Published private(set) var revision = 0
    /// The last failure, shown once by the root view.
    @Published var failure: String?

    private var core: Waymark?
    /// One queue: the core is thread-safe, but a serial order keeps writes in the order tapped.
    private let queue = DispatchQueue(label: "org.waymark.core", qos: .userInitiated)

    /// Opens the profile (creating it on first launch) and hands the core its keystore key.
    func open() async {
        guard core == nil else { return }
        let language = Locale.preferredLanguages.first.map { Locale(identifier: $0).language.languageCode?.identifier ?? "en" } ?? "en"
        let timeZone = TimeZone.current.identifier
        do {
            let (opened, words): (Waymark, ShellTexts) = try await onQueue {
                let path = try ProfileLocation.profilePath()
                let waymark = try Waymark.open(path: path, options: WaymarkOptions(language: language, timeZone: timeZone))
                try waymark.setKeystoreKey(key: try KeychainKey.load())
                return (waymark, waymark.shellTexts())
            }
            core = opened
            texts = words
            revision += 1
        } catch {
            failure = Self.describe(error)
        }
    }

    /// Runs `body` with the core off the main thread; on failure shows the core's words for the
    /// person (`describe`) and returns nil.
    func load<T>(_ body: @escaping (Waymark) throws -> T) async -> T? {
        do {
            return try await call(body)
        } catch is NotOpen {
            // Asked before the profile opened (the app became active while launching); the
            // opening itself reports any failure.
            return nil
        } catch {
            failure = Self.describe(error)
            return nil
        }
    }

    /// Runs `body` with the core off the main thread and hands a failure to the caller, for forms
    /// that show the reason next to the field.
    func call<T>(_ body: @escaping (Waymark) throws -> T) async throws -> T {
        guard let core else { throw NotOpen() }
        return try await onQueue { try body(core) }
    }

    /// Switches the language of everything the core returns.
    func setLanguage(_ code: String) async {
        guard await load({ try $0.setLanguage(language: code) }) != nil else { return }
        await refreshTexts()
    }

    /// Follows the phone's time zone (the person travelled).
    func followTimeZone() async {
        let zone = TimeZone.current.identifier
        guard await load({ try $0.setTimeZone(timeZone: zone) }) != nil else { return }
        revision += 1
    }

    private func refreshTexts() async {
        texts = await load { $0.shellTexts() }
        revision += 1
    }

    private func onQueue<T>(_ body: @escaping () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// The core's words for the person, shown as given: every error carries them in the
    /// person's language (`shown`), with no personal data. The other values (ids, English
    /// details) are for bug reports, never for the screen.
    static func describe(_ error: Error) -> String {
        switch error {
        case let WaymarkError.InvalidInput(_, _, shown): return shown
        case let WaymarkError.NotFound(_, _, shown): return shown
        case let WaymarkError.ProfileUnreadable(_, shown): return shown
        case let WaymarkError.Storage(_, shown): return shown
        case let WaymarkError.ContentRejected(_, _, shown): return shown
        case let WaymarkError.Internal(_, shown): return shown
        default: return error.localizedDescription
        }
    }

    private struct NotOpen: Error {}
}

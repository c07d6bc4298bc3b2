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
    /// What the root shows first: the disguise's calculator, the lock screen, or the app.
    @Published private(set) var gate: Gate = .loading
    /// The lock as the core last described it (the lock screen renders it).
    @Published private(set) var lock: LockView?

    /// The screens in front of the app. The core decides `locked` and whether the disguise is on;
    /// the shell only remembers that this launch got past the calculator.
    enum Gate { case loading, calculator, lock, open, lostKey }
    /// Why the profile did not open and the words of the erase offer, when its key is lost.
    @Published private(set) var lostKey: LostKey?

    /// An encrypted profile whose key is lost: the core's words for why it did not open, and the
    /// shell's words in the phone's language (`shellTextsWithoutProfile`) for erasing it.
    struct LostKey {
        let why: String
        let texts: ShellTexts
    }
    /// The calculator opened the app since the last time it went to the background.
    private var pastCover = false

    private var core: Waymark?
    /// One queue: the core is thread-safe, but a serial order keeps writes in the order tapped.
    private let queue = DispatchQueue(label: "org.waymark.core", qos: .userInitiated)

    /// Opens the profile (creating it on first launch) with the profile key, read from the
    /// Keychain first. Before the phone's first unlock the key cannot be read: nothing is opened
    /// or made, and the core's plain "unlock your phone" line is shown instead.
    func open() async {
        guard core == nil else { return }
        let language = Locale.preferredLanguages.first.map { Locale(identifier: $0).language.languageCode?.identifier ?? "en" } ?? "en"
        let timeZone = TimeZone.current.identifier
        do {
            let (opened, words): (Waymark, ShellTexts) = try await onQueue {
                guard case let .key(key) = try KeychainKey.load(for: try ProfileLocation.profileURL()) else {
                    throw BeforeFirstUnlock()
                }
                // An empty key (an encrypted profile whose key is lost) is refused by the core,
                // in its own words; nothing is changed on disk.
                let path = try ProfileLocation.profilePath()
                let waymark = try Waymark.open(path: path, options: WaymarkOptions(language: language, timeZone: timeZone, profileKey: key))
                return (waymark, waymark.shellTexts())
            }
            core = opened
            texts = words
            revision += 1
        } catch is BeforeFirstUnlock {
            failure = (try? lockedAlertText(language: language, urgency: .reminder))?.body
        } catch {
            let why = Self.describe(error)
            // The key of an encrypted profile is lost: nothing in it can be read any more, and
            // erasing it (without opening it) is offered, so the app can start again.
            let offer: ShellTexts? = try? await onQueue { () throws -> ShellTexts? in
                guard KeychainKey.isLost(for: try ProfileLocation.profileURL()) else { return nil }
                return try shellTextsWithoutProfile(language: language)
            }
            if let offer {
                lostKey = LostKey(why: why, texts: offer)
                gate = .lostKey
                return
            }
            failure = why
        }
        await refreshGate()
    }

    /// Erases a profile whose key is lost, after its one question (never a PIN): the core removes
    /// the profile's files without opening it (refused here unless the key is still lost), then
    /// the rest goes as after `eraseAll` (the Keychain item, every notification, the share
    /// extension's hand-over, every file the app wrote) and a new profile is opened with a new
    /// key, as on a first run. True once done.
    func eraseUnopenable(_ notifications: NotificationScheduler) async -> Bool {
        do {
            try await onQueue {
                let profile = try ProfileLocation.profileURL()
                guard KeychainKey.isLost(for: profile) else { throw KeyNotLost() }
                try eraseUnopenableProfile(path: profile.path)
            }
        } catch {
            failure = Self.describe(error)
            return false
        }
        notifications.removeEverything()
        SharedTextInbox.discard()
        KeychainKey.remove()
        ProfileLocation.removeShellFiles()
        lostKey = nil
        gate = .loading
        await open()
        await notifications.replan()
        return true
    }

    /// "Erase all data", after its one question (never a PIN). The core erases the profile and
    /// says whether the device's data goes too: then the Keychain item, every notification, the
    /// share extension's hand-over and every file the app wrote are removed, and the profile is
    /// opened again with a new key, as on a first run. After the help PIN nothing else is
    /// removed. True once done, whichever the core decided: the screens are the same.
    func eraseAll(_ notifications: NotificationScheduler) async -> Bool {
        guard let outcome = await load({ try $0.eraseAllData() }) else { return false }
        if outcome.removeDeviceData {
            core = nil
            texts = nil
            notifications.removeEverything()
            SharedTextInbox.discard()
            KeychainKey.remove()
            ProfileLocation.removeShellFiles()
            await open()
            await notifications.replan()
        }
        return true
    }

    /// Reads the lock and the disguise and shows what they say; the launcher's icon is made to
    /// match the disguise at every start and after every change (`AlternateIcon`).
    func refreshGate() async {
        guard let lockView = await load({ try $0.lockStatus(now: Date()) }),
              let disguise = await load({ try $0.disguiseStatus(platform: .ios) }) else { return }
        lock = lockView
        AlternateIcon.match(disguise)
        let next: Gate = disguise.on && !pastCover ? .calculator : (lockView.locked ? .lock : .open)
        if next == .open && gate != .open {
            // Whatever was loaded behind the gate is read again from the session now open.
            revision += 1
        }
        gate = next
    }

    /// Tries a PIN at the lock screen; the core says whether it opened and what went wrong.
    func unlock(_ pin: String) async {
        guard let view = await load({ try $0.unlock(pin: pin, now: Date()) }) else { return }
        lock = view
        await refreshGate()
    }

    /// The calculator's `=` opened the app (either PIN: the shell cannot tell and does not try).
    func calculatorOpened() async {
        pastCover = true
        await refreshGate()
    }

    /// The app went to the background: the core closes the lock, and the next return starts at
    /// the calculator again when the disguise is on.
    func lockNow() async {
        pastCover = false
        _ = await load { try $0.lockNow() }
        await refreshGate()
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
    private struct BeforeFirstUnlock: Error {}
    private struct KeyNotLost: Error {}
}

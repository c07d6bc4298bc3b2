import Foundation
import Security

/// Hands a text shared with Waymark from the share extension (WaymarkShare) to the app. A share
/// extension cannot open its app, and the text may hold a traveller's check-in code or signal
/// phrase, so it never goes to a file: the extension keeps it as one Keychain item in the access
/// group the two share (encrypted by the system, this device only, readable while the phone is
/// unlocked, never synced or restored elsewhere), replacing any earlier one, and the app takes it
/// (reads and deletes it) the next time it is open past the lock. This file is compiled into both
/// targets.
enum SharedTextInbox {
    private static let service = "org.waymark.shared-text"
    private static let account = "hand-over"

    /// The shared access group, "TEAMID.org.waymark.shared", from the `WaymarkKeychainGroup` key
    /// project.yml writes into both Info.plists (the team prefix is known only when signing).
    private static var group: String? {
        Bundle.main.object(forInfoDictionaryKey: "WaymarkKeychainGroup") as? String
    }

    private static func query(_ group: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrAccessGroup as String: group,
        ]
    }

    /// Called by the extension: keeps `text` for the app, replacing what was there. False when
    /// the Keychain refused it.
    @discardableResult
    static func put(_ text: String) -> Bool {
        guard let group else { return false }
        SecItemDelete(query(group) as CFDictionary)
        var add = query(group)
        add[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        add[kSecValueData as String] = Data(text.utf8)
        return SecItemAdd(add as CFDictionary, nil) == errSecSuccess
    }

    /// Called by the app after "erase all data": a text waiting is deleted unread.
    static func discard() {
        guard let group else { return }
        SecItemDelete(query(group) as CFDictionary)
    }

    /// Called by the app: the text waiting, if any, deleted as it is read.
    static func take() -> String? {
        guard let group else { return nil }
        var read = query(group)
        read[kSecReturnData as String] = true
        read[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(read as CFDictionary, &item)
        guard status == errSecSuccess else { return nil }
        SecItemDelete(query(group) as CFDictionary)
        guard let data = item as? Data else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

import Foundation
import Security
import WaymarkCore

/// The profile key: 32 random bytes the core encrypts the whole profile with (and the family's
/// secrets inside it), kept as one Keychain item on this device only: never synced, never in a
/// backup, readable after the first unlock since a restart
/// (`kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`), so alerts can be planned again while
/// the phone is locked. It is read before the profile opens.
///
/// A new key is made only when no profile can need the old one: there is no profile yet, or it
/// is a plaintext one from a release before the profile was encrypted (the core seals it with
/// this key). An encrypted profile whose item is gone gets no new key, which would not open it
/// and would leave a new empty profile over it: the core is given no key and says so itself.
enum KeychainKey {
    private static let service = "org.waymark.keystore"
    private static let account = "profile-key"
    private static let length = 32

    /// What the Keychain gave.
    enum Loaded {
        /// The key to open with (empty when an encrypted profile's key is lost).
        case key(Data)
        /// The phone has not been unlocked since it started: the item cannot be read yet, and
        /// nothing may be opened or made.
        case beforeFirstUnlock
    }

    /// The key for the profile at `profile`, made when the profile cannot need another.
    static func load(for profile: URL) throws -> Loaded {
        switch try read() {
        case .beforeFirstUnlock:
            return .beforeFirstUnlock
        case let .key(key) where key.count == length:
            return .key(key)
        case .key:
            // A damaged item: the core names the problem.
            return .key(Data())
        case .none:
            if encrypted(profile) { return .key(Data()) }
            return .key(try create())
        }
    }

    /// Whether the profile at `profile` cannot be opened because its key is lost: the core finds
    /// an encrypted profile there, and the Keychain has no usable key (no item, or a damaged
    /// one). The core decides "encrypted"; the shell only knows its key is missing. Before the
    /// first unlock, or on any other Keychain error, the key is not known to be missing.
    static func isLost(for profile: URL) -> Bool {
        let missing: Bool
        do {
            switch try read() {
            case nil: missing = true
            case let .key(key)?: missing = key.count != length
            case .beforeFirstUnlock?: missing = false
            }
        } catch {
            missing = false
        }
        return missing && (try? profileAtRest(path: profile.path)) == .encrypted
    }

    /// Removes the item, after the core erased the profile (`eraseAllData` said to remove the
    /// device's data, or `eraseUnopenableProfile` erased one whose key was lost).
    static func remove() {
        SecItemDelete(base() as CFDictionary)
    }

    private static func base() -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    private static func create() throws -> Data {
        var bytes = Data(count: length)
        let status = bytes.withUnsafeMutableBytes { SecRandomCopyBytes(kSecRandomDefault, length, $0.baseAddress!) }
        guard status == errSecSuccess else { throw KeychainFailure(status: status) }
        var add = base()
        add[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        add[kSecValueData as String] = bytes
        let added = SecItemAdd(add as CFDictionary, nil)
        guard added == errSecSuccess else { throw KeychainFailure(status: added) }
        return bytes
    }

    private static func read() throws -> Loaded? {
        var query = base()
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess: return .key(item as? Data ?? Data())
        case errSecItemNotFound: return nil
        case errSecInteractionNotAllowed: return .beforeFirstUnlock
        default: throw KeychainFailure(status: status)
        }
    }

    /// Whether the core finds an encrypted profile at `profile` (one it cannot read counts as
    /// encrypted: no new key is made for it).
    private static func encrypted(_ profile: URL) -> Bool {
        guard let found = try? profileAtRest(path: profile.path) else { return true }
        return found == .encrypted
    }

    struct KeychainFailure: LocalizedError {
        let status: OSStatus
        var errorDescription: String? { "Keychain \(status)" }
    }
}

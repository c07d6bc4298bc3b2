import Foundation
import Security

/// The 32-byte key the core seals the family's secrets with, kept in the Keychain on this device
/// only (never synced, never in a backup), and created the first time.
enum KeychainKey {
    private static let service = "org.waymark.keystore"
    private static let account = "profile-key"

    static func load() throws -> Data {
        if let key = try read() { return key }
        var bytes = Data(count: 32)
        let status = bytes.withUnsafeMutableBytes { SecRandomCopyBytes(kSecRandomDefault, 32, $0.baseAddress!) }
        guard status == errSecSuccess else { throw KeychainFailure(status: status) }
        let add: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
            kSecValueData as String: bytes,
        ]
        let added = SecItemAdd(add as CFDictionary, nil)
        guard added == errSecSuccess else { throw KeychainFailure(status: added) }
        return bytes
    }

    private static func read() throws -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ]
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess: return item as? Data
        case errSecItemNotFound: return nil
        default: throw KeychainFailure(status: status)
        }
    }

    struct KeychainFailure: LocalizedError {
        let status: OSStatus
        var errorDescription: String? { "Keychain \(status)" }
    }
}

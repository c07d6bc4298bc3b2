import Foundation

/// Where the profile lives: Application Support, protected while the phone is locked after the
/// first unlock (notifications are planned in the background of a tap), and never in backups, as
/// the profile holds the trip plan and the family's secrets.
enum ProfileLocation {
    static func profilePath() throws -> String {
        let files = FileManager.default
        var folder = try files.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent("Waymark", isDirectory: true)
        try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        // SQLite adds -wal and -shm files beside the profile; they inherit the folder's protection.
        return folder.appendingPathComponent("profile.sqlite").path
    }
}

import Foundation

/// Where the profile lives: Application Support, protected while the phone is locked after the
/// first unlock (notifications are planned in the background of a tap), and never in backups, as
/// the profile holds the trip plan and the family's secrets.
enum ProfileLocation {
    static func profilePath() throws -> String {
        // SQLite adds -wal and -shm files beside the profile; they inherit the folder's protection.
        try folder().appendingPathComponent("profile.sqlite").path
    }

    /// The notification scheduler's list of the alerts it scheduled (ids and times only), kept
    /// beside the profile with the same protection and out of backups alike.
    static func scheduledAlertsURL() throws -> URL {
        try folder().appendingPathComponent("scheduled-alerts.json")
    }

    private static func folder() throws -> URL {
        let files = FileManager.default
        var folder = try files.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent("Waymark", isDirectory: true)
        try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder
    }
}

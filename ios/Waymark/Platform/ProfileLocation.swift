import Foundation

/// Where the profile lives: Application Support, protected while the phone is locked after the
/// first unlock (notifications are planned in the background of a tap), and never in backups, as
/// the profile holds the trip plan and the family's secrets.
enum ProfileLocation {
    static func profilePath() throws -> String {
        // SQLite adds -wal and -shm files beside the profile; they inherit the folder's protection.
        try folder().appendingPathComponent("profile.sqlite").path
    }

    /// Where the profile is, without making its folder: read before the key decides anything.
    static func profileURL() throws -> URL {
        try folderURL().appendingPathComponent("profile.sqlite")
    }

    /// The notification scheduler's list of the alerts it scheduled (ids and times only), kept
    /// beside the profile with the same protection and out of backups alike.
    static func scheduledAlertsURL() throws -> URL {
        try folder().appendingPathComponent("scheduled-alerts.json")
    }

    /// After "erase all data" (the core removed the profile's own files): every other file the
    /// app wrote, the scheduler's list of alerts and whatever is in its caches and temporary
    /// folder. UserDefaults hold nothing of Waymark's.
    static func removeShellFiles() {
        let files = FileManager.default
        if let folder = try? folderURL() {
            try? files.removeItem(at: folder)
        }
        var folders = files.urls(for: .cachesDirectory, in: .userDomainMask)
        folders.append(files.temporaryDirectory)
        for folder in folders {
            for item in (try? files.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [] {
                try? files.removeItem(at: item)
            }
        }
    }

    private static func folderURL() throws -> URL {
        try FileManager.default.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: false)
            .appendingPathComponent("Waymark", isDirectory: true)
    }

    private static func folder() throws -> URL {
        let files = FileManager.default
        var folder = try folderURL()
        try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ])
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder
    }
}

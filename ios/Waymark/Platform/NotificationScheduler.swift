import Foundation
import UserNotifications
import WaymarkCore

/// Schedules what the core's planner returns, replacing earlier requests, tells the core which
/// scheduled alerts iOS showed (`reportShown`), and hands a tap's action back to the app. The
/// planner decides which alerts, when and with what words; the core judges which did not sound.
@MainActor
final class NotificationScheduler: NSObject, ObservableObject {
    /// iOS keeps at most 64 pending local notifications per app; Waymark schedules no others.
    static let pendingLimit: UInt32 = 64
    /// A delivered notification older than this before its request's trigger was an earlier
    /// request with the same id (the test alarm started again), not this one.
    private static let deliveryLeeway: TimeInterval = 60

    private weak var store: CoreStore?
    private weak var performer: ActionPerformer?
    /// True when alerts are planned but the person turned notifications off: screens that
    /// depend on them explain why they matter and link to Settings.
    @Published private(set) var denied = false
    /// A tap that arrived before the store was attached (the app was launched by the tap).
    private var pendingTap: Action?
    /// Bumped after every look at which alerts were shown, so a screen showing the test alarm
    /// reads it again.
    @Published private(set) var reportsChecked = 0
    /// The alerts this scheduler added and the instant each is due, by id, read from and written
    /// to `ScheduledAlerts` (ids and times only). Loaded on first use.
    private var scheduledCache: [String: Date]?

    /// After "erase all data" (when the core says to remove the device's data): every pending
    /// and delivered notification, the categories named in the person's language, and the list
    /// of scheduled alerts. The next plan starts from nothing, as on a first run.
    func removeEverything() {
        let center = UNUserNotificationCenter.current()
        center.removeAllPendingNotificationRequests()
        center.removeAllDeliveredNotifications()
        center.setNotificationCategories([])
        scheduledCache = nil
        ScheduledAlerts.remove()
        denied = false
    }

    func attach(store: CoreStore, performer: ActionPerformer) {
        self.store = store
        self.performer = performer
    }

    /// Schedules exactly the planned alerts, asking the person for permission the first time
    /// there is one (iOS remembers the answer).
    func replan() async {
        guard let store else { return }
        let center = UNUserNotificationCenter.current()
        // Before anything is replaced: the pending requests are the evidence of what was shown.
        await reportShown()
        let plan = await store.load { try $0.planNotifications(now: Date(), maxCount: Self.pendingLimit, exactAlarmsAllowed: true) }
        guard let plan else { return }
        // Ask only once there is something to remind of: a trip plan or a watched traveller.
        if !plan.alerts.isEmpty {
            var status = await center.notificationSettings().authorizationStatus
            if status == .notDetermined {
                _ = try? await center.requestAuthorization(options: [.alert, .sound, .badge])
                status = await center.notificationSettings().authorizationStatus
            }
            denied = status == .denied
        }
        if let texts = store.texts {
            center.setNotificationCategories(Set(texts.alertChannels.map { UNNotificationCategory(identifier: $0.id, actions: [], intentIdentifiers: [], options: []) }))
        }
        let channels = Dictionary((store.texts?.alertChannels ?? []).map { ($0.kind, $0.id) }, uniquingKeysWith: { first, _ in first })

        let planned = Set(plan.alerts.map(\.id))
        let pending = await center.pendingNotificationRequests().map(\.identifier)
        let withdrawn = pending.filter { !planned.contains($0) }
        center.removePendingNotificationRequests(withIdentifiers: withdrawn)
        // A withdrawn request never sounds: nothing is reported for it.
        noteScheduled { all in
            for id in withdrawn { all[id] = nil }
        }

        var added: [String: Date] = [:]
        for alert in plan.alerts {
            let content = UNMutableNotificationContent()
            content.title = alert.title
            content.body = alert.body
            content.sound = .default
            content.userInfo = ActionCoding.encode(alert.action)
            // The core says which alerts must sound on time: the family's "overdue" and "still no
            // word" break through a Focus and the scheduled summary (the person can turn that off
            // in Settings); reminders behave like any app's notification.
            switch alert.urgency {
            case .alarm: content.interruptionLevel = .timeSensitive
            case .reminder: content.interruptionLevel = .active
            }
            if let channel = channels[alert.kind] {
                content.categoryIdentifier = channel
                content.threadIdentifier = channel
            }
            // An interval fires at the planned instant whatever the phone's zone; a clock or zone
            // change re-plans. The planner only returns future alerts, but time passed since.
            let interval = max(1, alert.fireAt.timeIntervalSinceNow)
            let trigger = UNTimeIntervalNotificationTrigger(timeInterval: interval, repeats: false)
            // Adding a request with an id already pending replaces it. Only a request iOS took is
            // kept in the list; one it refused is not reported, so the core warns about it.
            if (try? await center.add(UNNotificationRequest(identifier: alert.id, content: content, trigger: trigger))) != nil {
                added[alert.id] = Date(timeIntervalSinceNow: interval)
            }
        }
        noteScheduled { all in
            for (id, due) in added { all[id] = due }
        }
        if let tap = pendingTap {
            pendingTap = nil
            open(tap)
        }
    }

    /// Tells the core which of the alerts scheduled earlier iOS showed, and when, for those whose
    /// time has passed. iOS does not wake the app when it shows a notification in the background,
    /// so this looks afterwards, at every launch and return and before every re-plan:
    /// - still in Notification Center (delivered): shown at the date iOS gives it;
    /// - no longer pending, not delivered, and notifications allowed with an alert or a sound:
    ///   iOS delivers a pending request at its time, so it was shown then and since dismissed;
    /// - notifications not allowed: nothing is reported, and the core rightly says it did not
    ///   sound;
    /// - still pending (the clock was moved): asked again next time.
    /// Limit: an alert the person dismissed counts as shown; iOS gives no other signal.
    func reportShown() async {
        defer { reportsChecked += 1 }
        guard let store else { return }
        let now = Date()
        let due = scheduled().filter { $0.value <= now }
        guard !due.isEmpty else { return }
        let center = UNUserNotificationCenter.current()
        let pending = Set(await center.pendingNotificationRequests().map(\.identifier))
        let delivered = Dictionary(await center.deliveredNotifications().map { ($0.request.identifier, $0.date) }, uniquingKeysWith: { max($0, $1) })
        let settings = await center.notificationSettings()
        let allowed = settings.authorizationStatus == .authorized
            && (settings.alertSetting == .enabled || settings.soundSetting == .enabled)
        for (id, dueAt) in due {
            // Another look may have told it, or a newer request replaced it, while this one waited
            // for iOS: a test alarm started again must not inherit the last one's report.
            guard scheduled()[id] == dueAt else { continue }
            let shownAt: Date?
            if let date = delivered[id], date >= dueAt.addingTimeInterval(-Self.deliveryLeeway) {
                shownAt = date
            } else if pending.contains(id) {
                continue
            } else {
                shownAt = allowed ? dueAt : nil
            }
            if let shownAt {
                // Kept, to be told again next time, when the core could not take it.
                guard await store.load({ try $0.alertFired(id: id, at: shownAt) }) != nil else { continue }
            }
            noteScheduled { all in
                // Unless a newer request with the same id replaced it meanwhile.
                if all[id] == dueAt { all[id] = nil }
            }
        }
    }

    /// An alert shown while the app is open: the core hears of it at once.
    private func shown(_ id: String, at date: Date) async {
        guard let store, await store.load({ try $0.alertFired(id: id, at: date) }) != nil else { return }
        noteScheduled { all in all[id] = nil }
    }

    private func scheduled() -> [String: Date] {
        if let scheduledCache { return scheduledCache }
        let loaded = ScheduledAlerts.load()
        scheduledCache = loaded
        return loaded
    }

    /// Changes the list of scheduled alerts and writes it down at once.
    private func noteScheduled(_ change: (inout [String: Date]) -> Void) {
        var all = scheduled()
        change(&all)
        scheduledCache = all
        ScheduledAlerts.save(all)
    }

    /// The clock or the time zone changed: the core shows times in the new zone and plans again.
    func timeChanged() async {
        await store?.followTimeZone()
        await replan()
    }

    private func open(_ action: Action) {
        guard let store, let performer else {
            pendingTap = action
            return
        }
        performer.openFromNotification(action, texts: store.texts)
        Task { await replan() }
    }
}

extension NotificationScheduler: UNUserNotificationCenterDelegate {
    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter, didReceive response: UNNotificationResponse, withCompletionHandler completionHandler: @escaping () -> Void) {
        let fields = response.notification.request.content.userInfo as? [String: String] ?? [:]
        let id = response.notification.request.identifier
        let shownAt = response.notification.date
        Task { @MainActor in
            // A tapped alert leaves Notification Center: its delivery date is told now.
            await self.shown(id, at: shownAt)
            if let action = ActionCoding.decode(fields) { self.open(action) }
            completionHandler()
        }
    }

    /// Shows an alert that comes while the app is open, as the person may be on another screen.
    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification, withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void) {
        completionHandler([.banner, .list, .sound])
        let id = notification.request.identifier
        let shownAt = Date()
        Task { @MainActor in
            await self.shown(id, at: shownAt)
            await self.replan()
        }
    }
}

/// The ids of the alerts Waymark scheduled and when each is due, nothing else: a small file
/// beside the profile (`ProfileLocation.scheduledAlertsURL`), with its protection and out of
/// backups. Read after an alert's time to tell whether iOS showed it.
enum ScheduledAlerts {
    static func load() -> [String: Date] {
        guard let url = try? ProfileLocation.scheduledAlertsURL(),
              let data = try? Data(contentsOf: url),
              let seconds = try? JSONDecoder().decode([String: Double].self, from: data) else { return [:] }
        return seconds.mapValues { Date(timeIntervalSince1970: $0) }
    }

    static func remove() {
        guard let url = try? ProfileLocation.scheduledAlertsURL() else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// A list that cannot be written only loses reports: the core then warns that those alerts
    /// did not sound, which errs on the side of telling.
    static func save(_ alerts: [String: Date]) {
        guard let url = try? ProfileLocation.scheduledAlertsURL(),
              let data = try? JSONEncoder().encode(alerts.mapValues(\.timeIntervalSince1970)) else { return }
        try? data.write(to: url, options: [.atomic, .completeFileProtectionUntilFirstUserAuthentication])
    }
}

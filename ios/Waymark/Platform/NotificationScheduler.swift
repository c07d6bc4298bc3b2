import Foundation
import UserNotifications
import WaymarkCore

/// Schedules what the core's planner returns, replacing earlier requests, and hands a tap's
/// action back to the app. The planner decides which alerts, when and with what words.
@MainActor
final class NotificationScheduler: NSObject, ObservableObject {
    /// iOS keeps at most 64 pending local notifications per app; Waymark schedules no others.
    static let pendingLimit: UInt32 = 64

    private weak var store: CoreStore?
    private weak var performer: ActionPerformer?
    /// True when alerts are planned but the person turned notifications off: screens that
    /// depend on them explain why they matter and link to Settings.
    @Published private(set) var denied = false
    /// A tap that arrived before the store was attached (the app was launched by the tap).
    private var pendingTap: Action?

    func attach(store: CoreStore, performer: ActionPerformer) {
        self.store = store
        self.performer = performer
    }

    /// Schedules exactly the planned alerts, asking the person for permission the first time
    /// there is one (iOS remembers the answer).
    func replan() async {
        guard let store else { return }
        let center = UNUserNotificationCenter.current()
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
        center.removePendingNotificationRequests(withIdentifiers: pending.filter { !planned.contains($0) })

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
            let trigger = UNTimeIntervalNotificationTrigger(timeInterval: max(1, alert.fireAt.timeIntervalSinceNow), repeats: false)
            // Adding a request with an id already pending replaces it.
            try? await center.add(UNNotificationRequest(identifier: alert.id, content: content, trigger: trigger))
        }
        if let tap = pendingTap {
            pendingTap = nil
            open(tap)
        }
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
        Task { @MainActor in
            if let action = ActionCoding.decode(fields) { self.open(action) }
            completionHandler()
        }
    }

    /// Shows an alert that comes while the app is open, as the person may be on another screen.
    nonisolated func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification, withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void) {
        completionHandler([.banner, .list, .sound])
        Task { @MainActor in await self.replan() }
    }
}

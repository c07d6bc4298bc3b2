import SwiftUI
import UIKit
import UserNotifications
import WaymarkCore

@main
struct WaymarkApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @StateObject private var store = CoreStore()
    @StateObject private var performer = ActionPerformer()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(store)
                .environmentObject(performer)
                .environmentObject(appDelegate.notifications)
                .task {
                    await store.open()
                    appDelegate.notifications.attach(store: store, performer: performer)
                    await appDelegate.notifications.replan()
                }
        }
        .onChange(of: scenePhase) { phase in
            switch phase {
            case .background:
                // The lock closes (and the disguise's calculator comes back) whenever the app
                // leaves the screen.
                Task { await store.lockNow() }
            case .active:
                Task {
                    await store.followTimeZone()
                    await appDelegate.notifications.replan()
                }
            default:
                break
            }
        }
    }
}

/// Receives notification taps and the system's clock and time-zone changes.
final class AppDelegate: NSObject, UIApplicationDelegate {
    let notifications = NotificationScheduler()

    func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool {
        UNUserNotificationCenter.current().delegate = notifications
        let center = NotificationCenter.default
        for name in [UIApplication.significantTimeChangeNotification, .NSSystemTimeZoneDidChange] {
            center.addObserver(forName: name, object: nil, queue: .main) { [notifications] _ in
                Task { @MainActor in await notifications.timeChanged() }
            }
        }
        return true
    }
}

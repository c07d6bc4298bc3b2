import SwiftUI
import WaymarkCore

/// The navigation stack, the platform sheets and the failure alert around every screen.
struct RootView: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var performer: ActionPerformer
    @Environment(\.scenePhase) private var scenePhase

    var body: some View {
        Group {
            switch store.gate {
            case .loading:
                ProgressView()
            case .calculator:
                CalculatorScreen()
            case .lock:
                if let lock = store.lock { LockScreen(lock: lock) }
            case .open:
                app
            case .lostKey:
                if let lost = store.lostKey { LostKeyScreen(lost: lost) }
            }
        }
        .alert(store.failure ?? "", isPresented: Binding(get: { store.failure != nil }, set: { if !$0 { store.failure = nil } })) {
            // No buttons: iOS adds its own, in the phone's language.
        }
        .overlay {
            // Hides the screen in the app switcher, and after "Leave quickly".
            if performer.coverUp || scenePhase != .active {
                Color(uiColor: .systemBackground).ignoresSafeArea()
            }
        }
        .onChange(of: scenePhase) { phase in
            if phase == .active {
                performer.coverUp = false
                takeSharedText()
            }
        }
        .onChange(of: store.gate) { gate in
            // Nothing pushed before the lock closed stays behind it.
            if gate != .open {
                performer.path = []
                performer.sheet = nil
            }
            takeSharedText()
        }
    }

    /// A text shared with Waymark from another app while it was away is taken (and deleted from
    /// the Keychain) only once the app is on screen past the calculator and the lock, and checked
    /// on its own screen.
    private func takeSharedText() {
        guard scenePhase == .active, store.gate == .open, let text = SharedTextInbox.take() else { return }
        performer.path.append(.sharedText(text: text))
    }

    /// The app itself, once the calculator and the lock are passed.
    private var app: some View {
        NavigationStack(path: $performer.path) {
            HomeScreen()
                .navigationDestination(for: Route.self) { route in
                    destination(route)
                }
        }
        .environment(\.openURL, OpenURLAction { url in
            // Links inside article text carry a core Action (see RichTextView).
            if let action = RichTextView.action(for: url) {
                performer.perform(action, texts: store.texts)
                return .handled
            }
            return .systemAction
        })
        .sheet(item: $performer.sheet) { sheet in
            switch sheet {
            case let .sms(recipient):
                SmsComposer(recipient: recipient) { performer.sheet = nil }
            case let .share(text):
                ShareSheet(text: text)
            }
        }
        .overlay(alignment: .bottom) { ToastView() }
    }

    @ViewBuilder
    private func destination(_ route: Route) -> some View {
        switch route {
        case .guide: GuideScreen()
        case let .article(id): ArticleScreen(id: id)
        case let .checklist(scrollTo): ChecklistScreen(scrollTo: scrollTo)
        case let .contact(id): ContactScreen(id: id)
        case .ownContacts: OwnContactsScreen()
        case .helpNow: HelpNowScreen()
        case .checkin: CheckinScreen()
        case .tripPlan: TripPlanScreen()
        case .pins: PinsScreen()
        case .changePins: ChangePinsScreen()
        case .exportPlan: PlanExportScreen()
        case .family: FamilyScreen()
        case let .traveller(id): TravellerScreen(id: id)
        case let .sharedText(text): SharedTextScreen(text: text)
        case .importPlan: PlanImportScreen()
        case .offerCheck: OfferCheckScreen()
        case .selfCheck: SelfCheckScreen()
        case .quiz: QuizScreen()
        case let .showQr(text): QrCodeScreen(text: text)
        case .search: SearchScreen()
        case .settings: SettingsScreen()
        case .erased: ErasedScreen()
        }
    }
}

/// A note that fades after a moment.
private struct ToastView: View {
    @EnvironmentObject private var performer: ActionPerformer

    var body: some View {
        if let toast = performer.toast {
            Text(toast)
                .padding(.horizontal, 16).padding(.vertical, 10)
                .background(.thinMaterial, in: Capsule())
                .padding(.bottom, 24)
                .task(id: toast) {
                    try? await Task.sleep(nanoseconds: 2_000_000_000)
                    performer.toast = nil
                }
        }
    }
}

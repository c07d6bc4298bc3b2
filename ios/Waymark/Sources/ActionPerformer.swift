import SwiftUI
import UIKit
import WaymarkCore

/// Turns each core `Action` into a screen or a platform call. Nothing else: the core already
/// decided what the tap means.
@MainActor
final class ActionPerformer: ObservableObject {
    @Published var path: [Route] = []
    /// A platform sheet on show (message composer, share sheet).
    @Published var sheet: PlatformSheet?
    /// A short note on screen ("Copied", "No app on this phone can do this.").
    @Published var toast: String?
    /// Set by "Leave quickly": the root shows a blank cover until the app is opened again.
    @Published var coverUp = false

    func perform(_ action: Action, texts: ShellTexts?) {
        switch action {
        case .openGuide: path.append(.guide)
        case let .openArticle(id): path.append(.article(id: id))
        case .openChecklist: path.append(.checklist(scrollTo: nil))
        case let .openChecklistItem(id): path.append(.checklist(scrollTo: id))
        case let .openContact(id): path.append(.contact(id: id))
        case .openCheckin, .checkIn: path.append(.checkin)
        case .openFamily: path.append(.family)
        case .openOfferCheck: path.append(.offerCheck)
        case .openSelfCheck: path.append(.selfCheck)
        case .openQuiz: path.append(.quiz)
        case .openOwnContacts: path.append(.ownContacts)
        case .editTripPlan: path.append(.tripPlan)
        case .setCheckinPins: path.append(.pins)
        case let .openWatchedTraveller(id): path.append(.traveller(id: id))
        case let .showQrCode(text): path.append(.showQr(text: text))
        case .openHelpNow: path.append(.helpNow)
        case .openSearch: path.append(.search)
        case let .shareText(text): sheet = .share(text: text)
        case let .dial(uri): open(uri, texts: texts)
        case let .composeSms(uri, number): composeSms(uri, number: number, texts: texts)
        case let .copyText(text):
            UIPasteboard.general.string = text
            toast = texts?.copied
        case .quickExit: quickExit()
        }
    }

    /// Opens a notification's tap action from the home screen.
    func openFromNotification(_ action: Action, texts: ShellTexts?) {
        path = []
        perform(action, texts: texts)
    }

    private func open(_ uri: String, texts: ShellTexts?) {
        guard let url = URL(string: uri) else { return }
        UIApplication.shared.open(url) { [weak self] opened in
            if !opened { Task { @MainActor in self?.toast = texts?.noApp } }
        }
    }

    /// The in-app composer when the phone can text; otherwise the Messages app through sms:.
    private func composeSms(_ uri: String, number: String, texts: ShellTexts?) {
        if SmsComposer.canSend {
            sheet = .sms(recipient: number)
        } else {
            open(uri, texts: texts)
        }
    }

    /// iOS lets no app close itself: every screen and sheet goes, and a blank cover hides the app
    /// (also from the app switcher) until the person opens it again.
    private func quickExit() {
        Speech.shared.stop()
        sheet = nil
        path = []
        coverUp = true
    }
}

/// A platform sheet the performer shows.
enum PlatformSheet: Identifiable {
    case sms(recipient: String)
    case share(text: String)

    var id: String {
        switch self {
        case let .sms(recipient): return "sms:" + recipient
        case let .share(text): return "share:" + text
        }
    }
}

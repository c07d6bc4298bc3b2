import Foundation

/// Every screen the app can push. Which one to open always comes from a core `Action`.
enum Route: Hashable {
    case guide
    case article(id: String)
    case checklist(scrollTo: String?)
    case contact(id: String)
    case ownContacts
    case helpNow
    case checkin
    case tripPlan
    case pins
    case changePins
    case exportPlan
    case family
    case traveller(id: String)
    /// A text shared with Waymark from another app, to check (`SharedTextInbox`).
    case sharedText(text: String)
    case importPlan
    case offerCheck
    case selfCheck
    case quiz
    case showQr(text: String)
    case search
    case settings
    /// "Erase all data" is done (the same screen whatever the core removed).
    case erased
}

import Foundation
import WaymarkCore

/// A core `Action` as the plain strings a notification's userInfo can hold, so a tap after the
/// app was closed still opens what the planner asked for.
enum ActionCoding {
    static func encode(_ action: Action) -> [String: String] {
        switch action {
        case .openGuide: return ["case": "openGuide"]
        case let .openArticle(id): return ["case": "openArticle", "value": id]
        case .openChecklist: return ["case": "openChecklist"]
        case let .openChecklistItem(id): return ["case": "openChecklistItem", "value": id]
        case let .openContact(id): return ["case": "openContact", "value": id]
        case .openCheckin: return ["case": "openCheckin"]
        case .openFamily: return ["case": "openFamily"]
        case .openOfferCheck: return ["case": "openOfferCheck"]
        case .openSelfCheck: return ["case": "openSelfCheck"]
        case .openQuiz: return ["case": "openQuiz"]
        case .openOwnContacts: return ["case": "openOwnContacts"]
        case .checkIn: return ["case": "checkIn"]
        case .editTripPlan: return ["case": "editTripPlan"]
        case .setCheckinPins: return ["case": "setCheckinPins"]
        case let .openWatchedTraveller(id): return ["case": "openWatchedTraveller", "value": id]
        case let .showQrCode(text): return ["case": "showQrCode", "value": text]
        case let .shareText(text): return ["case": "shareText", "value": text]
        case let .dial(uri): return ["case": "dial", "value": uri]
        case let .composeSms(uri): return ["case": "composeSms", "value": uri]
        case let .copyText(text): return ["case": "copyText", "value": text]
        case .openHelpNow: return ["case": "openHelpNow"]
        case .quickExit: return ["case": "quickExit"]
        case .openSearch: return ["case": "openSearch"]
        }
    }

    static func decode(_ fields: [String: String]) -> Action? {
        let value = fields["value"] ?? ""
        switch fields["case"] {
        case "openGuide": return .openGuide
        case "openArticle": return .openArticle(id: value)
        case "openChecklist": return .openChecklist
        case "openChecklistItem": return .openChecklistItem(id: value)
        case "openContact": return .openContact(id: value)
        case "openCheckin": return .openCheckin
        case "openFamily": return .openFamily
        case "openOfferCheck": return .openOfferCheck
        case "openSelfCheck": return .openSelfCheck
        case "openQuiz": return .openQuiz
        case "openOwnContacts": return .openOwnContacts
        case "checkIn": return .checkIn
        case "editTripPlan": return .editTripPlan
        case "setCheckinPins": return .setCheckinPins
        case "openWatchedTraveller": return .openWatchedTraveller(id: value)
        case "showQrCode": return .showQrCode(text: value)
        case "shareText": return .shareText(text: value)
        case "dial": return .dial(uri: value)
        case "composeSms": return .composeSms(uri: value)
        case "copyText": return .copyText(text: value)
        case "openHelpNow": return .openHelpNow
        case "quickExit": return .quickExit
        case "openSearch": return .openSearch
        default: return nil
        }
    }
}

import Foundation
import WaymarkCore

/// A core `Action` in a notification's userInfo, as the core's own token for it, so a tap after
/// the app was closed still opens what the planner asked for, written as every shell writes it.
enum ActionCoding {
    private static let key = "action"

    static func encode(_ action: Action) -> [String: String] {
        [key: actionToken(action: action)]
    }

    /// The action a notification carries; nil for none, or for a token the core does not know.
    static func decode(_ fields: [String: String]) -> Action? {
        fields[key].flatMap { actionFromToken(token: $0) }
    }
}

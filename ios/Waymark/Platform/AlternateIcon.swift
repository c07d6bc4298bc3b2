import UIKit
import WaymarkCore

/// The disguise on iOS: the home screen's icon switches to the calculator icon the app carries
/// (`AppIconCalculator` in Assets.xcassets, declared in project.yml). iOS lets nothing else
/// change: the name under the icon stays, and iOS itself tells the person the icon changed (the
/// core's `stillVisible` says so next to the setting).
enum AlternateIcon {
    /// The alternate icon's name, as project.yml lists it in ASSETCATALOG_COMPILER_ALTERNATE_APP_ICON_NAMES.
    static let calculator = "AppIconCalculator"

    /// Makes the icon match what the core says (`on`): called at every start and after a change.
    @MainActor
    static func match(_ disguise: DisguiseView) {
        let application = UIApplication.shared
        let wanted: String? = disguise.on ? calculator : nil
        guard application.supportsAlternateIcons, application.alternateIconName != wanted else { return }
        application.setAlternateIconName(wanted) { _ in
            // A refusal (the app was not in front) is put right at the next start.
        }
    }
}

package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.HomeView
import org.waymark.core.Waymark

/** The home view, and the words of the alert warning's help button. */
class HomeModel(val home: HomeView, val helpLabel: String?)

/**
 * The start screen: a warning about alerts that did not sound (when the core has one), the
 * hotline, help now, the check-in, the next step and the menu.
 */
class HomeScreen : Screen<HomeModel>() {
    override fun load(core: Waymark, now: Instant): HomeModel {
        val home = core.home(now)
        // The warning's help opens the guide's article on phone settings; the button carries
        // that article's title, the core's words for it. Without it the warning still shows.
        val help = when (val action = home.alertWarning?.help) {
            is Action.OpenArticle -> runCatching { core.article(action.id).title }.getOrNull()
            else -> null
        }
        return HomeModel(home, help)
    }

    override fun render(ui: Ui, model: HomeModel) = column(ui.context) {
        val home = model.home
        home.alertWarning?.let { warning ->
            // First: the phone may be keeping alerts from sounding, which a check-in relies on.
            group {
                heading(warning.title)
                for (line in warning.lines) text(line)
                note(warning.advice)
                model.helpLabel?.let { label -> button(label) { ui.perform(warning.help) } }
                button(warning.dismissLabel) {
                    ui.call({ it.dismissAlertWarning(AppClock.now()) }, replan = false) { ui.reload() }
                }
            }
        }
        title(home.title)
        note(home.tagline)
        val hotline = home.hotline
        group {
            heading(hotline.name)
            text(hotline.number)
            note(hotline.status)
            note(hotline.costNote)
            button(ui.texts.call) { ui.perform(hotline.call) }
        }
        // Who to contact first depends on the country; the help-now screen asks for it.
        button(home.helpNow.title) { ui.perform(Action.OpenHelpNow) }
        home.checkin?.let { checkin -> button(checkin.headline) { ui.perform(checkin.action) } }
        val next = home.nextStep
        group {
            heading(next.heading)
            text(next.title)
            note(next.detail)
            button(next.title) { ui.perform(next.action) }
        }
        note(home.checklist.label)
        for (entry in home.menu) button(entry.title) { ui.perform(entry.action) }
        button(ui.texts.settingsTitle) { ui.open(SettingsScreen()) }
    }
}

package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.HomeView
import org.waymark.core.Waymark

/**
 * The start screen: a warning about alerts that did not sound (when the core has one), the
 * hotline, help now, the check-in, the next step and the menu.
 */
class HomeScreen : Screen<HomeView>() {
    override fun load(core: Waymark, now: Instant): HomeView = core.home(now)

    override fun render(ui: Ui, model: HomeView) = column(ui.context) {
        model.alertWarning?.let { warning ->
            // First: the phone may be keeping alerts from sounding, which a check-in relies on.
            group {
                heading(warning.title)
                for (line in warning.lines) text(line)
                note(warning.advice)
                button(warning.helpLabel) { ui.perform(warning.help) }
                button(warning.dismissLabel) {
                    ui.call({ it.dismissAlertWarning(AppClock.now()) }, replan = false) { ui.reload() }
                }
            }
        }
        title(model.title)
        note(model.tagline)
        val hotline = model.hotline
        group {
            heading(hotline.name)
            text(hotline.number)
            note(hotline.status)
            note(hotline.costNote)
            button(ui.texts.call) { ui.perform(hotline.call) }
        }
        // Who to contact first depends on the country; the help-now screen asks for it.
        button(model.helpNow.title) { ui.perform(Action.OpenHelpNow) }
        model.checkin?.let { checkin -> button(checkin.headline) { ui.perform(checkin.action) } }
        val next = model.nextStep
        group {
            heading(next.heading)
            text(next.title)
            note(next.detail)
            button(next.title) { ui.perform(next.action) }
        }
        note(model.checklist.label)
        for (entry in model.menu) button(entry.title) { ui.perform(entry.action) }
        button(ui.texts.settingsTitle) { ui.open(SettingsScreen()) }
    }
}

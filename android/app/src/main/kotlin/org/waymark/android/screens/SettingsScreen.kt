package org.waymark.android

import android.app.Activity
import android.app.AlertDialog
import android.view.WindowManager
import android.widget.Switch
import java.time.Instant
import java.time.ZoneId
import org.waymark.core.DisguiseView
import org.waymark.core.LanguageInfo
import org.waymark.core.LockView
import org.waymark.core.ShellPlatform
import org.waymark.core.ShellTexts
import org.waymark.core.TestAlarmView
import org.waymark.core.Waymark

/** What the settings screen shows, from the core. */
class SettingsModel(
    val languages: List<LanguageInfo>,
    val language: String,
    val lock: LockView,
    val disguise: DisguiseView,
    val testAlarm: TestAlarmView,
)

/**
 * The app's language (the phone's by default), the time zone it follows (the phone's), the test
 * alarm, the app lock and the calculator disguise. Turning the lock or the disguise on or off
 * asks for a check-in PIN; the core checks it and says what the setting now is.
 */
class SettingsScreen : Screen<SettingsModel>() {
    /** The test alarm may have sounded (or not) while the person was away: ask again. */
    override val reloadOnResume: Boolean get() = true

    override fun load(core: Waymark, now: Instant) = SettingsModel(
        core.languages(),
        core.language(),
        core.lockStatus(now),
        core.disguiseStatus(ShellPlatform.ANDROID),
        core.testAlarm(now),
    )

    override fun render(ui: Ui, model: SettingsModel) = column(ui.context) {
        val texts = ui.texts
        title(texts.settingsTitle)
        heading(texts.languageLabel)
        // A language whose texts no native speaker has reviewed yet says so beside its name.
        val labels = model.languages.map { language -> language.note?.let { "${language.name} — $it" } ?: language.name }
        choice(labels, model.languages.indexOfFirst { it.code == model.language }) { index ->
            Core.chooseLanguage(context, model.languages[index].code)
            Alerts.replan(context)
            ui.reload()
        }
        heading(texts.timeZoneLabel)
        text(ZoneId.systemDefault().id)

        // The test alarm: it sounds in a minute, as the family's alarms do; the core says
        // whether it did, and what to do when it did not.
        val test = model.testAlarm
        button(test.startLabel) {
            // Planned again at once: the next plan holds the test alarm.
            ui.call({ it.startTestAlarm(AppClock.now()) }) { ui.reload() }
        }
        text(test.text)

        val lock = model.lock
        pinSwitch(ui, lock.settingLabel, lock.enabled, lock.available) { pin, on ->
            ui.call({ it.setAppLock(pin, on, AppClock.now()) }, replan = false, failed = ui::reload) { ui.reload() }
        }
        note(lock.settingDetail)

        val disguise = model.disguise
        pinSwitch(ui, disguise.settingLabel, disguise.on, disguise.available) { pin, on ->
            ui.call({ it.setDisguise(pin, on, ShellPlatform.ANDROID) }, replan = false, failed = ui::reload) { view ->
                // The launcher shows what the core now says.
                Launcher.match(ui.context as Activity, view)
                ui.reload()
            }
        }
        note(disguise.detail)
        // What Android still shows of Waymark while disguised, said plainly.
        text(disguise.stillVisible)

        // Erasing asks once, in the core's plain words, and never for a PIN.
        heading(texts.eraseTitle)
        note(texts.eraseAbout)
        button(texts.eraseTitle) { confirmErase(ui.context, texts, ui::erase) }
    }
}

/**
 * The one question before erasing, in the core's [texts]: [erase], or cancel (which changes
 * nothing). Never a PIN. Also asked where a profile whose key is lost is offered for erasing.
 */
fun confirmErase(context: android.content.Context, texts: ShellTexts, erase: () -> Unit) {
    AlertDialog.Builder(context)
        .setTitle(texts.eraseTitle)
        .setMessage(texts.eraseQuestion)
        .setPositiveButton(texts.eraseConfirm) { _, _ -> erase() }
        .setNegativeButton(texts.cancel, null)
        .create()
        .apply {
            // A dialog is a window of its own: it is kept out of screenshots like the app's.
            window?.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        }
        .show()
}

/**
 * Shown once "erase all data" is done: the core's words, the same whether the core removed
 * everything or (after the help PIN) only emptied what this session shows. Back leads to the
 * app, which is empty either way.
 */
class ErasedScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        title(ui.texts.eraseTitle)
        text(ui.texts.eraseDone)
    }
}

/**
 * A setting switched with a check-in PIN: flipping [label]'s switch opens a PIN field with save
 * and cancel; save hands the PIN and the new state to [change], cancel puts the switch back.
 * Disabled when the core says the setting is not [available] (no PINs yet).
 */
fun Column.pinSwitch(
    ui: Ui,
    label: String,
    on: Boolean,
    available: Boolean,
    change: (pin: String, on: Boolean) -> Unit,
): Switch {
    val texts = ui.texts
    val switch = add(Switch(context).apply {
        text = label
        isChecked = on
        isEnabled = available
    })
    val ask = section()
    switch.setOnCheckedChangeListener { _, checked ->
        ask.view.removeAllViews()
        if (checked == on) return@setOnCheckedChangeListener
        val pin = ask.field(texts.pinLabel, hint = texts.pinHint, type = PIN_INPUT)
        ask.button(texts.save) {
            val typed = pin.text.toString()
            pin.setText("")
            change(typed, checked)
        }
        ask.button(texts.cancel) { switch.isChecked = on }
        pin.requestFocus()
    }
    return switch
}

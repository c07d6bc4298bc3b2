package org.waymark.android.shell

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.content.ComponentName
import android.content.Intent
import android.content.pm.PackageManager
import android.os.UserManager
import android.view.WindowManager
import android.widget.Switch
import java.time.Instant
import java.util.Locale
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager
import org.robolectric.shadows.ShadowDialog
import org.waymark.android.AlertReceiver
import org.waymark.android.Alerts
import org.waymark.android.Launcher
import org.waymark.core.AlertKind
import org.waymark.core.AlertUrgency
import org.waymark.core.ShellPlatform
import org.waymark.core.Waymark
import org.waymark.core.lockedAlertText

/**
 * Discretion on Android: the app lock's screen, the calculator cover and the launcher entry that
 * follows the disguise, FLAG_SECURE on every window, and what a locked phone's screen shows of
 * every traveller-side notification.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class LockTest {
    private val normalPin = NORMAL_PIN
    private val helpPin = HELP_PIN

    /** Anna's trip from yesterday for ten days, with both check-in PINs. */
    private fun traveller(core: Waymark, now: Instant = Instant.now()) = planTrip(core, now)

    private fun state(alias: String): Int = RuntimeEnvironment.getApplication().packageManager
        .getComponentEnabledSetting(ComponentName(RuntimeEnvironment.getApplication(), alias))

    private fun assertLauncher(cover: Boolean) {
        val app = RuntimeEnvironment.getApplication()
        assertEquals("the cover's entry", cover, Launcher.enabled(app, Launcher.COVER))
        assertEquals("Waymark's entry", !cover, Launcher.enabled(app, Launcher.NORMAL))
        // The share target has Waymark's name: no share sheet or text selection names it under the cover.
        assertEquals("the share target", !cover, Launcher.enabled(app, Launcher.SHARE))
    }

    /** The app leaves the foreground and comes back, as after the home button. */
    private fun Shell.leaveAndReturn() {
        controller.pause().stop()
        settle()
        controller.restart().resume()
        settle()
    }

    /** The switch labelled [label] on the settings screen, flipped, with [pin] typed and saved. */
    private fun Shell.flip(label: String, pin: String) {
        val switch = views().filterIsInstance<Switch>().single { it.text.toString() == label }
        switch.performClick()
        settle()
        type(activity.texts.pinLabel, pin)
        tap(activity.texts.save)
    }

    private fun Shell.home(): org.waymark.core.HomeView = ask { it.home(Instant.now()) }

    @Test
    fun the_disguise_switch_changes_the_launcher_entry_and_every_start_follows_the_core() {
        val shell = Shell.launch()
        assertLauncher(cover = false)
        shell.ask { traveller(it) }
        shell.tap(shell.activity.texts.settingsTitle)
        val off = shell.ask { it.disguiseStatus(ShellPlatform.ANDROID) }
        assertTrue("the setting: ${shell.texts()}", shell.views().filterIsInstance<Switch>().any { it.text.toString() == off.settingLabel })
        assertTrue("detail shown", shell.shows(off.detail))
        assertTrue("what Android still shows, plainly", shell.shows(off.stillVisible))

        shell.flip(off.settingLabel, normalPin)
        assertTrue(shell.ask { it.disguiseStatus(ShellPlatform.ANDROID) }.on)
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, state(Launcher.COVER))
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, state(Launcher.NORMAL))
        assertLauncher(cover = true)

        // A wrong PIN changes nothing: the core's words, the switch as it was.
        val settingsBefore = shell.texts()
        shell.flip(off.settingLabel, "0000")
        assertNotNull("the core's refusal", shell.lastToast())
        assertLauncher(cover = true)
        assertEquals(settingsBefore, shell.texts())

        shell.flip(off.settingLabel, normalPin)
        assertFalse(shell.ask { it.disguiseStatus(ShellPlatform.ANDROID) }.on)
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, state(Launcher.NORMAL))
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, state(Launcher.COVER))
        assertLauncher(cover = false)

        // The disguise turned on elsewhere (the launcher not yet switched): the next start
        // switches it, and opens on the calculator.
        shell.ask { it.setDisguise(normalPin, true, ShellPlatform.ANDROID) }
        assertLauncher(cover = false)
        val again = Shell.launch()
        assertLauncher(cover = true)
        assertTrue("the calculator: ${again.buttons()}", again.buttons().containsAll(listOf("=", "C", "⌫", "%", "±")))

        // And turned off elsewhere: the next start shows Waymark's entry again.
        again.ask { it.setDisguise(normalPin, false, ShellPlatform.ANDROID) }
        val third = Shell.launch()
        assertLauncher(cover = false)
        assertTrue(third.shows(third.home().title))
    }

    @Test
    fun the_calculator_calculates_and_only_a_pin_then_equals_opens_the_app() {
        val shell = Shell.launch()
        shell.ask {
            traveller(it)
            it.setDisguise(normalPin, true, ShellPlatform.ANDROID)
        }
        val cover = Shell.launch()
        val home = cover.home()
        // Nothing of Waymark on the cover: only the keys and the display.
        val keys = listOf("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "+", "−", "×", "÷", "=", "C", "⌫", "%", "±")
        assertEquals(keys.toSet(), cover.buttons().toSet())
        val shown = cover.views().filterIsInstance<android.widget.TextView>()
            .filter { it !is android.widget.Button && it.isShown }.map { it.text.toString() }
        assertEquals(listOf("0"), shown)
        assertFalse(cover.buttons().contains(cover.activity.texts.quickExit))

        for (key in listOf("1", "2", "+", "3", "=")) cover.tap(key)
        assertTrue("12+3=: ${cover.texts()}", cover.shows("15"))
        assertFalse(cover.shows(home.title))

        // A number that is no PIN is only calculated.
        cover.tap("C")
        for (key in listOf("7", "7", "7", "7", "=")) cover.tap(key)
        assertTrue(cover.shows("7777"))
        assertFalse(cover.shows(home.title))

        // The normal PIN then = opens the app at its home screen.
        cover.tap("C")
        for (key in normalPin.map { it.toString() } + "=") cover.tap(key)
        assertTrue("opened: ${cover.texts()}", cover.shows(home.title))
        assertTrue(cover.buttons().contains(cover.activity.texts.quickExit))

        // Back in the foreground later, the cover comes first again.
        cover.leaveAndReturn()
        assertTrue("the cover again: ${cover.buttons()}", cover.buttons().contains("="))
        assertFalse(cover.shows(home.title))
    }

    @Test
    fun the_lock_screen_comes_first_and_only_a_pin_opens_the_app() {
        val shell = Shell.launch()
        shell.ask { traveller(it) }
        // The lock turned on with its switch in the settings.
        shell.tap(shell.activity.texts.settingsTitle)
        val lock = shell.ask { it.lockStatus(Instant.now()) }
        assertTrue("detail shown", shell.shows(lock.settingDetail))
        shell.flip(lock.settingLabel, normalPin)
        assertTrue(shell.ask { it.lockStatus(Instant.now()) }.enabled)

        // The app leaves the foreground: locked when it comes back, the home screen gone.
        shell.back()
        val home = shell.home()
        shell.leaveAndReturn()
        assertTrue("the lock screen: ${shell.texts()}", shell.shows(lock.title))
        assertFalse(shell.shows(home.title))
        assertTrue(shell.buttons().contains(lock.unlockLabel))

        // And at a start.
        val started = Shell.launch()
        assertTrue("locked at start: ${started.texts()}", started.shows(lock.title))
        assertFalse(started.shows(home.title))

        started.type(lock.pinLabel, "0000")
        started.tap(lock.unlockLabel)
        val wrong = started.ask { it.lockStatus(Instant.now()) }
        assertTrue(wrong.locked)
        assertNotNull(wrong.problem)
        val problem = wrong.problem!!
        assertTrue("the problem shown: ${started.texts()}", started.shows(problem))
        assertFalse(started.shows(home.title))

        started.type(lock.pinLabel, normalPin)
        started.tap(lock.unlockLabel)
        assertTrue("opened: ${started.texts()}", started.shows(started.home().title))
        assertFalse(started.shows(problem))
    }

    @Test
    fun a_notification_tap_waits_behind_the_lock() {
        val shell = Shell.launch()
        shell.ask {
            traveller(it)
            it.setAppLock(normalPin, true, Instant.now())
            it.lockNow()
        }
        val tap = org.waymark.android.ActionCodec.put(
            Intent(RuntimeEnvironment.getApplication(), org.waymark.android.MainActivity::class.java),
            org.waymark.core.Action.OpenCheckin,
        )
        val started = Shell.launch(tap)
        val lock = started.ask { it.lockStatus(Instant.now()) }
        assertTrue(started.shows(lock.title))
        started.type(lock.pinLabel, normalPin)
        started.tap(lock.unlockLabel)
        val checkin = started.ask { it.checkinStatus(Instant.now()) }
        assertTrue("the tapped screen after the PIN: ${started.texts()}", started.shows(checkin.title))
    }

    @Test
    fun every_window_stays_secure() {
        val shell = Shell.launch()
        fun secure(what: String, flags: Int) =
            assertTrue("$what is FLAG_SECURE", flags and WindowManager.LayoutParams.FLAG_SECURE != 0)
        fun activity(what: String) = secure(what, shell.activity.window.attributes.flags)
        activity("home")
        shell.tap(shell.activity.texts.settingsTitle)
        activity("settings")
        shell.back()

        // The date picker is a window of its own.
        val texts = shell.activity.texts
        shell.tap(shell.home().menu.first { it.action is org.waymark.core.Action.OpenCheckin }.title)
        shell.tap(texts.planTitle)
        shell.field(texts.planStarts).performClick()
        shell.settle()
        val dialog = ShadowDialog.getLatestDialog()
        assertNotNull("the date picker opened", dialog)
        secure("the date picker", dialog!!.window!!.attributes.flags)
        dialog.dismiss()

        shell.ask {
            traveller(it)
            it.setAppLock(normalPin, true, Instant.now())
        }
        shell.leaveAndReturn()
        assertTrue(shell.shows(shell.ask { it.lockStatus(Instant.now()) }.title))
        activity("the lock screen")

        shell.ask { it.setDisguise(normalPin, true, ShellPlatform.ANDROID) }
        shell.leaveAndReturn()
        assertTrue(shell.buttons().contains("="))
        activity("the calculator")
    }

    @Test
    fun every_traveller_notification_shows_only_a_neutral_line_on_a_locked_phone() {
        val shell = Shell.launch()
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val now = Instant.now()
        shell.ask { traveller(it, now) }
        Alerts.replan(shell.activity)
        shell.settle()
        val app = RuntimeEnvironment.getApplication()
        val plan = shell.ask { it.planNotifications(now, Alerts.MAX_ALERTS, true) }
        val travellerKinds = setOf(AlertKind.CHECKIN_REMINDER, AlertKind.CHECKIN_DUE, AlertKind.CHECKIN_OVERDUE)
        val alarms = shadowOf(app.getSystemService(AlarmManager::class.java)).scheduledAlarms
            .filter { shadowOf(it.operation).savedIntent.action == Alerts.ACTION_ALERT }
            .associateBy { shadowOf(it.operation).savedIntent.getStringExtra(Alerts.EXTRA_ID)!! }
        val manager = app.getSystemService(NotificationManager::class.java)
        val secret = listOf("Anna", "Istanbul", "check", "help", "Waymark", "PIN", normalPin, helpPin, "cat")

        fun assertNeutral(what: String, posted: Notification, lockLine: String) {
            assertTrue(
                "$what: private or secret on the lock screen",
                posted.visibility == Notification.VISIBILITY_PRIVATE || posted.visibility == Notification.VISIBILITY_SECRET,
            )
            if (posted.visibility == Notification.VISIBILITY_SECRET) return
            assertNotNull("$what: a public version", posted.publicVersion)
            val public = posted.publicVersion!!
            val title = public.extras.getCharSequence(Notification.EXTRA_TITLE)?.toString()
            assertEquals(what, lockLine, title)
            assertEquals("$what: no text under the line", null, public.extras.getCharSequence(Notification.EXTRA_TEXT))
            for (word in secret) {
                assertFalse("$what: the lock screen says $word: $title", title.orEmpty().contains(word, ignoreCase = true))
            }
        }

        for (kind in travellerKinds) {
            val alert = plan.alerts.firstOrNull { it.kind == kind }
            assertNotNull("a $kind is planned", alert)
            assertNotNull("${alert!!.id} is scheduled", alarms[alert.id])
            val alarm = alarms.getValue(alert.id)
            AlertReceiver().onReceive(app, shadowOf(alarm.operation).savedIntent)
            val posted = shadowOf(manager).getNotification(alert.id, 0)
            assertNotNull("${alert.id} posted", posted)
            assertNeutral("$kind", posted!!, alert.lockScreenText)
        }

        // After a restart, before the first unlock: the core's built-in line, as private.
        val reminder = plan.alerts.first { it.kind in travellerKinds }
        shadowOf(app.getSystemService(UserManager::class.java)).setUserUnlocked(false)
        val early = Intent(app, AlertReceiver::class.java)
            .setAction(Alerts.ACTION_ALERT)
            .putExtra(Alerts.EXTRA_ID, reminder.id)
            .putExtra(Alerts.EXTRA_ALARM, false)
        manager.cancelAll()
        AlertReceiver().onReceive(app, early)
        val words = lockedAlertText(Locale.getDefault().language, AlertUrgency.REMINDER)
        val posted = shadowOf(manager).getNotification(reminder.id, 0)
        assertNotNull("posted before the first unlock", posted)
        assertNeutral("before the first unlock", posted!!, words.title)
        shadowOf(app.getSystemService(UserManager::class.java)).setUserUnlocked(true)
    }
}

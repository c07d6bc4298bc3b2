package org.waymark.android.shell

import android.app.AlarmManager
import android.app.NotificationManager
import android.content.Intent
import android.os.UserManager
import android.widget.Button
import android.widget.EditText
import android.widget.TextView
import java.time.Duration
import java.time.Instant
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager
import org.waymark.android.AlertReceiver
import org.waymark.android.Alerts
import org.waymark.android.ReplanReceiver
import org.waymark.core.Action
import org.waymark.core.AlertKind
import org.waymark.core.AlertUrgency
import org.waymark.core.TestAlarmState
import org.waymark.core.Waymark

/**
 * The fired-alert log on Android: the receiver tells the core each alert it shows (kept in
 * device-protected storage before the first unlock and handed on after it), an alert the phone
 * would not show is not reported, the home screen shows the core's warning about alerts that did
 * not sound, and the settings' test alarm is scheduled as an alarm clock.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class AlertLogTest {
    private val app get() = RuntimeEnvironment.getApplication()

    /** Anna's trip from yesterday for ten days, with the core's default check-in times. */
    private fun traveller(core: Waymark, now: Instant) = planTrip(core, now)

    /** A traveller's phone with its check-in reminders scheduled. */
    private fun planned(): Shell {
        val shell = Shell.launch()
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        shell.ask { traveller(it, shell.now) }
        Alerts.replan(shell.activity)
        shell.settle()
        return shell
    }

    private val ShadowAlarmManager.ScheduledAlarm.at: Instant get() = Instant.ofEpochMilli(triggerAtMs)

    /** The alarm goes off [late] after its time: the receiver runs then, as the system runs it. */
    private fun Shell.fire(alarm: ShadowAlarmManager.ScheduledAlarm, late: Duration = Duration.ofSeconds(5)) {
        now = alarm.at.plus(late)
        AlertReceiver().onReceive(app, shadowOf(alarm.operation).savedIntent)
        settle()
    }

    private val manager get() = app.getSystemService(NotificationManager::class.java)

    /** The words on screen that are not buttons, in order. */
    private fun Shell.words(): List<String> = views().filterIsInstance<TextView>()
        .filter { it !is Button && it !is EditText && it.isShown }
        .map { it.text.toString() }

    private fun Shell.warning() = ask { it.home(now) }.alertWarning

    /** The home screen, drawn again at the harness's time. */
    private fun Shell.home() {
        while (buttons().contains(activity.texts.back)) back()
        activity.reload()
        settle()
    }

    @Test
    fun a_shown_alert_is_reported_and_one_that_did_not_sound_is_shown_at_home() {
        val shell = planned()
        val scheduled = scheduledAlerts(app)
        assertTrue("reminders are scheduled: ${scheduled.size}", scheduled.size >= 2)

        // Every alert up to a while after the first one sounds on time: no warning then, even
        // once each one's allowance (20 minutes for a reminder) has passed.
        val first = scheduled.first()
        val quiet = first.at.plus(Duration.ofMinutes(25))
        val onTime = scheduled.filter { !it.at.isAfter(quiet) }
        for (alarm in onTime) {
            shell.fire(alarm)
            assertNotNull("${alarm.alertId()} posted", shadowOf(manager).getNotification(alarm.alertId(), 0))
        }
        shell.now = quiet
        assertNull(shell.warning())
        shell.home()
        val title = shell.ask { it.home(shell.now) }.title
        assertEquals(title, shell.words().first())

        // The next one never sounds (the phone killed the app, say); the others after it do.
        val missed = scheduled.first { it.at.isAfter(quiet) }
        val later = missed.at.plus(Duration.ofMinutes(25))
        for (alarm in scheduled.filter { it !== missed && it.at.isAfter(quiet) && !it.at.isAfter(later) }) {
            shell.fire(alarm)
        }
        shell.now = later
        val warning = shell.warning()
        assertNotNull("the core warns about ${missed.alertId()}", warning)
        assertEquals(1, warning!!.lines.size)

        // At the top of the home screen: its title, lines and advice, help and dismiss.
        shell.home()
        val shown = shell.words()
        assertEquals(warning.title, shown.first())
        assertEquals(listOf(warning.title) + warning.lines + warning.advice, shown.take(2 + warning.lines.size))
        val help = warning.help as Action.OpenArticle
        val article = shell.ask { it.article(help.id) }
        assertEquals(article.title, warning.helpLabel)
        assertTrue(shell.buttons().contains(warning.dismissLabel))
        shell.tap(warning.helpLabel)
        assertTrue("the guide's article opens", shell.shows(article.summary))
        shell.back()
        shell.tap(warning.dismissLabel)
        assertFalse(shell.shows(warning.title))
        assertNull(shell.warning())
        assertEquals(title, shell.words().first())
    }

    @Test
    fun an_alert_the_phone_blocks_is_not_reported() {
        val shell = planned()
        val scheduled = scheduledAlerts(app)

        // Notifications turned off for the app when the first alert is due: nothing is posted
        // and nothing reported. The others sound; the core then warns about that one alone.
        val first = scheduled.first()
        val quiet = first.at.plus(Duration.ofMinutes(25))
        shadowOf(manager).setNotificationsEnabled(false)
        shell.fire(first)
        assertNull(shadowOf(manager).getNotification(first.alertId(), 0))
        shadowOf(manager).setNotificationsEnabled(true)
        for (alarm in scheduled.filter { it !== first && !it.at.isAfter(quiet) }) shell.fire(alarm)
        shell.now = quiet
        assertEquals("the blocked alert did not sound", 1, shell.warning()?.lines?.size)
        shell.ask { it.dismissAlertWarning(shell.now) }
        assertNull(shell.warning())

        // The next alert's channel turned off in the phone's settings: the same.
        val blocked = scheduled.first { it.at.isAfter(quiet) }
        val channel = manager.getNotificationChannel(
            shadowOf(blocked.operation).savedIntent.getStringExtra(Alerts.EXTRA_CHANNEL)!!,
        )
        channel.importance = NotificationManager.IMPORTANCE_NONE
        assertEquals(NotificationManager.IMPORTANCE_NONE, manager.getNotificationChannel(channel.id).importance)
        shell.fire(blocked)
        assertNull(shadowOf(manager).getNotification(blocked.alertId(), 0))
        channel.importance = NotificationManager.IMPORTANCE_HIGH
        val later = blocked.at.plus(Duration.ofMinutes(25))
        for (alarm in scheduled.filter { it !== blocked && it.at.isAfter(quiet) && !it.at.isAfter(later) }) {
            shell.fire(alarm)
        }
        shell.now = later
        assertEquals("the alert in a blocked channel did not sound", 1, shell.warning()?.lines?.size)
    }

    @Test
    fun a_report_before_the_first_unlock_waits_in_device_protected_storage() {
        val shell = planned()
        shell.ask { it.startTestAlarm(shell.now) }
        Alerts.replan(shell.activity)
        shell.settle()

        // A restart: the alarms are gone and the phone is locked; the last plan is armed again.
        val alarmManager = app.getSystemService(AlarmManager::class.java)
        for (alarm in shadowOf(alarmManager).scheduledAlarms.toList()) {
            alarm.operation?.let {
                alarmManager.cancel(it)
                it.cancel()
            }
            alarm.alarmClockInfo?.showIntent?.cancel()
        }
        val users = shadowOf(app.getSystemService(UserManager::class.java))
        users.setUserUnlocked(false)
        ReplanReceiver().onReceive(app, Intent(Intent.ACTION_LOCKED_BOOT_COMPLETED))
        val test = scheduledAlerts(app).single { it.alertId() == "test-alarm" }
        assertNotNull("the test alarm is an alarm clock again", test.alarmClockInfo)

        // It sounds before the unlock: posted with the neutral line, and its report kept apart
        // from the (still sealed) profile, as an id and an instant only.
        shell.fire(test)
        assertNotNull(shadowOf(manager).getNotification("test-alarm", 0))
        val file = Alerts.lockedReportsFile(app)
        assertFalse("kept apart from the profile", file.path.startsWith(app.noBackupFilesDir.path))
        val reported = shell.now.toEpochMilli()
        val line = file.readText()
        val kept = Regex("test-alarm\t(\\d+)\n").matchEntire(line)
        assertNotNull("one line, the id and the time: $line", kept)
        val at = kept!!.groupValues[1].toLong()
        assertTrue("reported when shown", at in test.triggerAtMs..reported)

        // The unlock: the full plan hands the report to the core and deletes the file.
        users.setUserUnlocked(true)
        // What BOOT_COMPLETED does after the unlock (and every start of the app): plan in full.
        Alerts.replan(app)
        shell.settle()
        assertFalse("handed on, then deleted", file.exists())
        shell.now = test.at.plus(Duration.ofMinutes(10))
        assertEquals(TestAlarmState.WORKED, shell.ask { it.testAlarm(shell.now) }.state)
    }

    @Test
    fun the_test_alarm_row_starts_an_alarm_clock_and_says_how_it_went() {
        val shell = Shell.launch()
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        shell.tap(shell.activity.texts.settingsTitle)
        val before = shell.ask { it.testAlarm(shell.now) }
        assertEquals(TestAlarmState.NOT_STARTED, before.state)
        assertTrue(shell.shows(before.text))

        shell.tap(before.startLabel)
        val waiting = shell.ask { it.testAlarm(shell.now) }
        assertEquals(TestAlarmState.WAITING, waiting.state)
        assertTrue(shell.shows(waiting.text))
        // Planned again at once: the plan holds the test alarm, scheduled as an alarm clock.
        val plan = shell.ask { it.planNotifications(shell.now, Alerts.MAX_ALERTS, true) }
        val planned = plan.alerts.single { it.id == "test-alarm" }
        assertEquals(AlertKind.TEST_ALARM, planned.kind)
        assertEquals(AlertUrgency.ALARM, planned.urgency)
        val test = scheduledAlerts(app).single { it.alertId() == "test-alarm" }
        assertNotNull("an alarm clock", test.alarmClockInfo)
        assertEquals(waiting.fireAt!!.toEpochMilli(), test.triggerAtMs)
        val channel = shell.ask { it.shellTexts() }.alertChannels.single { it.kind == AlertKind.TEST_ALARM }
        assertEquals(channel.id, shadowOf(test.operation).savedIntent.getStringExtra(Alerts.EXTRA_CHANNEL))

        // It sounds while the person is away; back in the app, the row says it worked.
        shell.controller.pause().stop()
        shell.fire(test)
        assertNotNull(shadowOf(manager).getNotification("test-alarm", 0))
        shell.controller.restart().resume()
        shell.settle()
        val worked = shell.ask { it.testAlarm(shell.now) }
        assertEquals(TestAlarmState.WORKED, worked.state)
        assertTrue("refreshed on return: ${shell.texts()}", shell.shows(worked.text))
    }
}

package org.waymark.android.shell

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.content.Intent
import android.os.UserManager
import java.nio.file.Files
import java.time.Instant
import java.time.ZoneId
import java.util.Locale
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
import org.waymark.android.MainActivity
import org.waymark.android.ReplanReceiver
import org.waymark.core.AlertUrgency
import org.waymark.core.Waymark
import org.waymark.core.WaymarkOptions
import org.waymark.core.lockedAlertText

/**
 * The family's alarms on Android: an alarm clock (never deferred by Doze) for the core's alarms,
 * the ordinary path for reminders, and the schedule armed again after a restart, before the
 * first unlock, from a device-protected file that names no one.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class AlarmsTest {
    private val zone = ZoneId.systemDefault()

    /** A trip for [name] from yesterday for ten days, with the core's default check-in times. */
    private fun plan(core: Waymark, name: String, city: String, now: Instant) =
        planTrip(core, now, name, city)

    /**
     * The shell's phone is Anna's (a traveller, in Istanbul) and also watches Olga, whose plan
     * came from her own phone (another profile) and whose check-ins are overdue within hours.
     */
    private fun travellerWatchingOlga(): Pair<Shell, List<org.waymark.core.PlannedAlert>> {
        val shell = Shell.launch()
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val now = Instant.now()
        val olgaDir = Files.createTempDirectory("olga")
        val olga = Waymark.open(olgaDir.resolve("p.sqlite").toString(), WaymarkOptions("en", zone.id, ByteArray(32) { 3 }))
        plan(olga, "Olga", "Antalya", now)
        val export = olga.exportPlan("2468", null)
        shell.ask { core ->
            plan(core, "Anna", "Istanbul", now)
            core.importPlan(export.payload, export.passphrase, now)
        }
        Alerts.replan(shell.activity)
        shell.settle()
        val planned = shell.ask { it.planNotifications(Instant.now(), Alerts.MAX_ALERTS, true) }.alerts
        return shell to planned
    }

    @Test
    fun the_family_s_alarms_are_alarm_clocks_and_reminders_are_not() {
        val (shell, planned) = travellerWatchingOlga()
        val urgency = planned.associate { it.id to it.urgency }
        val scheduled = scheduledAlerts(shell.activity)
        assertEquals(planned.map { it.id }.toSet(), scheduled.map { it.alertId() }.toSet())
        var clocks = 0
        for (alarm in scheduled) {
            val id = alarm.alertId()
            if (urgency[id] == AlertUrgency.ALARM) {
                clocks++
                assertNotNull("$id is an alarm clock", alarm.alarmClockInfo)
                val info = alarm.alarmClockInfo!!
                assertEquals(alarm.triggerAtMs, info.triggerTime)
                val show = shadowOf(info.showIntent).savedIntent
                assertEquals(MainActivity::class.java.name, show.component?.className)
                assertTrue("$id: a watched traveller's alert", id.startsWith("watch-"))
            } else {
                assertNull("$id is not an alarm clock", alarm.alarmClockInfo)
            }
        }
        assertTrue("some alarm clocks: $clocks", clocks > 0)
        assertTrue("traveller reminders too", planned.any { it.id.startsWith("checkin-") })
        assertTrue(planned.filter { it.id.startsWith("checkin-") }.all { it.urgency == AlertUrgency.REMINDER })

        // Without the exact-alarm permission an alarm clock is refused: the alarms still come,
        // inexactly, and the permission's broadcast plans again.
        ShadowAlarmManager.setCanScheduleExactAlarms(false)
        Alerts.replan(shell.activity)
        shell.settle()
        assertTrue(scheduledAlerts(shell.activity).isNotEmpty())
        assertTrue(scheduledAlerts(shell.activity).all { it.alarmClockInfo == null })
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
    }

    @Test
    fun a_locked_boot_re_arms_the_alarms_from_a_file_that_names_no_one() {
        val (shell, planned) = travellerWatchingOlga()
        val app = RuntimeEnvironment.getApplication()
        val before = scheduledAlerts(app).associate { it.alertId() to (it.triggerAtMs to (it.alarmClockInfo != null)) }

        // The device-protected copy: ids, instants and urgencies, nothing anyone wrote or is called.
        val file = Alerts.lockedScheduleFile(app)
        assertFalse("kept apart from the profile", file.path.startsWith(app.noBackupFilesDir.path))
        val text = file.readText()
        val lines = text.lines().filter { it.isNotEmpty() }
        assertEquals(planned.size, lines.size)
        for ((line, alert) in lines.zip(planned)) {
            val expected = if (alert.urgency == AlertUrgency.ALARM) "alarm" else "reminder"
            assertEquals("${alert.id}\t${alert.fireAt.toEpochMilli()}\t$expected", line)
        }
        val words = planned.flatMap { listOf(it.title, it.body, it.lockScreenText) } +
            listOf("Anna", "Olga", "Istanbul", "Antalya", "cat", "2468", "1357")
        for (word in words.toSet()) {
            assertFalse("the file says \"$word\"", text.contains(word))
        }

        // A restart: every alarm is gone and the phone is locked until the person unlocks it.
        val manager = app.getSystemService(AlarmManager::class.java)
        // The system forgets the app's PendingIntents too.
        for (alarm in shadowOf(manager).scheduledAlarms.toList()) {
            alarm.operation?.let {
                manager.cancel(it)
                it.cancel()
            }
            alarm.alarmClockInfo?.showIntent?.cancel()
        }
        assertTrue(shadowOf(manager).scheduledAlarms.isEmpty())
        shadowOf(app.getSystemService(UserManager::class.java)).setUserUnlocked(false)
        ReplanReceiver().onReceive(app, Intent(Intent.ACTION_LOCKED_BOOT_COMPLETED))
        val after = scheduledAlerts(app).associate { it.alertId() to (it.triggerAtMs to (it.alarmClockInfo != null)) }
        assertEquals("the same alerts, at the same instants, as alarm clocks or not", before, after)

        // A family alarm fires before the unlock: a neutral line in the phone's language.
        val alarm = scheduledAlerts(app).first { it.alarmClockInfo != null }
        AlertReceiver().onReceive(app, shadowOf(alarm.operation).savedIntent)
        val expected = lockedAlertText(Locale.getDefault().language, AlertUrgency.ALARM)
        val posted = shadowOf(app.getSystemService(NotificationManager::class.java)).allNotifications.single()
        assertEquals(expected.title, posted.extras.getCharSequence(Notification.EXTRA_TITLE).toString())
        assertEquals(expected.body, posted.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        assertEquals(expected.channelId, posted.channelId)
        assertEquals(Notification.CATEGORY_ALARM, posted.category)
        assertFalse(expected.title.contains("Olga") || expected.body.contains("Olga"))
        shell.settle()
    }
}

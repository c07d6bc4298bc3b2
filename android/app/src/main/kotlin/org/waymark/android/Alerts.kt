package org.waymark.android

import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.os.UserManager
import java.io.File
import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.AlertUrgency
import org.waymark.core.PlannedAlert
import org.waymark.core.ShellTexts

/**
 * Schedules the core's notification plan with AlarmManager. The core decides which alerts, when,
 * how urgent and with what words; this replaces the previous schedule with the new one. An alarm
 * (the family's "overdue") is an alarm clock, which Doze never defers; a reminder is an exact
 * alarm allowed while idle, or a 10-minute window without the exact-alarm permission.
 *
 * After a restart the profile stays encrypted until the person first unlocks the phone, so each
 * plan is also kept, as alert ids, fire times and urgencies only, in device-protected storage:
 * [rearm] schedules it again on `LOCKED_BOOT_COMPLETED`, before the first unlock.
 */
object Alerts {
    /** Far below AlarmManager's per-app limit of 500, and more than a week of check-ins needs. */
    const val MAX_ALERTS = 64u

    /**
     * Android's shortest inexact window (API 31+ widens shorter ones to it). The core places
     * alerts so that a delivery this late still falls inside the check-in window.
     */
    private const val INEXACT_WINDOW_MS = 10 * 60 * 1000L

    const val ACTION_ALERT = "org.waymark.action.ALERT"
    const val ACTION_REPLAN = "org.waymark.action.REPLAN"
    const val EXTRA_ID = "org.waymark.alert.id"
    const val EXTRA_TITLE = "org.waymark.alert.title"
    const val EXTRA_BODY = "org.waymark.alert.body"
    const val EXTRA_LOCK_SCREEN = "org.waymark.alert.lock_screen"
    const val EXTRA_CHANNEL = "org.waymark.alert.channel"
    /** True for an alert the core calls an alarm. */
    const val EXTRA_ALARM = "org.waymark.alert.alarm"
    /** The planned instant (epoch milliseconds), on an alert re-armed while the phone was locked. */
    const val EXTRA_AT = "org.waymark.alert.at"

    private const val SCHEDULED_FILE = "scheduled-alerts"
    private const val LOCKED_SCHEDULE_FILE = "locked-schedule"
    private const val LOCKED_FIRED_FILE = "locked-fired"
    private const val URGENCY_ALARM = "alarm"
    private const val URGENCY_REMINDER = "reminder"

    /** Whether alarms may be exact: always before Android 12, by permission from then on. */
    fun exactAllowed(context: Context): Boolean =
        Build.VERSION.SDK_INT < Build.VERSION_CODES.S ||
            context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms()

    /** Whether the person has unlocked the phone since it started: only then can the profile open. */
    fun unlocked(context: Context): Boolean =
        context.getSystemService(UserManager::class.java).isUserUnlocked

    /**
     * Asks the core for a fresh plan and schedules it; [after] runs when done. Before the first
     * unlock the profile cannot be read, so the last plan is armed again from [rearm]'s file.
     */
    fun replan(context: Context, after: () -> Unit = {}) {
        val app = context.applicationContext
        if (!unlocked(app)) {
            rearm(app)
            after()
            return
        }
        Core.background(app, { core ->
            forwardLockedReports(app, core)
            val exact = exactAllowed(app)
            val plan = core.planNotifications(AppClock.now(), MAX_ALERTS, exact)
            val texts = core.shellTexts()
            createChannels(app, texts)
            schedule(app, plan.alerts, plan.planAgainAt, exact, texts)
        }, after)
    }

    /** One channel per alert kind, named in the person's language (renamed when it changes). */
    private fun createChannels(context: Context, texts: ShellTexts) {
        val manager = context.getSystemService(NotificationManager::class.java)
        for (channel in texts.alertChannels) {
            // All are high: each one is about someone's safety, and the person can lower any of
            // them in the phone's settings.
            manager.createNotificationChannel(
                NotificationChannel(channel.id, channel.name, NotificationManager.IMPORTANCE_HIGH)
                    .apply { description = channel.description },
            )
        }
    }

    private fun schedule(
        context: Context,
        alerts: List<PlannedAlert>,
        planAgainAt: Instant,
        exact: Boolean,
        texts: ShellTexts,
    ) {
        val alarms = context.getSystemService(AlarmManager::class.java)
        val channels = texts.alertChannels.associate { it.kind to it.id }
        val record = File(context.noBackupFilesDir, SCHEDULED_FILE)
        val previous = if (record.exists()) record.readLines().filter { it.isNotEmpty() } else emptyList()
        val planned = alerts.map { it.id }.toSet()
        for (id in previous) {
            if (id !in planned) {
                alertIntent(context, id, PendingIntent.FLAG_NO_CREATE)?.let {
                    alarms.cancel(it)
                    it.cancel()
                }
            }
        }
        for (alert in alerts) {
            val alarm = alert.urgency == AlertUrgency.ALARM
            val intent = baseIntent(context, alert.id, alarm)
                .putExtra(EXTRA_TITLE, alert.title)
                .putExtra(EXTRA_BODY, alert.body)
                .putExtra(EXTRA_LOCK_SCREEN, alert.lockScreenText)
                .putExtra(EXTRA_CHANNEL, channels[alert.kind])
            ActionCodec.put(intent, alert.action)
            val pending = PendingIntent.getBroadcast(
                context, 0, intent,
                PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
            val show = if (alarm) showIntent(context, alert.id, alert.action) else null
            set(alarms, alert.fireAt.toEpochMilli(), pending, exact, show)
        }
        record.writeText(alerts.joinToString("\n") { it.id })
        writeLockedSchedule(context, alerts)

        val again = PendingIntent.getBroadcast(
            context, 0,
            Intent(context, AlertReceiver::class.java).setAction(ACTION_REPLAN),
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        set(alarms, planAgainAt.toEpochMilli(), again, exact, null)
    }

    /**
     * Cancels every alarm this app set: each alert of the last plan and of the device-protected
     * copy (by the ids the bookkeeping files keep), the tap intents of the alarm clocks, and the
     * plan-again alarm. After "erase all data"; the files themselves are deleted after this.
     */
    fun cancelAll(context: Context) {
        val alarms = context.getSystemService(AlarmManager::class.java)
        val record = File(context.noBackupFilesDir, SCHEDULED_FILE)
        val planned = if (record.exists()) record.readLines() else emptyList()
        val locked = lockedScheduleFile(context).let { if (it.exists()) it.readLines() else emptyList() }
            .map { it.substringBefore('\t') }
        for (id in (planned + locked).filter { it.isNotEmpty() }.toSet()) {
            alertIntent(context, id, PendingIntent.FLAG_NO_CREATE)?.let {
                alarms.cancel(it)
                it.cancel()
            }
            PendingIntent.getActivity(
                context, 0,
                Intent(context, MainActivity::class.java).setData(alertUri(id)),
                PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
            )?.cancel()
        }
        PendingIntent.getBroadcast(
            context, 0,
            Intent(context, AlertReceiver::class.java).setAction(ACTION_REPLAN),
            PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
        )?.let {
            alarms.cancel(it)
            it.cancel()
        }
    }

    /**
     * Arms the last plan again from device-protected storage, without the core: the phone has
     * restarted and the profile stays encrypted until the first unlock. Each alert carries only
     * its id, time and urgency; [AlertReceiver] finds its words when it fires. The full plan
     * replaces these at `BOOT_COMPLETED`, after the unlock.
     */
    fun rearm(context: Context) {
        val file = lockedScheduleFile(context)
        if (!file.exists()) return
        val alarms = context.getSystemService(AlarmManager::class.java)
        val exact = exactAllowed(context)
        val now = AppClock.millis()
        for (line in file.readLines()) {
            val fields = line.split('\t')
            if (fields.size != 3) continue
            val (id, atText, urgency) = fields
            val at = atText.toLongOrNull() ?: continue
            if (at <= now) continue
            val alarm = urgency == URGENCY_ALARM
            val intent = baseIntent(context, id, alarm).putExtra(EXTRA_AT, at)
            val pending = PendingIntent.getBroadcast(
                context, 0, intent,
                PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
            set(alarms, at, pending, exact, if (alarm) showIntent(context, id, null) else null)
        }
    }

    /** The device-protected copy of the plan: one `id<TAB>epoch ms<TAB>alarm|reminder` a line. */
    fun lockedScheduleFile(context: Context): File =
        File(context.createDeviceProtectedStorageContext().noBackupFilesDir, LOCKED_SCHEDULE_FILE)

    private fun writeLockedSchedule(context: Context, alerts: List<PlannedAlert>) {
        val file = lockedScheduleFile(context)
        // Ids, instants and urgencies only: nothing here names anyone or says anything.
        val text = alerts.joinToString("") { alert ->
            val urgency = if (alert.urgency == AlertUrgency.ALARM) URGENCY_ALARM else URGENCY_REMINDER
            "${alert.id}\t${alert.fireAt.toEpochMilli()}\t$urgency\n"
        }
        // Written whole then renamed: a restart mid-write leaves the previous schedule.
        val partial = File(file.parentFile, "${file.name}.partial")
        partial.writeText(text)
        if (!partial.renameTo(file)) file.writeText(text)
    }

    /**
     * Tells the core that alert [id] was shown at [at], so it can say which alerts did not sound
     * or came late. Before the first unlock the profile cannot be opened: the report waits in
     * device-protected storage (the id and the time only) until [forwardLockedReports] hands it
     * on. [after] runs when done.
     */
    fun reportFired(context: Context, id: String, at: Instant, after: () -> Unit = {}) {
        val app = context.applicationContext
        if (!unlocked(app)) {
            keepLockedReport(app, id, at)
            after()
            return
        }
        Core.background(app, { core ->
            forwardLockedReports(app, core)
            core.alertFired(id, at)
        }, after)
    }

    /** The device-protected reports of alerts shown before the first unlock: `id<TAB>epoch ms`. */
    fun lockedReportsFile(context: Context): File =
        File(context.createDeviceProtectedStorageContext().noBackupFilesDir, LOCKED_FIRED_FILE)

    private fun keepLockedReport(context: Context, id: String, at: Instant) {
        val file = lockedReportsFile(context)
        // Appended: several alerts may fire before the unlock. Ids and instants only.
        java.io.FileOutputStream(file, true).use { out ->
            out.write("$id\t${at.toEpochMilli()}\n".toByteArray(Charsets.UTF_8))
            out.fd.sync()
        }
    }

    /**
     * Hands the reports kept while the phone was locked to the core (on the core thread, the
     * profile open), then deletes them. The file is first moved aside, so a report written
     * meanwhile waits for the next time instead of being lost; a move left by an interrupted
     * forward is handed on first (the core counts an alert's first report only).
     */
    fun forwardLockedReports(context: Context, core: org.waymark.core.Waymark) {
        val file = lockedReportsFile(context)
        val moving = File(file.parentFile, "${file.name}.forwarding")
        if (!moving.exists() && file.exists() && !file.renameTo(moving)) return
        if (!moving.exists()) return
        for (line in moving.readLines()) {
            val fields = line.split('\t')
            if (fields.size != 2) continue
            val at = fields[1].toLongOrNull() ?: continue
            core.alertFired(fields[0], Instant.ofEpochMilli(at))
        }
        moving.delete()
        // Reports kept while the moved ones were handed on (rare): their turn now.
        if (file.exists() && file.renameTo(moving)) forwardLockedReports(context, core)
    }

    /**
     * Schedules [pending] at [at]. With [show] (an alarm) as an alarm clock, which Doze never
     * defers and the system shows as the next alarm; tapping that opens [show].
     */
    private fun set(
        alarms: AlarmManager,
        at: Long,
        pending: PendingIntent,
        exact: Boolean,
        show: PendingIntent?,
    ) {
        if (exact && show != null) {
            try {
                alarms.setAlarmClock(AlarmManager.AlarmClockInfo(at, show), pending)
                return
            } catch (e: SecurityException) {
                // Alarm clocks need the exact-alarm permission too (API 31+): as below.
            }
        }
        if (exact) {
            try {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, at, pending)
                return
            } catch (e: SecurityException) {
                // The permission was withdrawn since it was checked; its broadcast will make
                // the app plan again, and meanwhile the alert still comes within the window.
            }
        }
        alarms.setWindow(AlarmManager.RTC_WAKEUP, at, INEXACT_WINDOW_MS, pending)
    }

    /** The intent of alert [id]: its data URI makes each alert's PendingIntent distinct. */
    private fun baseIntent(context: Context, id: String, alarm: Boolean = false): Intent =
        Intent(context, AlertReceiver::class.java)
            .setAction(ACTION_ALERT)
            .setData(alertUri(id))
            .putExtra(EXTRA_ID, id)
            .putExtra(EXTRA_ALARM, alarm)

    private fun alertUri(id: String): Uri = Uri.fromParts("waymark-alert", id, null)

    private fun alertIntent(context: Context, id: String, flags: Int): PendingIntent? =
        PendingIntent.getBroadcast(
            context, 0, baseIntent(context, id), flags or PendingIntent.FLAG_IMMUTABLE,
        )

    /**
     * What opens when the person taps an alarm clock in the system's "next alarm": the app, at
     * the alert's [action] (none when re-armed while locked: the app opens at its home screen).
     * The same intent a tap on the alert's notification makes, so one PendingIntent serves both.
     */
    fun showIntent(context: Context, id: String, action: Action?): PendingIntent {
        val open = Intent(context, MainActivity::class.java)
            .setData(alertUri(id))
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_SINGLE_TOP)
        if (action != null) ActionCodec.put(open, action)
        return PendingIntent.getActivity(
            context, 0, open,
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
    }
}

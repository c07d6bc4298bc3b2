package org.waymark.android

import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import java.io.File
import java.time.Instant
import org.waymark.core.PlannedAlert
import org.waymark.core.ShellTexts

/**
 * Schedules the core's notification plan with AlarmManager. The core decides which alerts, when
 * and with what words; this replaces the previous schedule with the new one.
 */
object Alerts {
    /** Far below AlarmManager's per-app limit of 500, and more than a week of check-ins needs. */
    private const val MAX_ALERTS = 64u

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

    private const val SCHEDULED_FILE = "scheduled-alerts"

    /** Whether alarms may be exact: always before Android 12, by permission from then on. */
    fun exactAllowed(context: Context): Boolean =
        Build.VERSION.SDK_INT < Build.VERSION_CODES.S ||
            context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms()

    /** Asks the core for a fresh plan and schedules it; [after] runs when done. */
    fun replan(context: Context, after: () -> Unit = {}) {
        val app = context.applicationContext
        Core.background(app, { core ->
            val exact = exactAllowed(app)
            val plan = core.planNotifications(Instant.now(), MAX_ALERTS, exact)
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
            val intent = baseIntent(context, alert.id)
                .putExtra(EXTRA_TITLE, alert.title)
                .putExtra(EXTRA_BODY, alert.body)
                .putExtra(EXTRA_LOCK_SCREEN, alert.lockScreenText)
                .putExtra(EXTRA_CHANNEL, channels[alert.kind])
            ActionCodec.put(intent, alert.action)
            val pending = PendingIntent.getBroadcast(
                context, 0, intent,
                PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
            set(alarms, alert.fireAt.toEpochMilli(), pending, exact)
        }
        record.writeText(alerts.joinToString("\n") { it.id })

        val again = PendingIntent.getBroadcast(
            context, 0,
            Intent(context, AlertReceiver::class.java).setAction(ACTION_REPLAN),
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        set(alarms, planAgainAt.toEpochMilli(), again, exact)
    }

    private fun set(alarms: AlarmManager, at: Long, pending: PendingIntent, exact: Boolean) {
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
    private fun baseIntent(context: Context, id: String): Intent =
        Intent(context, AlertReceiver::class.java)
            .setAction(ACTION_ALERT)
            .setData(Uri.fromParts("waymark-alert", id, null))
            .putExtra(EXTRA_ID, id)

    private fun alertIntent(context: Context, id: String, flags: Int): PendingIntent? =
        PendingIntent.getBroadcast(
            context, 0, baseIntent(context, id), flags or PendingIntent.FLAG_IMMUTABLE,
        )
}

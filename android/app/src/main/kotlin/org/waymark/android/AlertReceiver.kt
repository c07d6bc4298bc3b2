package org.waymark.android

import android.app.Notification
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.os.Build
import java.time.Instant
import java.util.Locale
import org.waymark.core.Action
import org.waymark.core.AlertUrgency
import org.waymark.core.lockedAlertText

/**
 * A planned alert is due (post it, and tell the core it was shown), or the plan's time to plan
 * again has come. Direct-boot aware: an alert re-armed after a restart ([Alerts.rearm]) may fire
 * before the first unlock; its report then waits in device-protected storage. An alert the phone
 * would not show (notifications blocked for the app or its channel) is not reported, so the core
 * tells the person it did not sound.
 */
class AlertReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        when (intent.action) {
            Alerts.ACTION_ALERT -> post(context, intent)
            Alerts.ACTION_REPLAN -> {
                val pending = goAsync()
                Alerts.replan(context) { pending.finish() }
            }
        }
    }

    private fun post(context: Context, intent: Intent) {
        val id = intent.getStringExtra(Alerts.EXTRA_ID) ?: return
        val title = intent.getStringExtra(Alerts.EXTRA_TITLE)
        val alarm = intent.getBooleanExtra(Alerts.EXTRA_ALARM, false)
        if (title != null) {
            val channel = intent.getStringExtra(Alerts.EXTRA_CHANNEL) ?: return
            val shown = show(
                context, id, channel, title, intent.getStringExtra(Alerts.EXTRA_BODY),
                intent.getStringExtra(Alerts.EXTRA_LOCK_SCREEN), ActionCodec.take(intent), alarm,
            )
            if (shown) report(context, id)
        } else if (!Alerts.unlocked(context)) {
            // Re-armed after a restart and the phone is still locked: the profile, with the
            // alert's words and the language chosen in the app, cannot be read yet. The core's
            // neutral line for this urgency, in the phone's language, from the app's own content.
            val words = runCatching {
                lockedAlertText(
                    Locale.getDefault().language,
                    if (alarm) AlertUrgency.ALARM else AlertUrgency.REMINDER,
                )
            }.getOrNull() ?: return
            val shown = show(
                context, id, words.channelId, words.title, words.body, words.title, words.action, alarm,
            )
            // Kept in device-protected storage until the unlock (the profile is still sealed).
            if (shown) report(context, id)
        } else {
            // Re-armed while locked, unlocked since, not yet planned again: the core's words for
            // this alert, as planned just before its time (none if it is no longer planned, e.g.
            // the check-in was made).
            val at = intent.getLongExtra(Alerts.EXTRA_AT, AppClock.millis())
            val pending = goAsync()
            Core.background(context, { core ->
                val plan = core.planNotifications(
                    Instant.ofEpochMilli(at - 1), Alerts.MAX_ALERTS, Alerts.exactAllowed(context),
                )
                val alert = plan.alerts.firstOrNull { it.id == id } ?: return@background
                val channel = core.shellTexts().alertChannels.firstOrNull { it.kind == alert.kind }
                    ?: return@background
                val shown = show(
                    context, id, channel.id, alert.title, alert.body, alert.lockScreenText,
                    alert.action, alarm,
                )
                if (shown) {
                    Alerts.forwardLockedReports(context, core)
                    core.alertFired(id, AppClock.now())
                }
            }, { pending.finish() })
        }
    }

    /**
     * Tells the core the alert was shown (the time it was, so a late one counts as late), off the
     * main thread; the broadcast stays alive until the report is written.
     */
    private fun report(context: Context, id: String) {
        val at = AppClock.now()
        // Null only when onReceive is called outside a delivered broadcast (the JVM tests).
        val pending: PendingResult? = goAsync()
        Alerts.reportFired(context, id, at) { pending?.finish() }
    }

    private fun show(
        context: Context,
        id: String,
        channel: String,
        title: String,
        body: String?,
        lockScreen: String?,
        action: Action?,
        alarm: Boolean,
    ): Boolean {
        val manager = context.getSystemService(NotificationManager::class.java)
        // Blocked for the app (no permission, or turned off) or for this alert's channel: the
        // system would drop the post without a word. It is not shown, so it is not reported
        // either, and the core will say on the next open that it did not sound.
        if (!canPost(manager, channel)) return false
        val notification = Notification.Builder(context, channel)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(title)
            .setContentText(body)
            .setStyle(Notification.BigTextStyle().bigText(body))
            // An alarm may pass Do Not Disturb where the person lets alarms through.
            .setCategory(if (alarm) Notification.CATEGORY_ALARM else Notification.CATEGORY_REMINDER)
            // A locked screen shows only the core's one neutral line, never the title or text.
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setPublicVersion(
                Notification.Builder(context, channel)
                    .setSmallIcon(android.R.drawable.ic_popup_reminder)
                    .setContentTitle(lockScreen)
                    .build(),
            )
            .setContentIntent(Alerts.showIntent(context, id, action ?: Action.OpenCheckin))
            .setAutoCancel(true)
            .build()
        manager.notify(id, 0, notification)
        return true
    }

    /**
     * Whether a notification in [channel] would be shown: notifications allowed for the app, and
     * the channel exists (the app creates them when it plans) and is not turned off.
     */
    private fun canPost(manager: NotificationManager, channel: String): Boolean {
        if (!manager.areNotificationsEnabled()) return false
        val found = manager.getNotificationChannel(channel) ?: return false
        if (found.importance == NotificationManager.IMPORTANCE_NONE) return false
        // A channel's group can be turned off as a whole too (API 28+); the app sets none.
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
            val group = found.group?.let { manager.getNotificationChannelGroup(it) }
            if (group?.isBlocked == true) return false
        }
        return true
    }
}

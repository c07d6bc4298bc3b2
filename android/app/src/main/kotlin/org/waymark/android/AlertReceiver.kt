package org.waymark.android

import android.app.Notification
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/** A planned alert is due (post it), or the plan's time to plan again has come. */
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
        val channel = intent.getStringExtra(Alerts.EXTRA_CHANNEL) ?: return
        val manager = context.getSystemService(NotificationManager::class.java)
        // Without the permission the post is dropped by the system; the app shows the status
        // and asks for the permission on the check-in screens.
        if (!manager.areNotificationsEnabled()) return
        val open = ActionCodec.put(
            Intent(context, MainActivity::class.java)
                .setData(intent.data)
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_SINGLE_TOP),
            ActionCodec.take(intent) ?: org.waymark.core.Action.OpenCheckin,
        )
        val tap = PendingIntent.getActivity(
            context, 0, open,
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val body = intent.getStringExtra(Alerts.EXTRA_BODY)
        val notification = Notification.Builder(context, channel)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(intent.getStringExtra(Alerts.EXTRA_TITLE))
            .setContentText(body)
            .setStyle(Notification.BigTextStyle().bigText(body))
            .setCategory(Notification.CATEGORY_REMINDER)
            // A locked screen shows only the core's one neutral line, never the title or text.
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setPublicVersion(
                Notification.Builder(context, channel)
                    .setSmallIcon(android.R.drawable.ic_popup_reminder)
                    .setContentTitle(intent.getStringExtra(Alerts.EXTRA_LOCK_SCREEN))
                    .build(),
            )
            .setContentIntent(tap)
            .setAutoCancel(true)
            .build()
        manager.notify(id, 0, notification)
    }
}

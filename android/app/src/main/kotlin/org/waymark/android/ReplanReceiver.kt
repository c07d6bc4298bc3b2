package org.waymark.android

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/**
 * Boot, an app update, a clock, time zone or language change, or the exact-alarm permission
 * changing: every scheduled alarm may be gone or wrong, so the core plans them again. Direct-boot
 * aware: at `LOCKED_BOOT_COMPLETED` (a restart, before the first unlock) the profile cannot be
 * read, so the last plan is armed again from device-protected storage; `BOOT_COMPLETED` follows
 * the unlock and plans in full.
 */
class ReplanReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action !in REPLAN_EVENTS) return
        if (intent.action == Intent.ACTION_LOCKED_BOOT_COMPLETED || !Alerts.unlocked(context)) {
            Alerts.rearm(context)
            return
        }
        val pending = goAsync()
        Alerts.replan(context) { pending.finish() }
    }
}

/** The system events that make the app plan its alerts again; the manifest lists the same. */
val REPLAN_EVENTS: Set<String> = setOf(
    Intent.ACTION_LOCKED_BOOT_COMPLETED,
    Intent.ACTION_BOOT_COMPLETED,
    Intent.ACTION_MY_PACKAGE_REPLACED,
    Intent.ACTION_TIME_CHANGED,
    Intent.ACTION_TIMEZONE_CHANGED,
    Intent.ACTION_LOCALE_CHANGED,
    android.app.AlarmManager.ACTION_SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED,
)

package org.waymark.android.shell

import android.app.AlarmManager
import android.content.Context
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowAlarmManager
import org.waymark.android.Alerts

/** The check-in alerts the shell has set with the AlarmManager, soonest first. */
internal fun scheduledAlerts(context: Context): List<ShadowAlarmManager.ScheduledAlarm> =
    shadowOf(context.getSystemService(AlarmManager::class.java)).scheduledAlarms
        .filter { shadowOf(it.operation).savedIntent.action == Alerts.ACTION_ALERT }
        .sortedBy { it.triggerAtMs }

/** The core's id of the alert this alarm fires. */
internal fun ShadowAlarmManager.ScheduledAlarm.alertId(): String =
    shadowOf(operation).savedIntent.getStringExtra(Alerts.EXTRA_ID)!!

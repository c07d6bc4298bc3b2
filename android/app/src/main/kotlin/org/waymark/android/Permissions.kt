package org.waymark.android

import android.Manifest
import android.app.Activity
import android.app.NotificationManager
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.provider.Settings
import java.io.File

/**
 * What the check-in screens show when alerts cannot reach the person: the notifications
 * permission (asked in the app once, then through the settings), and exact alarms.
 */
fun Column.alertPermissions(ui: Ui) {
    val activity = ui.context as Activity
    val texts = ui.texts
    val notifications = activity.getSystemService(NotificationManager::class.java)
    if (!notifications.areNotificationsEnabled()) {
        heading(texts.notificationsTitle)
        text(texts.notificationsReason)
        val asked = File(activity.noBackupFilesDir, "asked-notifications")
        val canAsk = Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            activity.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) !=
            PackageManager.PERMISSION_GRANTED &&
            // After a refusal the system only shows its prompt again when a rationale is due.
            (!asked.exists() ||
                activity.shouldShowRequestPermissionRationale(Manifest.permission.POST_NOTIFICATIONS))
        if (canAsk) {
            button(texts.notificationsTitle) {
                asked.writeText("")
                activity.requestPermissions(arrayOf(Manifest.permission.POST_NOTIFICATIONS), 1)
            }
        } else {
            button(texts.openSettings) {
                openSettings(
                    ui,
                    Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS)
                        .putExtra(Settings.EXTRA_APP_PACKAGE, activity.packageName),
                )
            }
        }
    }
    if (!Alerts.exactAllowed(activity) && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
        text(texts.exactAlarmsReason)
        button(texts.openSettings) {
            openSettings(
                ui,
                Intent(
                    Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM,
                    Uri.parse("package:" + activity.packageName),
                ),
            )
        }
    }
}

private fun openSettings(ui: Ui, intent: Intent) {
    try {
        ui.context.startActivity(intent)
    } catch (e: android.content.ActivityNotFoundException) {
        ui.toast(ui.texts.noApp)
    }
}

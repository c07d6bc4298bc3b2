package org.waymark.android.shell

import android.app.AlarmManager
import java.io.File
import java.time.Instant
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.waymark.android.AlertReceiver
import org.waymark.android.Alerts

/**
 * Every file the app has on the phone: everything under its data folder, in credential-encrypted
 * storage and in device-protected storage, by a name that says which (`ce/…`, `de/…`), with
 * its bytes.
 */
internal fun appFiles(): Map<String, ByteArray> {
    val app = RuntimeEnvironment.getApplication()
    val roots = linkedMapOf(
        "ce" to app.dataDir.canonicalFile,
        "de" to app.createDeviceProtectedStorageContext().dataDir.canonicalFile,
    )
    val found = sortedMapOf<String, ByteArray>()
    for ((label, root) in roots) {
        root.walkTopDown().filter { it.isFile }.forEach { file ->
            found["$label/${file.relativeTo(root).path}"] = file.readBytes()
        }
    }
    return found
}

/** The profile's own files (the sealed database and its log and index), by name. */
internal fun isProfileFile(name: String): Boolean = File(name).name.startsWith("profile.sqlite")

/** The ids of the alerts the app has scheduled with AlarmManager. */
internal fun scheduledAlertIds(): List<String> {
    val app = RuntimeEnvironment.getApplication()
    return shadowOf(app.getSystemService(AlarmManager::class.java)).scheduledAlarms
        .map { shadowOf(it.operation).savedIntent }
        .filter { it.action == Alerts.ACTION_ALERT }
        .map { it.getStringExtra(Alerts.EXTRA_ID)!! }
        .sorted()
}

/** Sounds the test alarm the app scheduled, five seconds after its time, as the phone would. */
internal fun soundTestAlarm(shell: Shell) {
    val app = RuntimeEnvironment.getApplication()
    val alarms = shadowOf(app.getSystemService(AlarmManager::class.java)).scheduledAlarms
    val test = alarms.first { shadowOf(it.operation).savedIntent.getStringExtra(Alerts.EXTRA_ID) == "test-alarm" }
    shell.now = Instant.ofEpochMilli(test.triggerAtMs).plusSeconds(5)
    AlertReceiver().onReceive(app, shadowOf(test.operation).savedIntent)
    shell.settle()
}

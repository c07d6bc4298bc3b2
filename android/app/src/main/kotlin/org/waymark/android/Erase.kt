package org.waymark.android

import android.app.NotificationManager
import android.content.Context
import java.io.File

/**
 * What the shell removes itself after the core erased the profile and said to remove the
 * device's data (`EraseOutcome.removeDeviceData`): the profile key (key file and Keystore
 * entry), every alarm it set and every notification it posted, and every file it wrote, in
 * credential-encrypted and device-protected storage alike. Afterwards the app is as freshly
 * installed. Runs on the core thread, with the erased profile closed.
 */
object Erase {
    fun device(context: Context) {
        // The alarms first: the bookkeeping files name the ones to cancel.
        Alerts.cancelAll(context)
        val notifications = context.getSystemService(NotificationManager::class.java)
        notifications.cancelAll()
        // The channels carry the words of the person's language; the next plan makes them again.
        for (channel in notifications.notificationChannels) {
            notifications.deleteNotificationChannel(channel.id)
        }
        KeyVault.forget(context)
        val protected = context.createDeviceProtectedStorageContext()
        for (owner in listOf(context, protected)) {
            // The profile's own files are gone already (the core removed them); what is left is
            // the shell's: alert bookkeeping, the notification question's mark, caches.
            for (folder in listOf(owner.noBackupFilesDir, owner.filesDir, owner.cacheDir)) {
                emptyFolder(folder)
            }
            File(owner.dataDir, "shared_prefs").list()?.forEach { name ->
                owner.deleteSharedPreferences(name.removeSuffix(".xml"))
            }
        }
    }

    /** Deletes everything inside [folder], keeping the folder itself. */
    private fun emptyFolder(folder: File) {
        folder.listFiles()?.forEach { it.deleteRecursively() }
    }
}

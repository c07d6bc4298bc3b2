package org.waymark.android

import android.content.Context
import android.os.Handler
import android.os.Looper
import java.io.File
import java.time.ZoneId
import java.util.Locale
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import org.waymark.core.Waymark
import org.waymark.core.WaymarkOptions

/**
 * The one open profile of this process, and the thread every core call runs on (never the UI
 * thread: the core reads SQLite). One thread keeps calls in the order the person made them.
 */
object Core {
    private val executor: ExecutorService = Executors.newSingleThreadExecutor { r ->
        Thread(r, "waymark-core").apply { isDaemon = true }
    }
    private val main = Handler(Looper.getMainLooper())
    private var opened: Waymark? = null
    private var openedAt: String? = null

    /**
     * Runs [work] on the core thread with the profile open and following the phone's language
     * and time zone, then [done] (or [failed]) on the UI thread.
     */
    fun <T> run(
        context: Context,
        work: (Waymark) -> T,
        done: (T) -> Unit,
        failed: (Throwable) -> Unit,
    ) {
        val app = context.applicationContext
        executor.execute {
            val result = runCatching { work(profile(app)) }
            main.post { result.fold(done, failed) }
        }
    }

    /** Runs [work] on the core thread, for receivers and the scheduler; [after] always runs. */
    fun background(context: Context, work: (Waymark) -> Unit, after: () -> Unit = {}) {
        val app = context.applicationContext
        executor.execute {
            try {
                work(profile(app))
            } catch (e: Exception) {
                // Alerts are planned again at the next launch or system event; nothing personal
                // is in the core's errors, but the type is enough here.
                android.util.Log.w("Waymark", "background work failed: ${e.javaClass.simpleName}")
            } finally {
                after()
            }
        }
    }

    /**
     * Waits until every call queued on the core thread so far has finished. The shell's JVM
     * tests use it to let a screen's work end before they run the UI thread's queue; never call
     * it on the UI thread.
     */
    fun awaitIdle() {
        executor.submit {}.get()
    }

    /** Keeps [code] as the app's language; the core keeps it in the profile. */
    fun chooseLanguage(context: Context, code: String) {
        profile(context).setLanguage(code)
    }

    /**
     * Opens the profile on first use; on every call, follows the phone's zone, and its language
     * unless the person chose one in the app.
     */
    private fun profile(context: Context): Waymark {
        val options = WaymarkOptions(Locale.getDefault().language, ZoneId.systemDefault().id)
        // The no-backup folder: never in a cloud backup or a device transfer.
        val path = File(context.noBackupFilesDir, "profile.sqlite").path
        val current = opened
        // Another folder is another profile (a test's fresh app data): open that one.
        if (current != null && openedAt == path) {
            current.setSystemLanguage(options.language)
            current.setTimeZone(options.timeZone)
            return current
        }
        val waymark = Waymark.open(path, options)
        waymark.setKeystoreKey(KeyVault.profileKey(context))
        opened = waymark
        openedAt = path
        return waymark
    }
}

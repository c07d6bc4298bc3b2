package org.waymark.android

import android.content.Context
import android.os.Handler
import android.os.Looper
import java.io.File
import java.time.ZoneId
import java.util.Locale
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import org.waymark.core.EraseOutcome
import org.waymark.core.ProfileAtRest
import org.waymark.core.ShellTexts
import org.waymark.core.Waymark
import org.waymark.core.WaymarkOptions
import org.waymark.core.eraseUnopenableProfile
import org.waymark.core.profileAtRest
import org.waymark.core.shellTextsWithoutProfile

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
     * Erases all of the person's Waymark data (the core decides what; no PIN is asked), on the
     * core thread, then [done] with the core's outcome on the UI thread. When the core says to
     * remove the device's data too, the shell removes its key, every alarm and notification and
     * every file it wrote ([Erase.device]), and opens the profile again with a new key, as on a
     * first run; otherwise (the help PIN opened the app) nothing else is removed.
     */
    fun erase(context: Context, done: (EraseOutcome) -> Unit, failed: (Throwable) -> Unit) {
        val app = context.applicationContext
        executor.execute {
            val result = runCatching {
                val outcome = profile(app).eraseAllData()
                if (outcome.removeDeviceData) {
                    opened?.close()
                    opened = null
                    openedAt = null
                    Erase.device(app)
                    profile(app)
                }
                outcome
            }
            main.post { result.fold(done, failed) }
        }
    }

    /**
     * After the profile failed to open: [done] gets the words of the erase offer, in the phone's
     * language, when the profile cannot be opened because its key is lost ([keyLost]), else
     * null (any other failure offers nothing but the core's words).
     */
    fun lostKeyTexts(context: Context, done: (ShellTexts?) -> Unit) {
        val app = context.applicationContext
        executor.execute {
            val texts = runCatching {
                if (keyLost(app)) shellTextsWithoutProfile(Locale.getDefault().language) else null
            }.getOrNull()
            main.post { done(texts) }
        }
    }

    /**
     * Erases a profile that cannot be opened because its key is lost (after the one question;
     * no PIN: nothing in it can be read any more), on the core thread: the core removes the
     * profile's files without opening it, the shell removes the rest as after a normal erase
     * ([Erase.device]: key, alarms, notifications, every file it wrote), and a new profile is
     * opened with a new key, as on a first run. Refused unless the key is still lost.
     */
    fun eraseUnopenable(context: Context, done: () -> Unit, failed: (Throwable) -> Unit) {
        val app = context.applicationContext
        executor.execute {
            val result = runCatching {
                check(keyLost(app)) { "the profile's key is not lost" }
                eraseUnopenableProfile(profileFile(app).path)
                Erase.device(app)
                profile(app)
                Unit
            }
            main.post { result.fold({ done() }, failed) }
        }
    }

    /**
     * Whether the profile cannot be opened because its key is lost: it is not open, the core
     * finds an encrypted profile, and the vault has no key it can unseal. The core decides "encrypted"; the shell
     * only knows its key is missing.
     */
    private fun keyLost(context: Context): Boolean =
        !(opened != null && openedAt == profileFile(context).path) &&
            !KeyVault.hasKey(context) &&
            runCatching { profileAtRest(profileFile(context).path) == ProfileAtRest.ENCRYPTED }.getOrDefault(false)

    /**
     * Opens the profile on first use; on every call, follows the phone's zone, and its language
     * unless the person chose one in the app. The profile key is read from the Keystore first:
     * the core opens nothing without it.
     */
    private fun profile(context: Context): Waymark {
        val language = Locale.getDefault().language
        val zone = ZoneId.systemDefault().id
        // The no-backup folder: never in a cloud backup or a device transfer.
        val file = profileFile(context)
        val path = file.path
        val current = opened
        // Another folder is another profile (a test's fresh app data): open that one.
        if (current != null && openedAt == path) {
            current.setSystemLanguage(language)
            current.setTimeZone(zone)
            return current
        }
        // An encrypted profile whose key is lost gets an empty key, and the core refuses it in
        // its own words: no new key, no new profile over the old one.
        val key = KeyVault.profileKey(context, file)
        val waymark = Waymark.open(path, WaymarkOptions(language, zone, key))
        opened = waymark
        openedAt = path
        return waymark
    }

    /** The profile file, in the no-backup folder. */
    fun profileFile(context: Context): File = File(context.noBackupFilesDir, PROFILE_FILE)

    /**
     * Closes the open profile, as when the process ends. The JVM tests use it to start the app
     * again within one test; the next call opens the profile anew, reading its key first.
     */
    fun close() {
        executor.submit {
            opened?.close()
            opened = null
            openedAt = null
        }.get()
    }

    private const val PROFILE_FILE = "profile.sqlite"
}

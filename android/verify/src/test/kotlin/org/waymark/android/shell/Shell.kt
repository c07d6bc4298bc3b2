package org.waymark.android.shell

import android.app.Activity
import android.content.Intent
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.EditText
import android.widget.TextView
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController
import org.robolectric.shadows.ShadowToast
import java.time.Clock
import java.time.Duration
import java.time.Instant
import org.waymark.android.AppClock
import org.waymark.android.Core
import org.waymark.android.MainActivity

/**
 * Drives the real [MainActivity] with the real core (the host-built library, through JNA), as a
 * person would: read what is on screen, tap a button by its words, type into a field by its
 * label. Every step lets the core thread and then the UI thread finish what it started.
 */
class Shell private constructor(val controller: ActivityController<MainActivity>) {
    val activity: MainActivity get() = controller.get()

    /**
     * The time the app lives at ([AppClock]): every core call and alert report is made at it.
     * Setting it moves the app's clock there, and it runs on from there; each launch starts at
     * the real time.
     */
    var now: Instant
        get() = AppClock.now()
        set(value) {
            AppClock.clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), value))
        }

    /** Runs the core thread and the UI thread until neither has anything left to do. */
    fun settle() {
        val main = shadowOf(Looper.getMainLooper())
        repeat(MAX_ROUNDS) {
            Core.awaitIdle()
            if (main.isIdle) return
            main.idle()
        }
        error("the shell kept working after $MAX_ROUNDS rounds")
    }

    /** The app's views on screen (not the window's own title bar), depth first. */
    fun views(): List<View> = activity.findViewById<View>(android.R.id.content).let { root ->
        buildList { walk(root) { add(it) } }
    }

    /** Every text on screen, in order. */
    fun texts(): List<String> = views().filterIsInstance<TextView>()
        .filter { it !is EditText && it.isShown }
        .map { it.text.toString() }

    /** Whether [text] is shown as a whole text of some view. */
    fun shows(text: String): Boolean = texts().any { it == text }

    /** Whether some text on screen contains [part]. */
    fun showsPart(part: String): Boolean = texts().any { part in it }

    /** Taps the button whose words are exactly [label]. */
    fun tap(label: String) {
        val matches = views().filterIsInstance<Button>().filter { it.isShown && it.text.toString() == label }
        check(matches.isNotEmpty()) { "no button \"$label\" on screen; buttons: ${buttons()}" }
        matches.first().performClick()
        settle()
    }

    /** The words of every button on screen. */
    fun buttons(): List<String> = views().filterIsInstance<Button>().filter { it.isShown }.map { it.text.toString() }

    /** The text field labelled [label] (its label names it for TalkBack too). */
    fun field(label: String): EditText {
        val labels = views().filterIsInstance<TextView>().filter { it !is EditText && it.text.toString() == label }
        check(labels.isNotEmpty()) { "no field labelled \"$label\"; texts: ${texts()}" }
        // A screen's title may have the same words as its field's label: the label names the field.
        val target = (labels.firstOrNull { it.labelFor != View.NO_ID } ?: labels.first()).labelFor
        check(target != View.NO_ID) { "the label \"$label\" names no field" }
        return activity.findViewById<View>(target) as? EditText ?: error("the field of \"$label\" is not on screen")
    }

    /** Picks the entry [entry] in the drop-down labelled [label]. */
    fun pick(label: String, entry: String) {
        val labels = views().filterIsInstance<TextView>().filter { it !is EditText && it.text.toString() == label }
        check(labels.isNotEmpty()) { "no picker labelled \"$label\"; texts: ${texts()}" }
        val spinner = activity.findViewById<android.widget.Spinner>(labels.first().labelFor)
            ?: error("the label \"$label\" names no picker")
        val position = (0 until spinner.adapter.count).firstOrNull { spinner.adapter.getItem(it).toString() == entry }
            ?: error("no \"$entry\" in the picker \"$label\"")
        spinner.setSelection(position)
        settle()
    }

    /** Types [text] into the field labelled [label], replacing what was there. */
    fun type(label: String, text: String) {
        field(label).setText(text)
    }

    /** The last short message shown at the bottom of the screen, if any. */
    fun lastToast(): String? = ShadowToast.getTextOfLatestToast()

    /** The next intent the shell started (dial, text, share, a settings panel), if any. */
    fun nextStartedIntent(): Intent? = shadowOf(activity as Activity).nextStartedActivity

    /**
     * Ends the app as when its process is killed (the activity destroyed, the profile closed)
     * and starts it again: the app's files and the Keystore's keys stay, and the profile is
     * opened anew, its key read first.
     */
    fun restart(): Shell {
        stop()
        return launch(keepKeystore = true)
    }

    /** Ends the app as when its process is killed: the activity destroyed, the profile closed. */
    fun stop() {
        controller.pause().stop().destroy()
        settle()
        Core.close()
    }

    /** Presses the system back button. */
    fun back() {
        @Suppress("DEPRECATION")
        activity.onBackPressed()
        settle()
    }

    companion object {
        private const val MAX_ROUNDS = 200

        /**
         * Starts the app as the launcher does (or with [intent], as a notification tap does).
         * The Keystore starts empty, as on a new phone, unless [keepKeystore] (a restart).
         */
        fun launch(intent: Intent? = null, keepKeystore: Boolean = false): Shell {
            if (keepKeystore) FakeAndroidKeyStore.provide() else FakeAndroidKeyStore.install()
            AppClock.clock = Clock.systemUTC()
            val controller = if (intent == null) {
                Robolectric.buildActivity(MainActivity::class.java)
            } else {
                Robolectric.buildActivity(MainActivity::class.java, intent)
            }
            val shell = Shell(controller.setup())
            shell.settle()
            return shell
        }

        private fun walk(view: View, visit: (View) -> Unit) {
            visit(view)
            if (view is ViewGroup) for (i in 0 until view.childCount) walk(view.getChildAt(i), visit)
        }
    }
}

/**
 * Runs [work] on the core thread against the profile the shell has open and returns its result:
 * what the core says a screen should show, to compare with what the shell drew.
 */
fun <T> Shell.ask(work: (org.waymark.core.Waymark) -> T): T {
    var result: Result<T>? = null
    Core.run(activity, work, { result = Result.success(it) }, { result = Result.failure(it) })
    settle()
    return checkNotNull(result) { "the core call did not finish" }.getOrThrow()
}

package org.waymark.android

import android.content.Context
import android.view.View
import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ShellTexts
import org.waymark.core.Waymark

/** What a screen may ask of the activity that shows it. */
interface Ui {
    /** The activity, for building views and starting intents. */
    val context: Context

    /** The shell's words in the person's language, loaded with the screen. */
    val texts: ShellTexts

    /** Shows [screen] on top of this one. */
    fun open(screen: Screen<*>)

    /** Shows [screen] in place of this one (after a save, say). */
    fun replace(screen: Screen<*>)

    /** Leaves this screen. */
    fun back()

    /** Does what the core's [action] says: open a screen or hand off to another app. */
    fun perform(action: Action)

    /**
     * Runs [work] on the core thread, then [done] on the UI thread; a core error is shown to
     * the person, [failed] runs and [done] is not called. After a call that may change the
     * check-ins ([replan], the default), the alerts are planned again.
     */
    fun <T> call(
        work: (Waymark) -> T,
        replan: Boolean = true,
        failed: () -> Unit = {},
        done: (T) -> Unit,
    )

    /**
     * The lock or the calculator let the person in: the app starts again from its home screen
     * (what the session now shows is the core's to decide).
     */
    fun opened()

    /**
     * Erases all of the person's Waymark data (after the one question): the core decides what
     * is removed; the app then shows the "erased" screen over its (empty) home screen.
     */
    fun erase()

    /** Loads and renders this screen again. */
    fun reload()

    /** A short message at the bottom of the screen. */
    fun toast(text: String)
}

/**
 * One screen: [load] asks the core for its view model (on the core thread), [render] turns it
 * into views (on the UI thread) and decides nothing the core has not decided.
 */
abstract class Screen<T> {
    /**
     * Whether the shell's bar (back, leave quickly) frames this screen. The calculator cover is
     * drawn alone: nothing on it may say Waymark.
     */
    open val framed: Boolean get() = true

    /**
     * Whether the screen loads again each time the app returns to the foreground (it shows
     * something that changes on its own, like the test alarm). Others reload only when the
     * language or the zone changed, so a half-typed form survives a trip to the dialer.
     */
    open val reloadOnResume: Boolean get() = false

    abstract fun load(core: Waymark, now: Instant): T

    abstract fun render(ui: Ui, model: T): View
}

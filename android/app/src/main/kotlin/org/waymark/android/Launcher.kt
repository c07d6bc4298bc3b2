package org.waymark.android

import android.app.Activity
import android.app.ActivityManager
import android.content.ComponentName
import android.content.Context
import android.content.pm.PackageManager
import android.os.Build
import org.waymark.core.DisguiseView

/**
 * The launcher entry: Waymark's own, or the calculator cover. Both are `activity-alias`es of
 * [MainActivity] in the manifest (Waymark's enabled there, the cover's disabled); exactly one is
 * enabled at a time, as the core's `disguiseStatus(ANDROID).on` says.
 */
object Launcher {
    /** The alias with Waymark's name and icon. */
    const val NORMAL = "org.waymark.android.WaymarkLauncher"

    /** The alias with the cover's neutral name and icon. */
    const val COVER = "org.waymark.android.CalculatorLauncher"

    /**
     * The share and text-selection target (no launcher entry). It carries the application's
     * name, so it follows Waymark's entry: disabled while the cover is on.
     */
    const val SHARE = "org.waymark.android.ShareTarget"

    /**
     * Makes the launcher show the cover when [disguise] is on, Waymark otherwise (only what
     * differs is changed), and names the app's card in the recent apps list the same way.
     */
    fun match(activity: Activity, disguise: DisguiseView) {
        show(activity, disguise.on)
        val label = if (disguise.on) disguise.coverName else null
        val description = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            ActivityManager.TaskDescription.Builder().setLabel(label).build()
        } else {
            @Suppress("DEPRECATION")
            ActivityManager.TaskDescription(label)
        }
        activity.setTaskDescription(description)
    }

    /**
     * Enables the cover's entry when [cover], else Waymark's; the other is disabled after. The
     * share target is enabled with Waymark's entry and disabled with it.
     */
    fun show(context: Context, cover: Boolean) {
        val wanted = if (cover) COVER else NORMAL
        val other = if (cover) NORMAL else COVER
        // The wanted entry first, so the launcher is never left with neither.
        set(context, wanted, true)
        set(context, other, false)
        set(context, SHARE, !cover)
    }

    /** Whether the entry [alias] is enabled now (the manifest's default included). */
    fun enabled(context: Context, alias: String): Boolean =
        when (context.packageManager.getComponentEnabledSetting(ComponentName(context, alias))) {
            PackageManager.COMPONENT_ENABLED_STATE_ENABLED -> true
            PackageManager.COMPONENT_ENABLED_STATE_DEFAULT -> alias == NORMAL || alias == SHARE
            else -> false
        }

    private fun set(context: Context, alias: String, on: Boolean) {
        if (enabled(context, alias) == on) return
        context.packageManager.setComponentEnabledSetting(
            ComponentName(context, alias),
            if (on) PackageManager.COMPONENT_ENABLED_STATE_ENABLED else PackageManager.COMPONENT_ENABLED_STATE_DISABLED,
            // The running app (this screen, its alarms) stays as it is.
            PackageManager.DONT_KILL_APP,
        )
    }
}

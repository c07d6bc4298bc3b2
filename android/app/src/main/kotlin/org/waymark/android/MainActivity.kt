package org.waymark.android

import android.app.Activity
import android.content.Context
import android.content.Intent
import android.os.Build
import android.os.Bundle
import android.view.View
import android.view.WindowManager
import android.widget.Button
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.Toast
import android.window.OnBackInvokedCallback
import android.window.OnBackInvokedDispatcher
import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ShellPlatform
import org.waymark.core.ShellTexts
import org.waymark.core.Waymark
import org.waymark.core.WaymarkException

/**
 * The one activity: a stack of screens drawn in code. Each screen loads its view model on the
 * core thread and renders it; this class only navigates, shows errors and hands actions off.
 */
class MainActivity : Activity(), Ui {
    private val stack = ArrayList<Screen<*>>()
    private var shown: ShellTexts? = null
    private val actions by lazy { Actions(this, this) }
    private var backCallback: Any? = null
    private var renderedFor: String? = null
    private var pendingTap: Action? = null

    /**
     * A text shared with Waymark or selected in another app, waiting for the lock or the cover
     * to open: held in memory only, and dropped once the core has checked it.
     */
    private var pendingShare: String? = null

    /** The app came to the foreground and the lock and the disguise have not been asked yet. */
    private var gateDue = true

    /** The lock and the disguise are being asked: nothing of the app may be drawn meanwhile. */
    private var gatePending = false

    /** The screen on show is the lock or the calculator cover. */
    private var gated = false

    /** What [frame] drew last, hidden while the app is in the background. */
    private var content: View? = null

    override val context: Context get() = this
    override val texts: ShellTexts
        get() = shown ?: error("texts are read only by a rendered screen")

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // No screenshot, no screen recording, a blank card in the recent-apps list: the phone
        // may be in the hands of the person the traveller fears.
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        handleTap(intent)
        // A recreated activity, or one started again from the recent apps list, gets the intent
        // that first started it: its text was checked then.
        if (savedInstanceState == null) handleShare(intent)
    }

    override fun onStart() {
        super.onStart()
        if (gateDue) {
            gateDue = false
            gate()
        }
    }

    /**
     * The app leaves the foreground: the core closes its lock (when the lock is on), and until
     * the app returns and asks again nothing of it stays drawn.
     */
    override fun onStop() {
        super.onStop()
        if (isChangingConfigurations) return
        gateDue = true
        content?.visibility = View.INVISIBLE
        Core.background(this, { it.lockNow() })
    }

    /**
     * At every start and return: the launcher shows what the core says of the disguise; the
     * cover's calculator comes first while the disguise is on, else the lock screen while the
     * core says the app is locked, else the app as it was left.
     */
    private fun gate() {
        gatePending = true
        Core.run(this, { core ->
            core.disguiseStatus(ShellPlatform.ANDROID) to core.lockStatus(AppClock.now())
        }, { (disguise, lock) ->
            gatePending = false
            Launcher.match(this, disguise)
            when {
                disguise.on -> showGate(CalculatorScreen())
                lock.locked -> showGate(LockScreen())
                stack.isEmpty() -> {
                    stack.add(HomeScreen())
                    show()
                }
                else -> {
                    content?.visibility = View.VISIBLE
                    if (renderedFor != surroundings() || stack.last().reloadOnResume) show() else performPending()
                }
            }
        }, { error ->
            gatePending = false
            // Nothing of the app can be shown (the profile did not open, e.g. its key is lost):
            // the core's words for why, alone on the screen.
            showError(error)
            stack.clear()
            val words = android.widget.TextView(this).apply {
                text = message(error)
                textSize = 18f
                setPadding(48, 48, 48, 48)
            }
            content = words
            setContentView(words.apply { fitsSystemWindows = true })
            // When that is because the key of an encrypted profile is lost, nothing in it can
            // be read any more: erasing it is offered, so the app can start again.
            Core.lostKeyTexts(this) { lost -> if (lost != null && content === words) offerErase(words.text, lost) }
        })
    }

    /**
     * The screen of a profile whose key is lost: the core's words for why it did not open, then
     * "Erase all Waymark data" with the core's explanation under it (in the phone's language,
     * from [texts]); one question, never a PIN.
     */
    private fun offerErase(why: CharSequence, texts: ShellTexts) {
        val screen = column(this) {
            text(why)
            button(texts.eraseTitle) { confirmErase(context, texts, ::eraseUnopenable) }
            note(texts.eraseAbout)
        }
        content = screen
        setContentView(ScrollView(this).apply {
            addView(screen)
            fitsSystemWindows = true
        })
    }

    /**
     * Erases the profile whose key is lost, and with it everything else as after a normal erase;
     * then, on the new profile, the erased screen over the home screen of a first run.
     */
    private fun eraseUnopenable() {
        Core.eraseUnopenable(this, { showErased() }, ::showError)
    }

    /** After an erase: the erased screen over the home screen of what the profile now is. */
    private fun showErased() {
        gated = false
        stack.clear()
        stack.add(HomeScreen())
        stack.add(ErasedScreen())
        show()
        Alerts.replan(this)
        // An erased profile has no disguise: the launcher shows what the core now says.
        Core.run(this, { it.disguiseStatus(ShellPlatform.ANDROID) }, { Launcher.match(this, it) }, ::showError)
    }

    /** Shows [screen] (the lock or the cover) alone: every screen the app had open is dropped. */
    private fun showGate(screen: Screen<*>) {
        gated = true
        stack.clear()
        stack.add(screen)
        show()
    }

    override fun opened() {
        gated = false
        stack.clear()
        stack.add(HomeScreen())
        show()
        Alerts.replan(this)
    }

    override fun erase() {
        // The same screens whatever the core decided: after the help PIN nothing was removed,
        // and nothing on screen may tell.
        Core.erase(this, { _ -> showErased() }, ::showError)
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        handleTap(intent)
        handleShare(intent)
    }

    override fun onResume() {
        super.onResume()
        // The language, zone or permissions may have changed while away. Coming back from the
        // dialer must not clear a half-typed form, so the screen reloads only when they did.
        Alerts.replan(this)
        if (!gatePending && !gateDue && stack.isNotEmpty() &&
            (renderedFor != surroundings() || stack.last().reloadOnResume)
        ) {
            show()
        }
    }

    /** What a rendered screen depends on besides the profile: the language and the zone. */
    private fun surroundings(): String =
        "${java.util.Locale.getDefault().toLanguageTag()} " +
            java.time.ZoneId.systemDefault().id

    /** A notification was tapped: plan again (its alert has fired) and open what it names. */
    private fun handleTap(intent: Intent?) {
        val action = intent?.let { ActionCodec.take(it) } ?: return
        Alerts.replan(this)
        // Some actions need the shell's words, which arrive with the first screen; none is
        // performed past the lock or the cover, nor before they were asked.
        if (shown == null || gated || gatePending || gateDue) pendingTap = action else perform(action)
    }

    /**
     * Text shared with Waymark (`ACTION_SEND`) or selected in another app (`ACTION_PROCESS_TEXT`,
     * used read-only: no result is returned): checked by the core once the lock or the cover has
     * let the person in, like a notification tap. The text is taken out of the intent, so a
     * recreated activity does not check it twice, and is never written anywhere.
     */
    private fun handleShare(intent: Intent?) {
        val extra = when (intent?.action) {
            Intent.ACTION_SEND -> Intent.EXTRA_TEXT
            Intent.ACTION_PROCESS_TEXT -> Intent.EXTRA_PROCESS_TEXT
            else -> return
        }
        if (intent.flags and Intent.FLAG_ACTIVITY_LAUNCHED_FROM_HISTORY != 0) return
        val text = intent.getCharSequenceExtra(extra)?.toString()
        intent.removeExtra(extra)
        if (text.isNullOrBlank()) return
        if (shown == null || gated || gatePending || gateDue) pendingShare = text else verifyShared(this, text)
    }

    /** Does what waited behind the gate: a notification tap, then a shared text. */
    private fun performPending() {
        pendingTap?.let {
            pendingTap = null
            perform(it)
        }
        pendingShare?.let {
            pendingShare = null
            verifyShared(this, it)
        }
    }

    override fun open(screen: Screen<*>) {
        stack.add(screen)
        show()
    }

    override fun replace(screen: Screen<*>) {
        if (stack.size > 1) stack.removeAt(stack.size - 1)
        open(screen)
    }

    override fun back() {
        if (stack.size > 1) {
            stack.removeAt(stack.size - 1)
            show()
        } else {
            finish()
        }
    }

    override fun perform(action: Action) = actions.perform(action)

    override fun reload() = show()

    override fun toast(text: String) = Toast.makeText(this, text, Toast.LENGTH_LONG).show()

    override fun <T> call(work: (Waymark) -> T, replan: Boolean, failed: () -> Unit, done: (T) -> Unit) {
        Core.run(this, work, { result ->
            if (replan) Alerts.replan(this)
            done(result)
        }, { error ->
            showError(error)
            failed()
        })
    }

    private fun show() {
        val screen = stack.last()
        updateBack()
        load(screen)
    }

    private fun <T> load(screen: Screen<T>) {
        Core.run(this, { core ->
            core.shellTexts() to screen.load(core, AppClock.now())
        }, { (texts, model) ->
            // A slow load for a screen already left must not cover the one now on top.
            if (stack.lastOrNull() !== screen) return@run
            shown = texts
            renderedFor = surroundings()
            val drawn = screen.render(this, model)
            val root = if (screen.framed) frame(drawn) else drawn.apply { fitsSystemWindows = true }
            content = root
            setContentView(root)
            if (gated) return@run
            performPending()
        }, { error ->
            showError(error)
            if (stack.size > 1 && stack.last() === screen) back()
        })
    }

    /** The bar every screen has: back, and leave quickly. */
    private fun frame(content: View): View {
        val root = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL }
        val bar = LinearLayout(this).apply { orientation = LinearLayout.HORIZONTAL }
        val words = texts
        if (stack.size > 1) {
            bar.addView(Button(this).apply {
                text = words.back
                isAllCaps = false
                setOnClickListener { back() }
            })
        }
        bar.addView(Button(this).apply {
            text = words.quickExit
            isAllCaps = false
            setOnClickListener { perform(Action.QuickExit) }
        })
        root.addView(bar)
        root.addView(
            ScrollView(this).apply { addView(content) },
            LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT, 0, 1f),
        )
        root.fitsSystemWindows = true
        return root
    }

    /**
     * The core's own words for what went wrong, shown as given: every error carries them in the
     * person's language (`shown`), with no personal data. The other fields (ids, English details)
     * are for bug reports, never for the screen.
     */
    private fun showError(error: Throwable) {
        toast(message(error))
    }

    private fun message(error: Throwable): String = when (error) {
        is WaymarkException -> shown(error)
        else -> error.javaClass.simpleName
    }

    /** Every variant's `shown`: the generated sealed class declares it per variant, not once. */
    private fun shown(error: WaymarkException): String = when (error) {
        is WaymarkException.InvalidInput -> error.shown
        is WaymarkException.NotFound -> error.shown
        is WaymarkException.ProfileUnreadable -> error.shown
        is WaymarkException.Storage -> error.shown
        is WaymarkException.ContentRejected -> error.shown
        is WaymarkException.Internal -> error.shown
    }

    override fun onRequestPermissionsResult(
        requestCode: Int,
        permissions: Array<out String>,
        grantResults: IntArray,
    ) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        Alerts.replan(this)
        show()
    }

    /** System back leaves the top screen; at the home screen it leaves the app as usual. */
    private fun updateBack() {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
        val dispatcher = onBackInvokedDispatcher
        val wanted = stack.size > 1
        val current = backCallback as OnBackInvokedCallback?
        if (wanted && current == null) {
            val callback = OnBackInvokedCallback { back() }
            dispatcher.registerOnBackInvokedCallback(OnBackInvokedDispatcher.PRIORITY_DEFAULT, callback)
            backCallback = callback
        } else if (!wanted && current != null) {
            dispatcher.unregisterOnBackInvokedCallback(current)
            backCallback = null
        }
    }

    @Deprecated("Android 12 and earlier; later versions use the OnBackInvokedCallback above")
    override fun onBackPressed() {
        if (stack.size > 1) back() else @Suppress("DEPRECATION") super.onBackPressed()
    }
}

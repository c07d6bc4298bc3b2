package org.waymark.android

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.ClipData
import android.content.ClipboardManager
import android.content.Intent
import android.net.Uri
import android.os.Build
import org.waymark.core.Action
import org.waymark.core.actionFromToken
import org.waymark.core.actionToken

/**
 * Performs the core's actions: a screen for the in-app ones, an intent for the rest. Dialling
 * and texting open the phone's own apps with the number filled in; the person presses call or
 * send. Nothing is sent from here.
 */
class Actions(private val activity: Activity, private val ui: Ui) {
    fun perform(action: Action) {
        when (action) {
            is Action.OpenGuide -> ui.open(GuideScreen())
            is Action.OpenArticle -> ui.open(ArticleScreen(action.id))
            is Action.OpenChecklist -> ui.open(ChecklistScreen())
            is Action.OpenChecklistItem -> ui.open(ChecklistScreen(scrollTo = action.id))
            is Action.OpenContact -> ui.open(ContactScreen(action.id))
            is Action.OpenCheckin -> ui.open(CheckinScreen())
            is Action.CheckIn -> ui.open(CheckinScreen())
            is Action.OpenFamily -> ui.open(FamilyScreen())
            is Action.OpenWatchedTraveller -> ui.open(TravellerScreen(action.id))
            is Action.OpenOfferCheck -> ui.open(OffersScreen())
            is Action.OpenSelfCheck -> ui.open(SelfCheckScreen())
            is Action.OpenQuiz -> ui.open(QuizScreen())
            is Action.OpenOwnContacts -> ui.open(OwnContactsScreen())
            is Action.OpenHelpNow -> ui.open(HelpNowScreen())
            is Action.OpenSearch -> ui.open(SearchScreen())
            is Action.EditTripPlan -> ui.open(TripPlanScreen())
            is Action.SetCheckinPins -> ui.open(PinsScreen())
            is Action.ShowQrCode -> ui.open(QrScreen(action.text))
            is Action.ShareText -> start(
                Intent.createChooser(
                    Intent(Intent.ACTION_SEND).setType("text/plain")
                        .putExtra(Intent.EXTRA_TEXT, action.text),
                    null,
                ),
            )
            is Action.Dial -> start(Intent(Intent.ACTION_DIAL, Uri.parse(action.uri)))
            is Action.ComposeSms -> start(Intent(Intent.ACTION_SENDTO, Uri.parse(action.uri)))
            is Action.CopyText -> {
                val clipboard = activity.getSystemService(ClipboardManager::class.java)
                clipboard.setPrimaryClip(ClipData.newPlainText(null, action.text))
                // Android 13 and later confirm a copy themselves.
                if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) ui.toast(ui.texts.copied)
            }
            is Action.QuickExit -> {
                Speech.stop()
                activity.startActivity(
                    Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME)
                        .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
                )
                activity.finishAndRemoveTask()
            }
        }
    }

    private fun start(intent: Intent) {
        try {
            activity.startActivity(intent)
        } catch (e: ActivityNotFoundException) {
            ui.toast(ui.texts.noApp)
        }
    }
}

/**
 * Carries an action through a notification's PendingIntent as the core's token for it (the
 * core's Action is not Parcelable, and the core decides how actions are written).
 */
object ActionCodec {
    private const val TOKEN = "org.waymark.action.token"

    /** Stores [action] in [intent]'s extras. */
    fun put(intent: Intent, action: Action): Intent = intent.putExtra(TOKEN, actionToken(action))

    /** The action [put] stored in [intent], or null when it holds none; removes it, so a
     * recreated activity does not perform it twice. */
    fun take(intent: Intent): Action? {
        val token = intent.getStringExtra(TOKEN) ?: return null
        intent.removeExtra(TOKEN)
        return actionFromToken(token)
    }
}

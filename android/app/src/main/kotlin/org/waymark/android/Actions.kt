package org.waymark.android

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.ClipData
import android.content.ClipboardManager
import android.content.Intent
import android.net.Uri
import android.os.Build
import org.waymark.core.Action

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
            is Action.ComposeSms -> {
                val uri = Uri.parse(action.uri)
                val intent = Intent(Intent.ACTION_SENDTO, uri)
                // Messaging apps read the text from this extra more reliably than from the URI.
                runCatching { uri.getQueryParameter("body") }.getOrNull()
                    ?.let { intent.putExtra("sms_body", it) }
                start(intent)
            }
            is Action.CopyText -> {
                val clipboard = activity.getSystemService(ClipboardManager::class.java)
                clipboard.setPrimaryClip(ClipData.newPlainText(null, action.text))
                // Android 13 and later confirm a copy themselves.
                if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) ui.toast(ui.texts.copied)
            }
            is Action.QuickExit -> {
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
 * Carries an action through a notification's PendingIntent as two strings, since the core's
 * Action is not Parcelable.
 */
object ActionCodec {
    private const val KIND = "org.waymark.action.kind"
    private const val VALUE = "org.waymark.action.value"

    /** Stores [action] in [intent]'s extras. */
    fun put(intent: Intent, action: Action): Intent {
        val (kind, value) = encode(action)
        return intent.putExtra(KIND, kind).putExtra(VALUE, value)
    }

    /** The action [put] stored in [intent], or null when it holds none; removes it, so a
     * recreated activity does not perform it twice. */
    fun take(intent: Intent): Action? {
        val action = decode(intent.getStringExtra(KIND), intent.getStringExtra(VALUE))
        intent.removeExtra(KIND)
        return action
    }

    /** The action as a kind and its one argument, if it has one. */
    fun encode(action: Action): Pair<String, String?> = when (action) {
        is Action.OpenGuide -> "open_guide" to null
        is Action.OpenArticle -> "open_article" to action.id
        is Action.OpenChecklist -> "open_checklist" to null
        is Action.OpenChecklistItem -> "open_checklist_item" to action.id
        is Action.OpenContact -> "open_contact" to action.id
        is Action.OpenCheckin -> "open_checkin" to null
        is Action.OpenFamily -> "open_family" to null
        is Action.OpenOfferCheck -> "open_offer_check" to null
        is Action.OpenSelfCheck -> "open_self_check" to null
        is Action.OpenQuiz -> "open_quiz" to null
        is Action.OpenOwnContacts -> "open_own_contacts" to null
        is Action.CheckIn -> "check_in" to null
        is Action.EditTripPlan -> "edit_trip_plan" to null
        is Action.SetCheckinPins -> "set_checkin_pins" to null
        is Action.OpenWatchedTraveller -> "open_watched_traveller" to action.id
        is Action.ShowQrCode -> "show_qr_code" to action.text
        is Action.ShareText -> "share_text" to action.text
        is Action.Dial -> "dial" to action.uri
        is Action.ComposeSms -> "compose_sms" to action.uri
        is Action.CopyText -> "copy_text" to action.text
        is Action.OpenHelpNow -> "open_help_now" to null
        is Action.QuickExit -> "quick_exit" to null
        is Action.OpenSearch -> "open_search" to null
    }

    /** The inverse of [encode]; null for an unknown kind or a missing argument. */
    fun decode(kind: String?, value: String?): Action? {
        val simple = when (kind) {
            "open_guide" -> Action.OpenGuide
            "open_checklist" -> Action.OpenChecklist
            "open_checkin" -> Action.OpenCheckin
            "open_family" -> Action.OpenFamily
            "open_offer_check" -> Action.OpenOfferCheck
            "open_self_check" -> Action.OpenSelfCheck
            "open_quiz" -> Action.OpenQuiz
            "open_own_contacts" -> Action.OpenOwnContacts
            "check_in" -> Action.CheckIn
            "edit_trip_plan" -> Action.EditTripPlan
            "set_checkin_pins" -> Action.SetCheckinPins
            "open_help_now" -> Action.OpenHelpNow
            "quick_exit" -> Action.QuickExit
            "open_search" -> Action.OpenSearch
            else -> null
        }
        if (simple != null) return simple
        val argument = value ?: return null
        return when (kind) {
            "open_article" -> Action.OpenArticle(argument)
            "open_checklist_item" -> Action.OpenChecklistItem(argument)
            "open_contact" -> Action.OpenContact(argument)
            "open_watched_traveller" -> Action.OpenWatchedTraveller(argument)
            "show_qr_code" -> Action.ShowQrCode(argument)
            "share_text" -> Action.ShareText(argument)
            "dial" -> Action.Dial(argument)
            "compose_sms" -> Action.ComposeSms(argument)
            "copy_text" -> Action.CopyText(argument)
            else -> null
        }
    }
}

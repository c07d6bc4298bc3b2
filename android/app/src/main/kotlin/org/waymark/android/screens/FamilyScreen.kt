package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.FamilyHistoryView
import org.waymark.core.FamilyListView
import org.waymark.core.FamilyTravellerView
import org.waymark.core.SharedTextView
import org.waymark.core.VerificationView
import org.waymark.core.Waymark

/**
 * The travellers this phone watches over, checking a pasted text (one message or several, from
 * any of them), and adding one from their plan.
 */
class FamilyScreen : Screen<FamilyListView>() {
    override fun load(core: Waymark, now: Instant): FamilyListView = core.familyList(now)

    override fun render(ui: Ui, model: FamilyListView) = column(ui.context) {
        alertPermissions(ui)
        title(model.title)
        text(model.emptyHint)
        for (traveller in model.travellers) {
            group {
                if (traveller.needsAttention) heading(traveller.headline) else text(traveller.headline)
                button("${traveller.name} · ${traveller.destination}") {
                    ui.perform(Action.OpenWatchedTraveller(traveller.id))
                }
            }
        }
        if (model.travellers.isNotEmpty()) {
            val texts = ui.texts
            heading(texts.verifyTitle)
            val pasted = field(texts.verifyTitle, hint = texts.verifyHint)
            button(texts.verifyButton) { verifyShared(ui, pasted.text.toString()) }
        }
        button(ui.texts.importTitle) { ui.open(ImportScreen()) }
    }
}

/**
 * Checks [text] (shared with Waymark, selected in another app, or pasted on the family screen)
 * with the core, which records each check, and shows what it found. The text itself is kept
 * nowhere: only the core's result goes to the screen.
 */
fun verifyShared(ui: Ui, text: String) {
    ui.call({ it.verifySharedText(text, AppClock.now()) }) { result ->
        ui.open(SharedTextScreen(result))
    }
}

/** One watched traveller: status, checking their message, the steps to take, and history. */
class TravellerScreen(private val id: String) :
    Screen<Pair<FamilyTravellerView, FamilyHistoryView>>() {
    override fun load(core: Waymark, now: Instant) =
        core.familyTraveller(id, now) to core.familyHistory(id)

    override fun render(ui: Ui, model: Pair<FamilyTravellerView, FamilyHistoryView>) =
        column(ui.context) {
            val (traveller, history) = model
            val texts = ui.texts
            alertPermissions(ui)
            title(traveller.name)
            note(traveller.destination)
            heading(traveller.headline)
            pendingChange(ui, traveller)
            traveller.current?.let { slot(it) }
            traveller.next?.let { slot(it) }
            note(traveller.lastCheckin)
            if (traveller.helpSignalled) {
                button(texts.markHandled) {
                    ui.call({ it.familyMarkHandled(id, AppClock.now()) }) { ui.reload() }
                }
            }
            heading(texts.verifyTitle)
            note(traveller.signalPhraseReminder)
            val message = field(texts.verifyTitle, hint = texts.verifyHint)
            button(texts.verifyButton) {
                val typed = message.text.toString()
                ui.call({ it.verifyCheckin(id, typed, AppClock.now()) }) { result ->
                    ui.open(VerificationScreen(result))
                }
            }
            steps(ui, traveller)
            for (fact in traveller.facts) text("${fact.label}: ${fact.value}")
            heading(history.title)
            for (entry in history.entries) {
                text("${entry.atLabel} · ${entry.slotLabel} · ${entry.outcomeLabel}")
            }
        }
}

/**
 * A re-imported plan that weakens the routine: what changed, the core's ask (call first), and
 * the two answers. Until one is given the old plan stays in force.
 */
fun Column.pendingChange(ui: Ui, traveller: FamilyTravellerView) {
    val change = traveller.pendingChange ?: return
    group {
        heading(change.title)
        for (difference in change.differences) text(difference)
        text(change.ask)
        button(change.acceptLabel) {
            ui.call({ it.familyAcceptPlanChange(traveller.id, AppClock.now()) }) { ui.reload() }
        }
        button(change.keepLabel) {
            ui.call({ it.familyKeepPlan(traveller.id, AppClock.now()) }) { ui.reload() }
        }
    }
}

/** What to do when the traveller is silent, step by step, each with its call or text. */
fun Column.steps(ui: Ui, traveller: FamilyTravellerView) {
    for (step in traveller.steps) {
        group {
            heading("${step.number}. ${step.title}")
            text(step.detail)
            step.action?.let { action -> button(step.title) { ui.perform(action) } }
        }
    }
}

/**
 * What checking a shared or pasted text found: the core's summary, one block per check (calls for
 * help first, styled as on the verification screen: the headline as a heading, then the steps),
 * the codes that belong to no one, and the screen of the traveller the text most likely comes
 * from. The checks were recorded when the text was checked; this screen only shows them.
 */
class SharedTextScreen(private val result: SharedTextView) :
    Screen<Pair<SharedTextView, FamilyTravellerView?>>() {
    override fun load(core: Waymark, now: Instant) =
        result to result.travellerId?.let { core.familyTraveller(it, now) }

    override fun render(ui: Ui, model: Pair<SharedTextView, FamilyTravellerView?>) =
        column(ui.context) {
            val (shared, guessed) = model
            title(ui.texts.verifyTitle)
            text(shared.summary)
            val stepsShown = HashSet<String>()
            for (check in shared.checks.sortedByDescending { it.needsHelp }) {
                group {
                    styled14(check.traveller.name)
                    if (check.needsHelp) heading(check.headline) else text(check.headline)
                    text(check.detail)
                    if (check.needsHelp && stepsShown.add(check.traveller.id)) steps(ui, check.traveller)
                }
            }
            for (code in shared.unknownCodes) note(code)
            guessed?.let { traveller ->
                button(traveller.name) { ui.replace(TravellerScreen(traveller.id)) }
            }
        }
}

/** What checking the traveller's message found, and what to do now. */
class VerificationScreen(private val result: VerificationView) : Screen<VerificationView>() {
    override fun load(core: Waymark, now: Instant) = result

    override fun render(ui: Ui, model: VerificationView) = column(ui.context) {
        title(model.headline)
        text(model.detail)
        if (model.needsHelp) steps(ui, model.traveller)
        button(model.traveller.name) { ui.replace(TravellerScreen(model.traveller.id)) }
    }
}

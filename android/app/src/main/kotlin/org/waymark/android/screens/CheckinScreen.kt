package org.waymark.android

import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.ChangePinsField
import org.waymark.core.ChangePinsInput
import org.waymark.core.ChangePinsSaved
import org.waymark.core.CheckinHistoryView
import org.waymark.core.CheckinPinsField
import org.waymark.core.CheckinPinsInput
import org.waymark.core.CheckinPinsSaved
import org.waymark.core.CheckinReceipt
import org.waymark.core.CheckinView
import org.waymark.core.SlotView
import org.waymark.core.TripChange
import org.waymark.core.TripChangeOption
import org.waymark.core.Waymark

/** The traveller's check-in: status, the PIN field, the plan and PIN settings, and history. */
class CheckinScreen : Screen<Pair<CheckinView, CheckinHistoryView>>() {
    override fun load(core: Waymark, now: Instant) = core.checkinStatus(now) to core.checkinHistory()

    override fun render(ui: Ui, model: Pair<CheckinView, CheckinHistoryView>) = column(ui.context) {
        val (status, history) = model
        val texts = ui.texts
        alertPermissions(ui)
        title(status.title)
        note(status.travellerName)
        heading(status.headline)
        status.current?.let { slot(it) }
        status.next?.let { slot(it) }
        note(status.lastCheckin)
        note(status.streakLabel)
        if (status.action is Action.CheckIn) {
            val pin = field(texts.pinLabel, hint = texts.pinHint, type = PIN_INPUT)
            button(texts.checkInButton) {
                val typed = pin.text.toString()
                pin.setText("")
                ui.call({ it.checkIn(typed, AppClock.now()) }) { receipt ->
                    ui.open(ReceiptScreen(receipt))
                }
            }
        }
        // Pause, extend, end: offered by the core while the trip goes on.
        for (change in status.tripChanges) button(change.label) { ui.open(TripChangeScreen(change)) }
        button(texts.planTitle) { ui.perform(Action.EditTripPlan) }
        button(texts.pinsTitle) { ui.perform(Action.SetCheckinPins) }
        button(texts.changePinsTitle) { ui.open(ChangePinsScreen()) }
        button(texts.exportTitle) { ui.open(ExportScreen()) }
        heading(history.title)
        for (entry in history.entries) text("${entry.atLabel} · ${entry.slotLabel}")
    }
}

/** One check-in slot: when it is due, here and at the other side, and its state. */
fun Column.slot(slot: SlotView) = group {
    text(slot.label)
    note(slot.otherSide)
    text(slot.statusLabel)
}

/** After a check-in: what happened, and the message to send the family (the person sends it). */
class ReceiptScreen(private val receipt: CheckinReceipt) : Screen<CheckinReceipt>() {
    override fun load(core: Waymark, now: Instant) = receipt

    override fun render(ui: Ui, model: CheckinReceipt) = column(ui.context) {
        title(model.headline)
        text(model.message)
        button(ui.texts.share) { ui.perform(model.share) }
        heading(model.status.headline)
        model.status.next?.let { slot(it) }
    }
}

/**
 * Pausing the check-ins, extending the trip or ending it: the core's words, the form's one field
 * (a time on this phone's clock, or a day from the date picker; the first value is the core's)
 * and the PIN. The receipt looks the same whichever PIN was typed; the core decides the rest.
 */
class TripChangeScreen(private val option: TripChangeOption) : Screen<TripChangeOption>() {
    override fun load(core: Waymark, now: Instant) = option

    override fun render(ui: Ui, model: TripChangeOption) = column(ui.context) {
        val texts = ui.texts
        title(model.label)
        note(model.hint)
        val value = model.fieldLabel?.let { label ->
            val first = model.fieldValue.orEmpty()
            if (model.change == TripChange.EXTEND) dateField(label, first) else field(label, first)
        }
        val pin = field(texts.pinLabel, hint = texts.pinHint, type = PIN_INPUT)
        button(model.label) {
            val typed = pin.text.toString()
            val entered = value?.text?.toString().orEmpty()
            pin.setText("")
            ui.call({ core ->
                val now = AppClock.now()
                when (model.change) {
                    TripChange.PAUSE -> core.pauseCheckIns(typed, core.localTimeInstant(entered), now)
                    TripChange.EXTEND -> core.extendTrip(typed, entered, now)
                    TripChange.END -> core.endTrip(typed, now)
                }
            }) { receipt -> ui.replace(ReceiptScreen(receipt)) }
        }
    }
}

/**
 * Sets the normal PIN, the help PIN and the signal phrase through the core's form: each field's
 * problem is shown on it, and nothing is stored until all are right.
 */
class PinsScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(texts.pinsTitle)
        val normal = field(texts.normalPinLabel, hint = texts.normalPinHint, type = PIN_INPUT)
        val help = field(texts.duressPinLabel, hint = texts.duressPinHint, type = PIN_INPUT)
        val phrase = field(texts.signalPhraseLabel, hint = texts.signalPhraseHint)
        button(texts.save) {
            val input = CheckinPinsInput(normal.text.toString(), help.text.toString(), phrase.text.toString())
            ui.call({ it.saveCheckinPins(input) }) { outcome ->
                when (outcome) {
                    is CheckinPinsSaved.Saved -> {
                        ui.toast(texts.pinsSaved)
                        ui.back()
                    }
                    is CheckinPinsSaved.Refused -> {
                        for (f in listOf(normal, help, phrase)) f.error = null
                        for (error in outcome.errors) {
                            when (error.field) {
                                CheckinPinsField.NORMAL_PIN -> normal.error = error.message
                                CheckinPinsField.HELP_PIN -> help.error = error.message
                                CheckinPinsField.SIGNAL_PHRASE -> phrase.error = error.message
                            }
                        }
                    }
                }
            }
        }
    }
}

/**
 * Changes both PINs; either PIN works as the current one. The screen is the same whichever was
 * typed: the core decides what the change means.
 */
class ChangePinsScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(texts.changePinsTitle)
        note(texts.changePinsHint)
        val current = field(texts.currentPinLabel, hint = texts.pinHint, type = PIN_INPUT)
        val normal = field(texts.newNormalPinLabel, hint = texts.normalPinHint, type = PIN_INPUT)
        val duress = field(texts.newDuressPinLabel, hint = texts.duressPinHint, type = PIN_INPUT)
        button(texts.save) {
            val input = ChangePinsInput(current.text.toString(), normal.text.toString(), duress.text.toString())
            ui.call({ it.saveChangedCheckinPins(input) }) { outcome ->
                for (f in listOf(current, normal, duress)) f.error = null
                when (outcome) {
                    is ChangePinsSaved.Changed -> {
                        for (f in listOf(current, normal, duress)) f.setText("")
                        ui.toast(texts.pinsChanged)
                        ui.back()
                    }
                    is ChangePinsSaved.Refused -> for (error in outcome.errors) {
                        when (error.field) {
                            ChangePinsField.CURRENT_PIN -> current.error = error.message
                            ChangePinsField.NEW_NORMAL_PIN -> normal.error = error.message
                            ChangePinsField.NEW_HELP_PIN -> duress.error = error.message
                        }
                    }
                }
            }
        }
    }
}

package org.waymark.android

import android.text.InputType
import java.time.Instant
import org.waymark.core.Action
import org.waymark.core.PlanExport
import org.waymark.core.QrCode
import org.waymark.core.Waymark
import org.waymark.core.qrCode

/** Any text the core asks to show as a QR code, for another phone to scan. */
class QrScreen(private val text: String) : Screen<QrCode>() {
    override fun load(core: Waymark, now: Instant): QrCode = qrCode(text)

    override fun render(ui: Ui, model: QrCode) = column(ui.context) {
        add(QrView(context, model).apply { contentDescription = ui.texts.showQr })
    }
}

/**
 * The traveller hands the plan to the family: as a QR code on screen, or as text they share.
 * The plan is always sealed; the core makes up the passphrase, which the next screen shows.
 */
class ExportScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(texts.exportTitle)
        text(texts.exportHint)
        val pin = field(texts.pinLabel, hint = texts.pinHint, type = PIN_INPUT)
        button(texts.exportTitle) {
            val typedPin = pin.text.toString()
            pin.setText("")
            ui.call({ core ->
                val export = core.exportPlan(typedPin, null)
                export to if (export.fitsQrCode) qrCode(export.payload) else null
            }) { (export, code) -> ui.open(ExportedScreen(export, code)) }
        }
    }
}

/**
 * The exported plan: its QR code when it fits one, the share and copy buttons, and the
 * passphrase it is sealed with, big, with the core's words on how to pass it on (by voice,
 * never in the same message).
 */
class ExportedScreen(private val export: PlanExport, private val code: QrCode?) :
    Screen<PlanExport>() {
    override fun load(core: Waymark, now: Instant) = export

    override fun render(ui: Ui, model: PlanExport) = column(ui.context) {
        title(ui.texts.exportTitle)
        code?.let { add(QrView(context, it).apply { contentDescription = ui.texts.showQr }) }
        heading(ui.texts.passphraseLabel)
        title(model.passphrase)
        text(model.passphraseHint)
        button(ui.texts.share) { ui.perform(model.share) }
        button(ui.texts.copy) { ui.perform(Action.CopyText(model.payload)) }
    }
}

/** The family adds a traveller's plan: scanned from the traveller's screen, or pasted. */
class ImportScreen(private val scanned: String = "") : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(texts.importTitle)
        button(texts.scanButton) { ui.replace(ScanScreen()) }
        val payload = field(
            texts.importTitle,
            value = scanned,
            hint = texts.importPasteHint,
            type = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_MULTI_LINE,
        )
        // The words the traveller said on the phone (an old unsealed plan needs none).
        val passphrase = field(
            texts.passphraseLabel,
            type = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_NO_SUGGESTIONS,
        )
        button(texts.importButton) {
            val typed = payload.text.toString().trim()
            val secret = passphrase.text.toString().takeIf { it.isNotEmpty() }
            ui.call({ it.importPlan(typed, secret, AppClock.now()) }) { traveller ->
                ui.replace(TravellerScreen(traveller.id))
            }
        }
    }
}

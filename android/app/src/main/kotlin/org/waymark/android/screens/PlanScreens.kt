package org.waymark.android

import android.text.InputType
import android.widget.CheckBox
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

/** The traveller hands the plan to the family: as a QR code on screen, or as text they share. */
class ExportScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        title(texts.exportTitle)
        text(texts.exportHint)
        val pin = field(texts.pinLabel, hint = texts.pinHint, type = PIN_INPUT)
        val sealed = add(CheckBox(context).apply { text = texts.exportSealed })
        val passphrase = field(
            texts.passphraseLabel,
            hint = texts.passphraseHint,
            type = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_PASSWORD,
        )
        button(texts.exportTitle) {
            val typedPin = pin.text.toString()
            val typedPassphrase = passphrase.text.toString().takeIf { sealed.isChecked }
            ui.call({ core ->
                val export = core.exportPlan(typedPin, typedPassphrase)
                export to if (export.fitsQrCode) qrCode(export.payload) else null
            }) { (export, code) -> ui.open(ExportedScreen(export, code)) }
        }
    }
}

/** The exported plan: its QR code when it fits one, and the share and copy buttons. */
class ExportedScreen(private val export: PlanExport, private val code: QrCode?) :
    Screen<PlanExport>() {
    override fun load(core: Waymark, now: Instant) = export

    override fun render(ui: Ui, model: PlanExport) = column(ui.context) {
        title(ui.texts.exportTitle)
        code?.let { add(QrView(context, it).apply { contentDescription = ui.texts.showQr }) }
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
        val passphrase = field(
            texts.passphraseLabel,
            hint = texts.passphraseHint,
            type = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_PASSWORD,
        )
        button(texts.importButton) {
            val typed = payload.text.toString().trim()
            val secret = passphrase.text.toString().takeIf { it.isNotEmpty() }
            ui.call({ it.importPlan(typed, secret, Instant.now()) }) { traveller ->
                ui.replace(TravellerScreen(traveller.id))
            }
        }
    }
}

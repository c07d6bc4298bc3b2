package org.waymark.android

import android.Manifest
import android.app.Activity
import android.content.pm.PackageManager
import java.time.Instant
import org.waymark.core.Waymark

/** Scans the plan's QR code from the traveller's screen, then fills the import form with it. */
class ScanScreen : Screen<Unit>() {
    override fun load(core: Waymark, now: Instant) = Unit

    override fun render(ui: Ui, model: Unit) = column(ui.context) {
        val texts = ui.texts
        val activity = ui.context as Activity
        title(texts.scanButton)
        if (activity.checkSelfPermission(Manifest.permission.CAMERA) != PackageManager.PERMISSION_GRANTED) {
            text(texts.cameraReason)
            button(texts.scanButton) {
                activity.requestPermissions(arrayOf(Manifest.permission.CAMERA), 2)
            }
        } else {
            text(texts.scanHint)
            add(QrScanner(context) { text -> ui.replace(ImportScreen(scanned = text)) })
        }
    }
}

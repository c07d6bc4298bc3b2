package org.waymark.android

import android.content.Context
import android.graphics.Canvas
import android.graphics.Color
import android.graphics.Paint
import android.view.View
import org.waymark.core.QrCode

/** Draws a QR code the core made: dark modules on white, with its quiet zone, as a square. */
class QrView(context: Context, private val code: QrCode) : View(context) {
    private val dark = Paint().apply { color = Color.BLACK }

    override fun onMeasure(widthMeasureSpec: Int, heightMeasureSpec: Int) {
        val width = MeasureSpec.getSize(widthMeasureSpec)
        setMeasuredDimension(width, width)
    }

    override fun onDraw(canvas: Canvas) {
        // White behind the whole code, quiet zone included, even in a dark theme: readers need it.
        canvas.drawColor(Color.WHITE)
        val size = code.size.toInt()
        val quiet = code.quietZone.toInt()
        val module = minOf(width, height).toFloat() / (size + 2 * quiet)
        for (y in 0 until size) {
            for (x in 0 until size) {
                if (code.modules[y * size + x].toInt() == 1) {
                    val left = (x + quiet) * module
                    val top = (y + quiet) * module
                    canvas.drawRect(left, top, left + module, top + module, dark)
                }
            }
        }
    }
}

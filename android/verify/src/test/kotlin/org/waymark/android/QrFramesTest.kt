package org.waymark.android

import java.nio.ByteBuffer
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.waymark.core.QrCode
import org.waymark.core.qrCode
import org.waymark.core.readQrCode

/**
 * The scanner's frame path: a camera's Y plane with padded rows, stripped as the scanner does,
 * must read back through the core as the text the traveller's phone drew.
 */
class QrFramesTest {
    private val payload = "WAYMARK1:plan:Ivanova:Dubai:2026-12-01:09:00,21:00"

    /** The code drawn [scale] pixels per module, black on white, in rows of [stride] bytes
     * whose [padding] holds noise, as some camera drivers leave it. */
    private fun frame(code: QrCode, scale: Int, padding: Int): Triple<ByteBuffer, Int, ByteArray> {
        val side = (code.size.toInt() + 2 * code.quietZone.toInt()) * scale
        val stride = side + padding
        val image = ByteArray(side * side) { 255.toByte() }
        val quiet = code.quietZone.toInt()
        val size = code.size.toInt()
        for (y in 0 until side) {
            for (x in 0 until side) {
                val mx = x / scale - quiet
                val my = y / scale - quiet
                if (mx in 0 until size && my in 0 until size && code.modules[my * size + mx].toInt() == 1) {
                    image[y * side + x] = 0
                }
            }
        }
        // The last row ends at the image's width, as Android's Y planes do.
        val buffer = ByteArray(stride * (side - 1) + side) { (it * 31 % 256).toByte() }
        for (y in 0 until side) System.arraycopy(image, y * side, buffer, y * stride, side)
        return Triple(ByteBuffer.wrap(buffer), side, image)
    }

    @Test
    fun `a padded camera frame reads back as the drawn text`() {
        val code = qrCode(payload)
        val (plane, side, image) = frame(code, scale = 4, padding = 24)
        val luma = lumaWithoutPadding(plane, side + 24, side, side)
        assertContentEquals(image, luma)
        assertEquals(payload, readQrCode(side.toUInt(), side.toUInt(), luma))
    }

    @Test
    fun `an unpadded frame is copied as it is`() {
        val code = qrCode(payload)
        val (plane, side, image) = frame(code, scale = 3, padding = 0)
        assertContentEquals(image, lumaWithoutPadding(plane, side, side, side))
    }

    @Test
    fun `a stride narrower than the width is refused`() {
        assertFailsWith<IllegalArgumentException> {
            lumaWithoutPadding(ByteBuffer.allocate(100), 9, 10, 10)
        }
    }
}

package org.waymark.android

import java.nio.Buffer
import java.nio.ByteBuffer

/**
 * The luma of a camera frame as the core's QR reader takes it: `width` × `height` bytes, row by
 * row. A YUV_420_888 Y plane may pad each row to `rowStride` bytes, and its last row may stop at
 * `width`; both are handled here.
 */
fun lumaWithoutPadding(plane: ByteBuffer, rowStride: Int, width: Int, height: Int): ByteArray {
    require(rowStride >= width) { "rowStride $rowStride is narrower than the width $width" }
    val luma = ByteArray(width * height)
    val source = plane.duplicate()
    // Positioned through Buffer: ByteBuffer.position(int) returning ByteBuffer is Java 9's
    // covariant override, which older Android versions lack (NoSuchMethodError at run time).
    val cursor: Buffer = source
    for (row in 0 until height) {
        cursor.position(row * rowStride)
        source.get(luma, row * width, width)
    }
    return luma
}

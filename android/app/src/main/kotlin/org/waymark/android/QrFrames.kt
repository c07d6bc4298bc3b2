package org.waymark.android

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
    for (row in 0 until height) {
        source.position(row * rowStride)
        source.get(luma, row * width, width)
    }
    return luma
}

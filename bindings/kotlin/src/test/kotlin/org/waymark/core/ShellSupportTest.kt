package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/**
 * What the mobile shells take from the core besides view models and texts: `qrCode` / `readQrCode`
 * (the plan handed over as a QR code), `tripDayStart` / `tripDayOf` (date pickers) and
 * `tripPlanForm` (the plan form's starting point).
 */
class ShellSupportTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun aPlanDrawnAsAQrCodeReadsBackFromACameraFrame() {
        val payload = "WAYMARK1P.c29tZSBwbGFu"
        val code = qrCode(payload)
        val (size, quiet) = code.size.toInt() to code.quietZone.toInt()
        assertEquals(size * size, code.modules.size)
        // A camera frame: 3 pixels per module, the quiet zone light, dark modules dark grey.
        val scale = 3
        val side = (size + 2 * quiet) * scale
        val luma = ByteArray(side * side) { i ->
            val (x, y) = (i % side) / scale - quiet to (i / side) / scale - quiet
            val dark = x in 0 until size && y in 0 until size && code.modules[y * size + x] == 1.toByte()
            (if (dark) 30 else 220).toByte()
        }
        assertEquals(payload, readQrCode(side.toUInt(), side.toUInt(), luma))
    }

    @Test
    fun aFrameWithoutACodeIsNotFoundAndAWrongSizeIsRefused() {
        assertFailsWith<WaymarkException.NotFound> {
            readQrCode(40u, 30u, ByteArray(40 * 30) { 100 })
        }
        val wrong = assertFailsWith<WaymarkException.InvalidInput> {
            readQrCode(40u, 31u, ByteArray(40 * 30))
        }
        assertEquals("luma", wrong.field)
        assertFailsWith<WaymarkException.InvalidInput> { qrCode("") }
    }

    @Test
    fun aTripDayStartsAtMidnightInTheZoneEvenAcrossAClockChange() {
        assertEquals(at("2026-03-01T21:00:00Z"), tripDayStart("2026-03-02", "Europe/Moscow"))
        // Santiago skips 00:00-01:00 on 6 September 2026: the day starts at 01:00 (UTC-3).
        val santiago = tripDayStart("2026-09-06", "America/Santiago")
        assertEquals(at("2026-09-06T04:00:00Z"), santiago)
        assertEquals("2026-09-06", tripDayOf(santiago, "America/Santiago"))
        val bad = assertFailsWith<WaymarkException.InvalidInput> { tripDayStart("2026-02-30", "Europe/Moscow") }
        assertEquals("date", bad.field)
        assertTrue(bad.reason.isNotEmpty())
    }

    @Test
    fun theTripPlanFormStartsFromADraftThatSavesOnceCompleted() {
        openProfile(dir, timeZone = "Europe/Moscow").use { waymark ->
            val now = at("2026-03-01T22:30:00Z")
            val form = waymark.tripPlanForm(now)
            assertTrue(form.isDraft)
            assertEquals("2026-03-02" to "Europe/Moscow", form.startsDay to form.datesZone)
            assertEquals(DayOfWeek.MONDAY, form.days.first().day)
            val plan = form.plan.copy(
                travellerName = "Anna",
                destinationCountry = "TR",
                destinationCity = "Istanbul",
                destinationTimeZone = "Europe/Istanbul",
            )
            waymark.setTripPlan(plan, now)
            val saved = waymark.tripPlanForm(now)
            assertEquals(false, saved.isDraft)
            assertEquals("Europe/Istanbul", saved.plan.schedule.timeZone)
        }
    }
}

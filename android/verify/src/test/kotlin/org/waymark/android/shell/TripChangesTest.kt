package org.waymark.android.shell

import java.time.Instant
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.waymark.core.Action
import org.waymark.core.TripChange
import org.waymark.core.VerificationOutcome
import org.waymark.core.Waymark

/**
 * Pausing the check-ins, extending the trip and ending it from the traveller's check-in screen,
 * through the forms the core describes; and the family's screen once a pause was verified.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class TripChangesTest {
    private fun Shell.openCheckin() {
        val home = ask { it.home(Instant.now()) }
        tap(home.menu.first { it.action is Action.OpenCheckin }.title)
    }

    private fun Shell.option(change: TripChange) =
        ask { it.checkinStatus(Instant.now()) }.tripChanges.first { it.change == change }

    /** Opens [change]'s form from the check-in screen, types [pin] and confirms; the receipt's texts. */
    private fun Shell.make(change: TripChange, pin: String, value: String? = null): List<String> {
        openCheckin()
        val option = option(change)
        tap(option.label)
        assertTrue("the form shows the core's hint: ${texts()}", shows(option.hint))
        option.fieldLabel?.let { label ->
            assertEquals("the core's first value", option.fieldValue, field(label).text.toString())
            value?.let { type(label, it) }
        }
        type(activity.texts.pinLabel, pin)
        tap(option.label)
        return texts()
    }

    private fun List<String>.withoutDigits() = map { line -> line.filterNot { it.isDigit() } }

    @Test
    fun a_pause_from_the_check_in_screen_looks_the_same_with_either_pin() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        val normal = shell.make(TripChange.PAUSE, NORMAL_PIN)
        val status = shell.ask { it.checkinStatus(Instant.now()) }
        assertNotNull("paused: ${status.headline}", status.pausedUntil)
        assertTrue("the receipt shows the screen after the pause: $normal", normal.contains(status.headline))
        shell.back()
        shell.back()
        val help = shell.make(TripChange.PAUSE, HELP_PIN)
        assertEquals("the same screen but for the code", normal.withoutDigits(), help.withoutDigits())
        // A refused time is shown in the core's words and pauses nothing more.
        shell.back()
        shell.back()
        val before = shell.ask { it.checkinStatus(Instant.now()) }.pausedUntil
        shell.make(TripChange.PAUSE, NORMAL_PIN, value = "yesterday")
        assertTrue("refused: ${shell.lastToast()}", shell.lastToast().orEmpty().contains("YYYY-MM-DD HH:MM"))
        assertEquals(before, shell.ask { it.checkinStatus(Instant.now()) }.pausedUntil)
    }

    @Test
    fun extending_and_ending_the_trip_from_the_check_in_screen() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        val endsBefore = shell.ask { it.tripPlan() }!!.ends
        val labels = shell.ask { it.checkinStatus(Instant.now()) }.tripChanges.map { it.label }
        assertEquals(3, labels.size)
        shell.make(TripChange.EXTEND, NORMAL_PIN)
        val endsAfter = shell.ask { it.tripPlan() }!!.ends
        assertTrue("the end moved later: $endsBefore → $endsAfter", endsAfter.isAfter(endsBefore))
        shell.back()
        shell.back()
        val receipt = shell.make(TripChange.END, NORMAL_PIN)
        val status = shell.ask { it.checkinStatus(Instant.now()) }
        assertTrue(status.tripEnded)
        assertTrue("the receipt: $receipt", receipt.contains(status.headline))
        shell.back()
        shell.back()
        shell.openCheckin()
        assertTrue("the trip is over: ${shell.texts()}", shell.shows(status.headline))
        assertFalse("no more changes offered: ${shell.buttons()}", shell.buttons().any { it in labels })
        // The end is in her history, as the core words it.
        val ended = shell.ask { it.checkinHistory() }.entries.first()
        assertEquals(org.waymark.core.CheckinHistoryKind.END, ended.kind)
        assertTrue("history: ${shell.texts()}", shell.shows("${ended.atLabel} · ${ended.slotLabel}"))
    }

    @Test
    fun the_family_screen_shows_a_verified_pause_instead_of_an_overdue_check_in() {
        val shell = Shell.launch()
        val id = shell.ask { core -> watchAnna(core) }
        // Anna pauses as her next check-in's window opens, for six hours: that check-in is paused.
        val opens = shell.ask { it.checkinStatus(Instant.now()) }.next!!.opens
        val message = shell.ask { core -> core.pauseCheckIns(NORMAL_PIN, opens.plusSeconds(6 * 3600), opens).message }
        val result = shell.ask { it.verifyCheckin(id, message, opens.plusSeconds(60)) }
        assertEquals(VerificationOutcome.PAUSED, result.outcome)
        shell.now = opens.plusSeconds(120)
        val home = shell.ask { it.home(shell.now) }
        shell.tap(home.menu.first { it.action is Action.OpenFamily }.title)
        val traveller = shell.ask { it.familyTraveller(id, shell.now) }
        assertEquals(null, traveller.current)
        assertFalse(traveller.needsAttention)
        assertTrue("the family's list shows the core's headline: ${shell.texts()}", shell.shows(traveller.headline))
        shell.tap("${traveller.name} · ${traveller.destination}")
        assertTrue("the traveller's screen: ${shell.texts()}", shell.shows(traveller.headline))
        assertTrue(traveller.headline, traveller.headline.contains("paused"))
        // With the help PIN it is a call for help, and the screen offers to mark it handled.
        val help = shell.ask { core -> core.endTrip(HELP_PIN, shell.now).message }
        val field = shell.activity.texts.verifyTitle
        shell.type(field, help)
        shell.tap(shell.activity.texts.verifyButton)
        val called = shell.ask { it.familyTraveller(id, shell.now) }
        assertTrue(called.helpSignalled)
        assertTrue("the result: ${shell.texts()}", shell.showsPart("help PIN"))
    }

    /** This phone is Anna's and watches over her (her plan imported): her id. */
    private fun watchAnna(core: Waymark): String {
        val now = Instant.now()
        planTrip(core, now)
        val export = core.exportPlan(NORMAL_PIN, null)
        return core.importPlan(export.payload, export.passphrase, now).id
    }
}

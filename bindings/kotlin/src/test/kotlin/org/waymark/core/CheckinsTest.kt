package org.waymark.core

import java.nio.file.Path
import java.time.Instant
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/**
 * Check-ins, the traveller's side and the family's: the trip plan, the two PINs, check-ins and
 * their codes, sharing the plan, verifying received messages, and the notification planner.
 */
class CheckinsTest {
    @TempDir
    lateinit var dir: Path

    /** Sunday 1 March 2026, 15:00 in Istanbul: the plan is entered the day before the trip. */
    private val dayBefore = at("2026-03-01T12:00:00Z")

    /** Monday 2 March 2026, 09:05 in Istanbul: inside the window of the first check-in (09:00). */
    private val firstWindow = at("2026-03-02T06:05:00Z")

    private val normalPin = "2468"
    private val duressPin = "1357"
    private val phrase = "How is aunt Valya?"

    /**
     * Anna works in Istanbul; her family is in Moscow. She checks in at 09:00 and 21:00 Istanbul
     * time (06:00Z and 18:00Z), window one hour, grace 30 minutes.
     */
    private fun plan(cadence: CheckinCadence = CheckinCadence.Daily(listOf("21:00", "09:00"))) = TripPlan(
        travellerName = "Anna",
        destinationCountry = "tr",
        destinationCity = "Istanbul",
        starts = at("2026-03-02T00:00:00Z"),
        ends = at("2026-06-01T00:00:00Z"),
        homeTimeZone = "Europe/Moscow",
        destinationTimeZone = "Europe/Istanbul",
        employer = "Hotel Marmara Star, housekeeping",
        agency = null,
        documentCopies = "with my sister Olga",
        schedule = CheckinSchedule(cadence, "Europe/Istanbul", 60u, 30u),
    )

    private fun open(name: String, timeZone: String = "Europe/Istanbul", key: ByteArray = PROFILE_KEY): Waymark =
        Waymark.open(dir.resolve(name).toString(), WaymarkOptions("en", timeZone, key))

    /** A traveller's profile with the plan and both PINs set. */
    private fun ready(name: String = "anna"): Waymark = open(name).also {
        it.setTripPlan(plan(), dayBefore)
        it.setCheckinPins(normalPin, duressPin, phrase)
    }

    /** The family's profile. */
    private fun family(): Waymark = open("family", "Europe/Moscow")

    /** The six-digit code at the end of a check-in message. */
    private fun code(message: String): String = message.substringAfterLast(' ')

    private fun assertInvalid(field: String, call: () -> Unit): WaymarkException.InvalidInput {
        val error = assertFailsWith<WaymarkException.InvalidInput> { call() }
        assertEquals(field, error.field, error.reason)
        return error
    }

    // ---- The traveller's side ----

    @Test
    fun `without a plan the screen asks for one and absent values are null`() {
        open("anna").use { waymark ->
            assertNull(waymark.tripPlan())
            val view = waymark.checkinStatus(firstWindow)
            assertEquals(Action.EditTripPlan, view.action)
            assertEquals("Check-in", view.title)
            assertNull(view.travellerName)
            assertNull(view.current)
            assertNull(view.next)
            assertNull(view.lastCheckin)
            assertNull(view.lastCheckinAt)
            assertEquals(0u, view.streak)
            assertTrue(waymark.checkinHistory().entries.isEmpty())
            assertInvalid("plan") { waymark.checkIn(normalPin, firstWindow) }
            assertInvalid("plan") { waymark.exportPlan(normalPin, null) }
        }
    }

    @Test
    fun `the plan is stored as a record, Instants and nulls included, then PINs are asked for`() {
        open("anna").use { waymark ->
            val view = waymark.setTripPlan(plan(), dayBefore)
            assertEquals(Action.SetCheckinPins, view.action)
            assertEquals("Set your two check-in PINs before you travel.", view.headline)
            assertEquals("Anna", view.travellerName)
            assertInvalid("pin") { waymark.checkIn(normalPin, firstWindow) }

            val stored = assertNotNull(waymark.tripPlan())
            assertEquals(plan().copy(destinationCountry = "TR"), stored, "stored normalised, otherwise as given")
            assertEquals(Instant.parse("2026-03-02T00:00:00Z"), stored.starts)
            assertNull(stored.agency)

            waymark.setCheckinPins(normalPin, duressPin, phrase)
            val ready = waymark.checkinStatus(dayBefore)
            assertEquals(Action.CheckIn, ready.action)
            assertEquals("Next check-in: 2 Mar 2026, 09:00", ready.headline)
            assertEquals("No check-ins yet", ready.lastCheckin)
            assertNull(ready.lastCheckinAt)
            val next = assertNotNull(ready.next)
            assertEquals(0u, next.index)
            assertEquals(at("2026-03-02T06:00:00Z"), next.due)
            assertEquals(at("2026-03-02T05:30:00Z"), next.opens)
            assertEquals(at("2026-03-02T07:00:00Z"), next.overdueAt)
            assertEquals("Check-in due 2 Mar 2026, 09:00", next.label)
            assertEquals("2 Mar 2026, 09:00 for your family (Moscow time)", next.otherSide)
            assertEquals(SlotStatus.UPCOMING, next.status)
            assertNull(ready.current)
        }
    }

    @Test
    fun `weekly and every-hours cadences round-trip with their days`() {
        open("anna").use { waymark ->
            val weekly = plan(CheckinCadence.Weekly(listOf(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), listOf("20:00")))
            waymark.setTripPlan(weekly, dayBefore)
            assertEquals(weekly.schedule, waymark.tripPlan()?.schedule)
            val everySix = plan(CheckinCadence.EveryHours(6u))
            waymark.setTripPlan(everySix, dayBefore)
            val cadence = waymark.tripPlan()?.schedule?.cadence
            assertEquals(CheckinCadence.EveryHours(6u), cadence)
            // Every six hours from the start: the first check-in is due when the trip starts.
            assertEquals(at("2026-03-02T00:00:00Z"), waymark.checkinStatus(dayBefore).next?.due)
        }
    }

    @Test
    fun `every invalid plan field is named and nothing is saved`() {
        open("anna").use { waymark ->
            val cases = listOf(
                "traveller_name" to plan().copy(travellerName = "  "),
                "destination_country" to plan().copy(destinationCountry = "Turkey"),
                "home_time_zone" to plan().copy(homeTimeZone = "Moscow"),
                "employer" to plan().copy(employer = "line\nbreak"),
                "ends" to plan().copy(ends = plan().starts),
                "times" to plan(CheckinCadence.Daily(listOf("9am"))),
                "days" to plan(CheckinCadence.Weekly(emptyList(), listOf("09:00"))),
                "every_hours" to plan(CheckinCadence.EveryHours(0u)),
                "window_minutes" to plan().copy(schedule = plan().schedule.copy(windowMinutes = 5u)),
                "time_zone" to plan().copy(schedule = plan().schedule.copy(timeZone = "UTC+3")),
            )
            for ((field, bad) in cases) {
                assertInvalid(field) { waymark.setTripPlan(bad, dayBefore) }
            }
            assertNull(waymark.tripPlan())
        }
    }

    @Test
    fun `PINs are checked, named by field, and set only once`() {
        open("anna").use { waymark ->
            waymark.setTripPlan(plan(), dayBefore)
            assertInvalid("normal_pin") { waymark.setCheckinPins("12a4", duressPin, phrase) }
            assertInvalid("duress_pin") { waymark.setCheckinPins(normalPin, "123", phrase) }
            assertInvalid("duress_pin") { waymark.setCheckinPins(normalPin, normalPin, phrase) }
            assertInvalid("signal_phrase") { waymark.setCheckinPins(normalPin, duressPin, " ") }
            waymark.setCheckinPins(normalPin, duressPin, phrase)
            assertInvalid("normal_pin") { waymark.setCheckinPins("1111", "2222", "other") }
            waymark.checkIn(normalPin, firstWindow) // the first PINs still work
        }
    }

    @Test
    fun `both PINs check in alike, the receipts differing only in the code digits`() {
        ready("normal").use { normal ->
            ready("duress").use { duress ->
                val a = normal.checkIn(normalPin, firstWindow)
                val b = duress.checkIn(duressPin, firstWindow)
                assertTrue(
                    a.message.startsWith("Hi! All good here, talk soon. "),
                    a.message,
                )
                assertTrue(Regex("""\d{6}""").matches(code(a.message)), a.message)
                assertEquals(a.message.dropLast(6), b.message.dropLast(6))
                assertEquals(a.headline, b.headline)
                assertEquals(a.status, b.status)
                assertEquals(Action.ShareText(a.message), a.share)
                assertEquals(normal.checkinHistory(), duress.checkinHistory())

                val status = a.status
                assertNull(status.current, "the first check-in is done")
                assertEquals(1u, status.streak)
                assertEquals(firstWindow, status.lastCheckinAt)
                assertEquals("Last check-in: 2 Mar 2026, 09:05", status.lastCheckin)
                val entry = normal.checkinHistory().entries.single()
                assertEquals(firstWindow, entry.at)
                assertEquals(0u, entry.slot)
                assertEquals("Check-in due 2 Mar 2026, 09:00", entry.slotLabel)

                // On one phone, the two PINs make different codes for the same check-in.
                val again = normal.checkIn(duressPin, firstWindow)
                assertNotEquals(code(a.message), code(again.message))
            }
        }
    }

    @Test
    fun `a wrong PIN is InvalidInput naming pin and changes nothing`() {
        ready().use { waymark ->
            val before = waymark.checkinStatus(firstWindow)
            val error = assertInvalid("pin") { waymark.checkIn("0000", firstWindow) }
            assertEquals("wrong PIN", error.reason)
            assertEquals(before, waymark.checkinStatus(firstWindow))
            assertTrue(waymark.checkinHistory().entries.isEmpty())
            assertInvalid("pin") { waymark.exportPlan("0000", null) }
        }
    }

    @Test
    fun `the screen follows a check-in through open and overdue, and one outside any window has no slot`() {
        ready().use { waymark ->
            assertEquals(SlotStatus.OPEN, waymark.checkinStatus(at("2026-03-02T05:45:00Z")).current?.status)
            val overdue = waymark.checkinStatus(at("2026-03-02T07:05:00Z"))
            assertEquals(SlotStatus.OVERDUE, overdue.current?.status)
            assertEquals(1u, overdue.next?.index)
            waymark.checkIn(normalPin, at("2026-03-02T12:00:00Z"))
            val entry = waymark.checkinHistory().entries.single()
            assertNull(entry.slot)
            assertEquals("outside the schedule", entry.slotLabel)
        }
    }

    // ---- Sharing the plan ----

    @Test
    fun `the plan is always exported sealed with made-up words and imported with them`() {
        ready().use { anna ->
            val export = anna.exportPlan(normalPin, null)
            assertTrue(export.payload.startsWith("WAYMARK1S."), export.payload)
            assertEquals(export.payload.toByteArray().size.toUInt(), export.bytes)
            assertTrue(export.fitsQrCode)
            assertEquals("waymark-plan.txt", export.fileName)
            assertEquals(Action.ShowQrCode(export.payload), export.showQrCode)
            assertEquals(Action.ShareText(export.payload), export.share)
            // Four made-up words, to say on the phone; the hint says so and names them.
            assertEquals(4, export.passphrase.trim().split(Regex("\\s+")).size, export.passphrase)
            assertTrue(export.passphraseHint.contains(export.passphrase), export.passphraseHint)
            // Under the help PIN the export looks the same: sealed, with its own words (the
            // mark it leaves on the plan is the family's to read, so another profile here).
            ready("forced").use { forced ->
                val help = forced.exportPlan(duressPin, null)
                assertTrue(help.payload.startsWith("WAYMARK1S."), help.payload)
                assertEquals(4, help.passphrase.trim().split(Regex("\\s+")).size, help.passphrase)
                assertEquals(export.payload.length, help.payload.length)
            }
            val chosen = anna.exportPlan(normalPin, "correct horse")
            assertTrue(chosen.payload.startsWith("WAYMARK1S."), chosen.payload)
            assertEquals("correct horse", chosen.passphrase)
            assertInvalid("passphrase") { anna.exportPlan(normalPin, "short") }

            open("family", "Europe/Moscow").use { mother ->
                val empty = mother.familyList(dayBefore)
                assertTrue(empty.travellers.isEmpty())
                assertNotNull(empty.emptyHint)

                assertInvalid("passphrase") { mother.importPlan(export.payload, null, dayBefore) }
                assertInvalid("passphrase") { mother.importPlan(chosen.payload, "wrong horse", dayBefore) }
                // A sealed plan cut short cannot be told from a wrong passphrase: both fail to open.
                assertInvalid("passphrase") { mother.importPlan(export.payload.dropLast(10), export.passphrase, dayBefore) }
                val foreign = assertInvalid("payload") { mother.importPlan("https://example.org/plan", null, dayBefore) }
                assertTrue(foreign.reason.contains("not a Waymark plan"), foreign.reason)
                assertTrue(mother.familyList(dayBefore).travellers.isEmpty(), "nothing stored")

                // Case and extra spaces do not matter.
                val typed = "  " + export.passphrase.uppercase().replace(" ", "   ") + " "
                val view = mother.importPlan(export.payload, typed, dayBefore)
                assertEquals("Anna", view.name)
                assertEquals("Istanbul, Türkiye", view.destination)
                assertTrue(view.signalPhraseReminder.contains("«How is aunt Valya?»"), view.signalPhraseReminder)
                assertFalse(view.needsAttention)
                assertFalse(view.helpSignalled)
                assertNull(view.pendingChange)
                assertNull(view.current)
                assertNull(view.lastCheckin)
                assertEquals(0u, view.next?.index)
                assertTrue(view.steps.isEmpty())
                assertEquals(
                    listOf("Name", "Where", "Employer", "Document copies", "Last check-in"),
                    view.facts.map { it.label },
                    "no agency in the plan, so no agency line",
                )
                assertEquals(FactLine("Document copies", "with my sister Olga"), view.facts[3])

                val again = mother.importPlan(chosen.payload, "correct horse", dayBefore)
                assertEquals(view.id, again.id, "the same plan twice is one traveller")
                val list = mother.familyList(dayBefore)
                assertNull(list.emptyHint)
                assertEquals("Watching over", list.title)
                val summary = list.travellers.single()
                assertEquals(WatchedTravellerSummary(view.id, "Anna", view.destination, view.headline, false), summary)
            }
        }
    }

    @Test
    fun `a re-imported plan that weakens the routine waits for the family to accept or keep`(): Unit =
        pair { anna, mother, id ->
            val weaker = plan(CheckinCadence.Daily(listOf("21:00")))
            anna.changeTripPlan(weaker, normalPin, dayBefore)
            val export = anna.exportPlan(normalPin, null)
            val view = mother.importPlan(export.payload, export.passphrase, dayBefore)
            val change = assertNotNull(view.pendingChange)
            assertTrue(change.title.contains("Anna"), change.title)
            assertTrue(change.differences.isNotEmpty())
            assertTrue(change.ask.isNotBlank())
            assertNotEquals(change.acceptLabel, change.keepLabel)
            // Until accepted, the old schedule stays in force.
            val kept = mother.familyKeepPlan(id, dayBefore)
            assertNull(kept.pendingChange)
            val again = mother.importPlan(export.payload, export.passphrase, dayBefore)
            assertNotNull(again.pendingChange)
            val accepted = mother.familyAcceptPlanChange(id, dayBefore)
            assertNull(accepted.pendingChange)
        }

    // ---- The family's side ----

    /** Anna's phone and her mother's, with the plan shared between them. */
    private fun <T> pair(block: (anna: Waymark, mother: Waymark, id: String) -> T): T = ready().use { anna ->
        family().use { mother ->
            val export = anna.exportPlan(normalPin, null)
            val id = mother.importPlan(export.payload, export.passphrase, dayBefore).id
            block(anna, mother, id)
        }
    }

    @Test
    fun `PINs change with either PIN alike on screen, and the family tells which it was`() {
        ready("free").use { free ->
            ready("forced").use { forced ->
                family().use { mother ->
                    val ids = listOf(free, forced).map {
                        val export = it.exportPlan(normalPin, null)
                        mother.importPlan(export.payload, export.passphrase, dayBefore).id
                    }
                    assertInvalid("current_pin") { free.changeCheckinPins("0000", "1111", "2222") }
                    assertInvalid("new_normal_pin") { free.changeCheckinPins(normalPin, "11", "2222") }
                    assertInvalid("new_duress_pin") { free.changeCheckinPins(normalPin, "1111", "1111") }

                    assertEquals(free.changeCheckinPins(normalPin, "1111", "2222"), forced.changeCheckinPins(duressPin, "1111", "2222"))
                    assertEquals(free.checkinStatus(firstWindow), forced.checkinStatus(firstWindow))
                    assertInvalid("pin") { free.checkIn(normalPin, firstWindow) }
                    assertInvalid("pin") { forced.checkIn(duressPin, firstWindow) }

                    fun familySees(which: Int, pin: String, time: String): VerificationOutcome {
                        val phone = if (which == 0) free else forced
                        return mother.verifyCheckin(ids[which], phone.checkIn(pin, at(time)).message, at(time)).outcome
                    }
                    assertEquals(VerificationOutcome.GENUINE, familySees(0, "1111", "2026-03-02T06:05:00Z"))
                    assertEquals(VerificationOutcome.GENUINE_UNDER_DURESS, familySees(0, "2222", "2026-03-02T18:05:00Z"))
                    assertEquals(VerificationOutcome.GENUINE_UNDER_DURESS, familySees(1, "1111", "2026-03-02T06:05:00Z"))
                    assertEquals(VerificationOutcome.GENUINE_UNDER_DURESS, familySees(1, "2222", "2026-03-02T18:05:00Z"))
                    assertEquals(VerificationOutcome.GENUINE, familySees(1, normalPin, "2026-03-03T06:05:00Z"))
                }
            }
        }
    }

    @Test
    fun `the family notices a missed check-in on its own and gets the steps`() = pair { _, mother, id ->
        val fine = mother.familyTraveller(id, at("2026-03-02T05:00:00Z"))
        assertFalse(fine.needsAttention)
        assertTrue(fine.steps.isEmpty())
        val overdue = mother.familyTraveller(id, at("2026-03-02T07:01:00Z"))
        assertTrue(overdue.needsAttention)
        assertFalse(overdue.helpSignalled)
        assertEquals(SlotStatus.OVERDUE, overdue.current?.status)
        assertEquals(listOf(1u, 2u, 3u, 4u, 5u, 6u), overdue.steps.map { it.number })
        assertEquals("Call Anna", overdue.steps[0].title)
        assertEquals(Action.Dial("tel:+78003330016"), overdue.steps[1].action)
        // No embassy saved: the built-in consulate in Istanbul and the ministry's line for
        // citizens abroad, then Türkiye's 157 to pass on.
        assertEquals(Action.Dial("tel:+905309410368"), overdue.steps[2].action)
        assertEquals(Action.Dial("tel:+74956954545"), overdue.steps[3].action)
        assertNull(overdue.steps[4].action, "157 works only inside Türkiye")
        assertTrue(mother.familyList(at("2026-03-02T07:01:00Z")).travellers.single().needsAttention)
    }

    @Test
    fun `received messages are verified as genuine, replayed, wrong, missing, outside or under duress`() =
        pair { anna, mother, id ->
            fun verify(message: String, time: String) = mother.verifyCheckin(id, message, at(time))

            val normal = anna.checkIn(normalPin, firstWindow).message
            val genuine = verify(normal, "2026-03-02T06:06:00Z")
            assertEquals(VerificationOutcome.GENUINE, genuine.outcome)
            assertEquals("Genuine check-in: Anna is fine.", genuine.headline)
            assertFalse(genuine.needsHelp)
            assertFalse(genuine.phraseFound)
            assertNull(genuine.traveller.current, "the check-in is done on the family's side too")
            assertNotNull(genuine.traveller.lastCheckin)

            assertEquals(VerificationOutcome.REPLAYED, verify(normal, "2026-03-02T06:10:00Z").outcome)
            val wrong = if (code(normal) == "000000") "111111" else "000000"
            assertEquals(VerificationOutcome.WRONG_CODE, verify("all fine $wrong", "2026-03-02T06:11:00Z").outcome)
            assertEquals(VerificationOutcome.NO_CODE, verify("all fine", "2026-03-02T06:12:00Z").outcome)
            // At 05:00 the next morning no window is open: the code is for the evening check-in
            // before, long past.
            val late = anna.checkIn(normalPin, at("2026-03-03T02:00:00Z")).message
            assertEquals(VerificationOutcome.OUTSIDE_WINDOW, verify(late, "2026-03-03T02:01:00Z").outcome)

            val duress = anna.checkIn(duressPin, at("2026-03-03T18:05:00Z")).message
            val help = verify(duress, "2026-03-03T18:20:00Z")
            assertEquals(VerificationOutcome.GENUINE_UNDER_DURESS, help.outcome)
            assertEquals("Anna needs help.", help.headline)
            assertTrue(help.needsHelp)
            assertTrue(help.traveller.helpSignalled)
            assertTrue(help.traveller.needsAttention)
            assertEquals(6, help.traveller.steps.size)
            assertTrue(mother.familyTraveller(id, at("2026-03-04T00:00:00Z")).helpSignalled, "until handled")
            val handled = mother.familyMarkHandled(id, at("2026-03-04T00:00:00Z"))
            assertFalse(handled.helpSignalled)

            val history = mother.familyHistory(id)
            assertEquals("Messages from Anna", history.title)
            assertEquals(
                listOf(
                    null,
                    VerificationOutcome.GENUINE_UNDER_DURESS,
                    VerificationOutcome.OUTSIDE_WINDOW,
                    VerificationOutcome.NO_CODE,
                    VerificationOutcome.WRONG_CODE,
                    VerificationOutcome.REPLAYED,
                    VerificationOutcome.GENUINE,
                ),
                history.entries.map { it.outcome },
                "newest first; null is the help signal marked handled",
            )
            assertEquals("Help signal marked as handled", history.entries[0].outcomeLabel)
            assertEquals(at("2026-03-02T06:06:00Z"), history.entries.last().at)
            assertEquals("Check-in due 2 Mar 2026, 09:00", history.entries.last().slotLabel)
        }

    @Test
    fun `the signal phrase in a message means help whatever the code`() = pair { anna, mother, id ->
        val normal = anna.checkIn(normalPin, firstWindow).message
        val view = mother.verifyCheckin(id, "kak dela? how is aunt valya? ${code(normal)}", at("2026-03-02T06:06:00Z"))
        assertEquals(VerificationOutcome.GENUINE, view.outcome, "the code itself is fine")
        assertTrue(view.phraseFound)
        assertTrue(view.needsHelp)
        assertTrue(view.traveller.helpSignalled)
        assertTrue(mother.familyHistory(id).entries.single().phraseFound)
    }

    @Test
    fun `an unknown traveller is not found by any family call`() {
        family().use { mother ->
            val now = firstWindow
            val calls: List<() -> Any> = listOf(
                { mother.familyTraveller("nobody", now) },
                { mother.verifyCheckin("nobody", "123456", now) },
                { mother.familyHistory("nobody") },
                { mother.familyMarkHandled("nobody", now) },
            )
            for (call in calls) {
                val error = assertFailsWith<WaymarkException.NotFound> { call() }
                assertEquals("traveller", error.what)
                assertEquals("nobody", error.id)
            }
        }
    }

    // ---- The notification planner ----

    @Test
    fun `the planner orders alerts as Instants, keeps to 64 and says when to plan again`() = pair { anna, mother, id ->
        val now = at("2026-03-02T00:00:00Z")
        val all = anna.planNotifications(now, 1000u, true)
        assertEquals(14 * 3, all.alerts.size, "two check-ins a day for a week, three alerts each")
        assertEquals(all.alerts.sortedBy { it.fireAt }, all.alerts)
        assertTrue(all.alerts.all { it.fireAt.isAfter(now) })
        assertEquals(at("2026-03-09T00:00:00Z"), all.planAgainAt)
        assertEquals(
            setOf(AlertKind.CHECKIN_REMINDER, AlertKind.CHECKIN_DUE, AlertKind.CHECKIN_OVERDUE),
            all.alerts.map { it.kind }.toSet(),
        )
        val first = all.alerts[0]
        assertEquals("checkin-0-reminder", first.id)
        assertEquals(AlertKind.CHECKIN_REMINDER, first.kind)
        assertEquals(at("2026-03-02T05:30:00Z"), first.fireAt)
        assertEquals("Reminder", first.title)
        assertEquals("You have a reminder until 2 Mar 2026, 10:00.", first.body)
        assertEquals(Action.OpenCheckin, first.action)

        val five = anna.planNotifications(now, 5u, true)
        assertEquals(all.alerts.take(5), five.alerts)
        assertEquals(five.alerts[4].fireAt, five.planAgainAt, "plan again when the last one fires")

        // Without exact alarms, no alert at the due time: the reminder already lands in the window.
        val inexact = anna.planNotifications(now, 1000u, false)
        assertEquals(14 * 2, inexact.alerts.size)
        assertTrue(inexact.alerts.none { it.kind == AlertKind.CHECKIN_DUE })

        // Every six hours makes 84 alerts in the week: iOS keeps 64 pending.
        // Once the PINs exist, the plan changes only with one of them.
        assertInvalid("pin") { anna.setTripPlan(plan(CheckinCadence.EveryHours(6u)), now) }
        anna.changeTripPlan(plan(CheckinCadence.EveryHours(6u)), normalPin, now)
        val ios = anna.planNotifications(now, 64u, true)
        assertEquals(64, ios.alerts.size)
        assertEquals(ios.alerts[63].fireAt, ios.planAgainAt)

        // The family's phone plans from its own copy of the schedule.
        val watching = mother.planNotifications(now, 1000u, true)
        assertEquals(
            setOf(AlertKind.FAMILY_CHECKIN_DUE, AlertKind.FAMILY_OVERDUE, AlertKind.FAMILY_ESCALATION),
            watching.alerts.map { it.kind }.toSet(),
        )
        val overdue = watching.alerts.first { it.kind == AlertKind.FAMILY_OVERDUE }
        assertEquals("watch-$id-0-overdue", overdue.id)
        assertEquals(at("2026-03-02T07:00:00Z"), overdue.fireAt)
        assertEquals("No check-in from Anna", overdue.title)
        assertEquals(Action.OpenWatchedTraveller(id), overdue.action)
    }

    @Test
    fun `the profile key is 32 bytes, and only the key the profile was made with opens it`() {
        val export = ready().use { it.exportPlan(normalPin, null) }
        val id = family().use { it.importPlan(export.payload, export.passphrase, dayBefore).id }
        for (size in listOf(0, 31, 33)) {
            assertInvalid("profile_key") { open("family", "Europe/Moscow", ByteArray(size)).close() }
        }
        // The family's secrets are sealed with the same key as the file: another key opens nothing.
        val wrong = assertInvalid("profile_key") { open("family", "Europe/Moscow", ByteArray(32) { 7 }).close() }
        assertTrue(wrong.reason.contains("does not open"), wrong.reason)
        family().use { relaunched -> assertEquals("Anna", relaunched.familyTraveller(id, firstWindow).name) }
    }

    @Test
    fun `stopping watching forgets the traveller and their alerts`(): Unit = pair { _, mother, id ->
        assertTrue(mother.planNotifications(firstWindow, 64u, true).alerts.isNotEmpty())
        assertTrue(mother.familyStopWatching(id, firstWindow).travellers.isEmpty())
        assertTrue(mother.planNotifications(firstWindow, 64u, true).alerts.isEmpty())
        assertFailsWith<WaymarkException.NotFound> { mother.familyHistory(id) }
    }
}

package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/**
 * Own contacts, emergency numbers and "help now": `ownContacts`, `ownContactAdd`, `ownContactEdit`,
 * `ownContactRemove`, `emergencyNumbers`, `emergencyCountries`, `helpNow`, `HomeView.helpNow`, and
 * the contact screen's opening hours in both zones.
 */
class HelpNowTest {
    @TempDir
    lateinit var dir: Path

    /** Wednesday 4 March 2026, 23:00 in Istanbul and in Moscow: the hotline is closed. */
    private val wednesdayNight = at("2026-03-04T20:00:00Z")

    /** Wednesday 4 March 2026, 15:00 in Moscow: the hotline is open. */
    private val wednesdayAfternoon = at("2026-03-04T12:00:00Z")

    private fun input(
        name: String,
        kind: OwnContactKind,
        country: String,
        phone: String,
        notes: String = "",
    ) = OwnContactInput(name, kind, country, phone, notes)

    /** A profile with one contact of each kind that "help now" uses, and an employer. */
    private fun withContacts(waymark: Waymark): Waymark {
        for (contact in listOf(
            input("Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67"),
            input("Embassy in Ankara", OwnContactKind.EMBASSY_OR_CONSULATE, "TR", "+90 312 439 21 22"),
            input("Boss", OwnContactKind.EMPLOYER, "TR", "+90 212 555 12 34"),
            input("Migrant help centre", OwnContactKind.SUPPORT_ORGANISATION, "TR", "+90 212 293 11 11"),
        )) {
            waymark.ownContactAdd(contact, wednesdayAfternoon)
        }
        return waymark
    }

    private fun assertInvalid(field: String, call: () -> Unit): WaymarkException.InvalidInput {
        val error = assertFailsWith<WaymarkException.InvalidInput> { call() }
        assertEquals(field, error.field, error.reason)
        return error
    }

    // ---- Own contacts ----

    @Test
    fun `an empty list says so and offers every kind for the form`() {
        openProfile(dir).use { waymark ->
            val view = waymark.ownContacts()
            assertEquals("Your contacts", view.title)
            assertTrue(view.contacts.isEmpty())
            assertEquals("You have not added any contacts yet.", view.emptyText)
            assertEquals(OwnContactKind.entries.toList(), view.kinds.map { it.kind })
            assertEquals(OwnContactKindOption(OwnContactKind.EMBASSY_OR_CONSULATE, "Embassy or consulate"), view.kinds[1])
            assertEquals("Notes", view.notesLabel)
            assertEquals("Country", view.countryLabel)
        }
    }

    @Test
    fun `numbers in local forms are saved in E164 with call, text and copy`() {
        openProfile(dir).use { waymark ->
            waymark.ownContactAdd(
                input("Embassy in Ankara", OwnContactKind.EMBASSY_OR_CONSULATE, "tr", "+90 (312) 439-21-22", "  Karyağdı Sok. 5  "),
                wednesdayAfternoon,
            )
            val list = waymark.ownContactAdd(input("Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67"), wednesdayAfternoon)
            val (embassy, mum) = list.contacts
            assertEquals(listOf(1u, 2u), list.contacts.map { it.number })
            assertEquals("+903124392122", embassy.e164)
            assertEquals("+90 312 439 21 22", embassy.displayNumber)
            assertEquals("TR", embassy.countryCode)
            assertEquals("Türkiye", embassy.country)
            assertEquals("Embassy or consulate", embassy.kindLabel)
            assertEquals("Karyağdı Sok. 5", embassy.notes)
            assertTrue(embassy.dialableFromAbroad)
            assertEquals("+79161234567", mum.e164)
            assertEquals("", mum.notes)
            // A mobile takes texts; a landline does not.
            assertEquals(
                listOf(
                    ContactAction("Call", Action.Dial("tel:+79161234567")),
                    ContactAction("Text", Action.ComposeSms("sms:+79161234567", "+79161234567")),
                    ContactAction("Copy number", Action.CopyText("+79161234567")),
                ),
                mum.actions,
            )
            assertEquals(
                listOf(Action.Dial("tel:+903124392122"), Action.CopyText("+903124392122")),
                embassy.actions.map { it.action },
            )
        }
    }

    @Test
    fun `a bad number is InvalidInput naming phone, and nothing is stored`() {
        openProfile(dir).use { waymark ->
            waymark.ownContactAdd(input("Mum", OwnContactKind.FAMILY, "RU", "+7 916 123-45-67"), wednesdayAfternoon)
            assertInvalid("phone") {
                waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "DE", "call me maybe"), wednesdayAfternoon)
            }
            assertInvalid("phone") { waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "DE", ""), wednesdayAfternoon) }
            val plus = assertInvalid("phone") {
                waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "DE", "+999 1234 5678"), wednesdayAfternoon)
            }
            assertTrue(plus.reason.contains("dialling code"), plus.reason)
            // Mum's number written another way is a duplicate.
            assertInvalid("phone") {
                waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "RU", "89161234567"), wednesdayAfternoon)
            }
            assertInvalid("name") { waymark.ownContactAdd(input("  ", OwnContactKind.OTHER, "DE", "030 12345678"), wednesdayAfternoon) }
            assertInvalid("country") {
                waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "Germany", "030 12345678"), wednesdayAfternoon)
            }
            assertInvalid("notes") {
                waymark.ownContactAdd(input("A", OwnContactKind.OTHER, "DE", "030 12345678", "n".repeat(501)), wednesdayAfternoon)
            }
            assertEquals(listOf("Mum"), waymark.ownContacts().contacts.map { it.name })
        }
    }

    @Test
    fun `contacts are edited and removed by id, and an unknown id is not found`() {
        openProfile(dir).use { waymark ->
            waymark.ownContactAdd(input("Embassy", OwnContactKind.EMBASSY_OR_CONSULATE, "TR", "+90 312 439 21 22"), wednesdayAfternoon)
            val mum = waymark.ownContactAdd(input("Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67"), wednesdayAfternoon)
                .contacts[1]
            val edited = waymark.ownContactEdit(mum.id, input("Mother", OwnContactKind.FAMILY, "RU", "+7 916 123 45 67"), wednesdayAfternoon)
            assertEquals("Mother", edited.contacts[1].name)
            assertEquals(mum.id, edited.contacts[1].id)
            // Editing onto the embassy's number is refused and changes nothing.
            assertInvalid("phone") {
                waymark.ownContactEdit(mum.id, input("Mother", OwnContactKind.FAMILY, "TR", "0312 439 21 22"), wednesdayAfternoon)
            }
            assertEquals("+79161234567", waymark.ownContacts().contacts[1].e164)

            val embassyId = edited.contacts[0].id
            val left = waymark.ownContactRemove(embassyId)
            assertEquals(listOf("Mother"), left.contacts.map { it.name })
            assertEquals(1u, left.contacts[0].number, "numbered again from 1")
            for (id in listOf(embassyId, "0", "abc")) {
                val gone = assertFailsWith<WaymarkException.NotFound> { waymark.ownContactRemove(id) }
                assertEquals("contact", gone.what)
                assertEquals(id, gone.id)
                assertFailsWith<WaymarkException.NotFound> {
                    waymark.ownContactEdit(id, input("X", OwnContactKind.OTHER, "RU", "+7 916 000 00 00"), wednesdayAfternoon)
                }
            }
        }
    }

    // ---- Emergency numbers ----

    @Test
    fun `emergency numbers come general number first, with a source and a date`() {
        openProfile(dir).use { waymark ->
            val turkey = waymark.emergencyNumbers("tr")
            assertEquals("TR", turkey.countryCode)
            assertEquals("Türkiye", turkey.country)
            assertEquals("Emergency numbers: Türkiye", turkey.title)
            assertEquals(
                listOf(EmergencyService.GENERAL, EmergencyService.POLICE, EmergencyService.AMBULANCE, EmergencyService.FIRE),
                turkey.lines.map { it.service },
            )
            val general = turkey.lines[0]
            assertEquals("112", general.number)
            // A short number is called and copied, never texted.
            assertEquals(listOf(Action.Dial("tel:112"), Action.CopyText("112")), general.actions.map { it.action })
            assertTrue(turkey.source!!.startsWith("https://"), turkey.source)
            assertTrue(Regex("""\d{4}-\d{2}-\d{2}""").matches(turkey.checked!!), turkey.checked)
            assertTrue(turkey.sourceText.contains(turkey.checked!!), turkey.sourceText)
            assertTrue(turkey.confirmed && turkey.lines.all { it.confirmed })
            // Since 2021 every service is on 112; the card says so.
            assertTrue(turkey.note!!.contains("112"), turkey.note)

            // China has no general number: the police come first.
            val china = waymark.emergencyNumbers("CN").lines
            assertEquals(EmergencyService.POLICE, china[0].service)
            assertEquals("110", china[0].number)

            val unknown = assertFailsWith<WaymarkException.NotFound> { waymark.emergencyNumbers("XX") }
            assertEquals("XX", unknown.id)
        }
    }

    @Test
    fun `the emergency country picker is named in the person's language`() {
        openProfile(dir).use { waymark ->
            val english = waymark.emergencyCountries()
            assertTrue(english.size >= 40, "${english.size} countries")
            assertTrue(CountryOption("TR", "Türkiye") in english)
            waymark.setLanguage("ru")
            val russian = waymark.emergencyCountries()
            assertEquals(english.map { it.code }.toSet(), russian.map { it.code }.toSet())
            assertTrue(CountryOption("TR", "Турция") in russian)
            assertEquals(russian.map { it.name }.sorted(), russian.map { it.name }, "sorted by name")
        }
    }

    // ---- Help now ----

    @Test
    fun `help now for a person in Turkey at night puts reachable help first`() {
        openProfile(dir, timeZone = "Europe/Istanbul").use { waymark ->
            val view = withContacts(waymark).helpNow(wednesdayNight, "tr")
            // The built-in consulates and Türkiye's line for foreigners sit among them.
            val yimer = view.steps.single { it.kind == HelpStepKind.LOCAL_LINE && it.number == "157" }
            assertTrue(assertNotNull(yimer.sourceText).startsWith("Source: https://"), yimer.sourceText)
            assertEquals(listOf("Call", "Copy number"), yimer.actions.map { it.label })
            assertTrue(view.steps.any { it.title == "Consulate General of Russia in Istanbul" })
            assertEquals(

                listOf(
                    HelpStepKind.EMERGENCY to "112",
                    HelpStepKind.EMBASSY_OR_CONSULATE to "+90 312 439 21 22",
                    HelpStepKind.SUPPORT_ORGANISATION to "+90 212 293 11 11",
                    HelpStepKind.FAMILY to "+7 916 123-45-67",
                    HelpStepKind.HOTLINE to "8-800-333-00-16",
                ),
                view.steps.filterNot(::builtIn).map { it.kind to it.number },
            )
            assertFalse(view.steps.any { it.title == "Boss" }, "an employer is not someone to turn to")
            assertEquals("Get help now", view.title)
            assertEquals("en", view.language)
            assertEquals("TR", view.countryCode)
            assertEquals("Türkiye", view.country)
            assertNull(view.countryPrompt)
            assertNull(view.embassyHint)
            assertEquals(4, assertNotNull(view.emergency).lines.size)
            assertEquals(4, view.whatToSay.size)
            assertTrue(view.whatToSayTitle.isNotBlank())

            val emergency = view.steps.first()
            assertEquals(Reachability.REACHABLE, emergency.reachability)
            assertNull(emergency.reachNote)
            assertNull(emergency.opening)
            assertNull(emergency.details)
            assertEquals(Action.Dial("tel:112"), emergency.actions.first().action)

            val hotline = view.steps.last()
            assertEquals(Reachability.NOT_FROM_HERE, hotline.reachability)
            val note = assertNotNull(hotline.reachNote)
            assertTrue(note.contains("Türkiye") && note.contains("Russia"), note)
            assertTrue(hotline.why.contains("inside Russia"), hotline.why)
            assertEquals(false, hotline.opening?.openNow)
            assertEquals(Action.OpenContact("hotline"), hotline.details)
        }
    }

    @Test
    fun `help now in Moscow puts the hotline before support while it is open, after it when closed`() {
        openProfile(dir).use { waymark ->
            withContacts(waymark)
            val afternoon = waymark.helpNow(wednesdayAfternoon, "RU")
            assertEquals(
                listOf(
                    HelpStepKind.EMERGENCY,
                    HelpStepKind.EMBASSY_OR_CONSULATE,
                    HelpStepKind.HOTLINE,
                    HelpStepKind.SUPPORT_ORGANISATION,
                    HelpStepKind.FAMILY,
                ),
                afternoon.steps.filterNot(::builtIn).map { it.kind },
            )
            val opening = assertNotNull(afternoon.steps.filterNot(::builtIn)[2].opening)
            assertTrue(opening.openNow)
            assertEquals("Closes today at 18:30, Moscow time", opening.nextChangeText)
            assertEquals(at("2026-03-04T15:30:00Z"), opening.nextChange)

            val evening = waymark.helpNow(at("2026-03-04T17:00:00Z"), "RU")
            val hotline = evening.steps.filterNot(::builtIn)[3]
            assertEquals(HelpStepKind.HOTLINE, hotline.kind)
            assertEquals("Opens tomorrow at 08:30, Moscow time", hotline.opening?.nextChangeText)
        }
    }

    @Test
    fun `help now without a country asks for it, and a bad country names current_country`() {
        openProfile(dir, language = "ru", timeZone = "Asia/Tokyo").use { waymark ->
            val view = waymark.helpNow(wednesdayAfternoon, null)
            assertEquals("Помощь сейчас", view.title)
            assertNull(view.countryCode)
            assertNull(view.country)
            assertNull(view.emergency)
            assertNotNull(view.countryPrompt)
            assertNotNull(view.embassyHint)
            assertEquals(Reachability.UNKNOWN, view.steps.single().reachability)
            assertInvalid("current_country") { waymark.helpNow(wednesdayAfternoon, "Narnia") }
        }
    }

    @Test
    fun `the home screen carries help now`() {
        openProfile(dir, timeZone = "Europe/Istanbul").use { waymark ->
            val help = withContacts(waymark).home(wednesdayAfternoon).helpNow
            assertEquals("Get help now", help.title)
            assertNotNull(help.countryPrompt, "the home screen does not know the country")
            assertTrue(help.steps.any { it.kind == HelpStepKind.EMBASSY_OR_CONSULATE })
        }
    }

    // ---- The contact screen's opening hours ----

    @Test
    fun `the hotline's opening is told on its clock and on the person's`() {
        openProfile(dir, timeZone = "Asia/Tokyo").use { waymark ->
            // Friday 6 March 2026, 18:29 in Moscow is 00:29 on Saturday in Tokyo.
            val open = assertNotNull(waymark.contact("hotline", at("2026-03-06T15:29:00Z")).opening)
            assertTrue(open.openNow)
            assertEquals("Usually answers at this hour", open.status)
            assertEquals(at("2026-03-06T15:30:00Z"), open.nextChange)
            assertEquals("Closes today at 18:30, Moscow time", open.nextChangeText)
            assertEquals("today at 00:30 your time (Asia/Tokyo)", open.nextChangeInYourZone)
            assertEquals("Fri at 14:30 to today at 00:30, your time (Asia/Tokyo)", open.periodInYourZone)
            assertTrue(open.holidaysNote.contains("holiday"), open.holidaysNote)

            val closed = assertNotNull(waymark.contact("hotline", at("2026-03-06T15:30:00Z")).opening)
            assertFalse(closed.openNow)
            assertEquals(at("2026-03-09T05:30:00Z"), closed.nextChange)
            assertEquals("Opens Mon at 08:30, Moscow time", closed.nextChangeText)
            assertEquals("Mon at 14:30 your time (Asia/Tokyo)", closed.nextChangeInYourZone)

            // No hours known: no opening, rather than a guess.
            assertNull(waymark.contact("info-centre", at("2026-03-06T15:30:00Z")).opening)
            // A toll-free line is called and copied, not texted.
            assertEquals(
                listOf(Action.Dial("tel:+78003330016"), Action.CopyText("+78003330016")),
                waymark.contact("hotline", at("2026-03-06T15:30:00Z")).phones[0].actions.map { it.action },
            )
        }
    }

    /** A built-in embassy or local line (the core's tests check their order): it opens its own card. */
    private fun builtIn(step: HelpStep) =
        step.details.let { it is Action.OpenContact && it.id != "hotline" }
}

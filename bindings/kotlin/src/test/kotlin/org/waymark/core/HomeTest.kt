package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The home screen: `Waymark.home(now)`. */
class HomeTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a new profile shows progress, the first rule as next step, the hotline and the menu`() {
        openProfile(dir).use { waymark ->
            val home = waymark.home(MONDAY_10_MOSCOW)
            assertEquals("Waymark", home.title)
            assertTrue(home.tagline.isNotBlank())
            assertEquals("en", home.language)
            assertEquals(0u, home.checklist.done)
            assertEquals(11u, home.checklist.total)
            assertEquals("0 of 11 done", home.checklist.label)
            assertEquals("Next step", home.nextStep.heading)
            assertEquals(Action.OpenChecklistItem("agency-licence"), home.nextStep.action)
            assertEquals(
                listOf(
                    Action.OpenGuide, Action.OpenChecklist, Action.OpenCheckin, Action.OpenFamily,
                    Action.OpenOfferCheck, Action.OpenSelfCheck, Action.OpenQuiz, Action.OpenOwnContacts,
                    Action.OpenSearch,
                ),
                home.menu.map { it.action },
            )
            assertEquals(listOf("Guide", "Checklist", "Check-in"), home.menu.map { it.title }.take(3))
            assertNull(home.checkin)
        }
    }

    @Test
    fun `the hotline line can be dialled and says whether it is open now`() {
        openProfile(dir, timeZone = "Asia/Tokyo").use { waymark ->
            val open = waymark.home(MONDAY_10_MOSCOW).hotline
            assertEquals("hotline", open.contactId)
            assertEquals("+78003330016", open.e164)
            assertEquals(Action.Dial("tel:+78003330016"), open.call)
            assertTrue(open.openNow)
            assertEquals("Usually answers at this hour", open.status)
            assertTrue(open.hours.contains("Moscow time"), open.hours)
            assertNotNull(open.costNote, "a toll-free 8-800 number says it cannot be reached from abroad")
            val closed = waymark.home(SUNDAY_15_MOSCOW).hotline
            assertFalse(closed.openNow)
            assertEquals("Usually closed at this hour", closed.status)
        }
    }

    @Test
    fun `the next step moves on as items are done and ends with the red flags`() {
        openProfile(dir).use { waymark ->
            waymark.checklistMarkDone("agency-licence", MONDAY_10_MOSCOW)
            val next = waymark.home(MONDAY_10_MOSCOW).nextStep.action
            assertEquals(Action.OpenChecklistItem("contract-understood"), next)
            for (item in waymark.checklist().items) {
                waymark.checklistMarkDone(item.id, MONDAY_10_MOSCOW)
            }
            val home = waymark.home(MONDAY_10_MOSCOW)
            assertEquals("11 of 11 done", home.checklist.label)
            val done = assertIs<Action.OpenArticle>(home.nextStep.action)
            assertEquals("red-flags", done.id)
        }
    }

    @Test
    fun `the home screen comes in Russian`() {
        openProfile(dir, language = "ru").use { waymark ->
            val home = waymark.home(MONDAY_10_MOSCOW)
            assertEquals("ru", home.language)
            assertEquals("Готово 0 из 11", home.checklist.label)
            assertEquals("Обычно в это время отвечают", home.hotline.status)
            assertEquals(listOf("Справочник", "Список дел", "Связь с близкими"), home.menu.map { it.title }.take(3))
        }
    }

    @Test
    fun `the menu leads to search, titled alike in each language`() {
        openProfile(dir).use { waymark ->
            for ((language, label) in listOf("en" to "Search", "ru" to "Поиск")) {
                waymark.setLanguage(language)
                val entry = waymark.home(MONDAY_10_MOSCOW).menu.single { it.action == Action.OpenSearch }
                assertEquals(label, entry.title)
                assertEquals(label, waymark.shellTexts().searchTitle)
                assertEquals(label, waymark.search("паспорт").title)
            }
        }
    }
}

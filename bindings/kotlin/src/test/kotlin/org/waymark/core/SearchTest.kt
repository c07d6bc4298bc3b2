package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** Search: `Waymark.search(query)`, with results as highlighted pieces and the action to open. */
class SearchTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a Russian word finds its other forms, marked in pieces a shell joins without offsets`() {
        openProfile(dir, language = "ru").use { waymark ->
            val view = waymark.search("паспортом")
            assertEquals("Поиск", view.title)
            val first = view.results.first()
            assertEquals(SearchKind.CHECKLIST_ITEM, first.kind)
            assertEquals(Action.OpenChecklistItem("keep-your-passport"), first.action)
            assertEquals(first.title, first.titleParts.joinToString("") { it.text })
            assertEquals(listOf("паспорт"), first.titleParts.filter { it.highlighted }.map { it.text })
            val marked = view.results.flatMap { r -> r.snippet.filter { it.highlighted }.map { it.text.lowercase() } }
            assertTrue("паспорта" in marked, "$marked")
            assertEquals("ru", first.language)
        }
    }

    @Test
    fun `own items are found, nothing found is an empty list, and a blank query is refused`() {
        openProfile(dir).use { waymark ->
            waymark.checklistAddOwnItem("Pack a thermos flask", MONDAY_10_MOSCOW)
            val own = waymark.search("thermoses").results.single()
            assertNull(own.language)
            assertTrue(own.action is Action.OpenChecklistItem)
            assertTrue(waymark.search("zzzqqq").results.isEmpty())
            val error = assertFailsWith<WaymarkException.InvalidInput> { waymark.search("   ") }
            assertEquals("query", error.field)
        }
    }
}

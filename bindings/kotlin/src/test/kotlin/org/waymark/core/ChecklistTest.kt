package org.waymark.core

import java.nio.file.Path
import java.time.Instant
import kotlin.test.Test
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The pre-departure checklist: `checklist`, `checklistMarkDone`, `checklistUndo`, own items. */
class ChecklistTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a new checklist has the eleven rules in order, nothing done, with labels`() {
        openProfile(dir).use { waymark ->
            val view = waymark.checklist()
            assertEquals("Checklist", view.title)
            assertEquals(ChecklistProgress(0u, 11u, "0 of 11 done"), view.progress)
            assertEquals((1u..11u).toList(), view.items.map { it.rule })
            assertEquals((1u..11u).toList(), view.items.map { it.number })
            assertTrue(view.canAddOwnItem)
            assertEquals("Why it matters", view.whyLabel)
            assertEquals("How to do it", view.howLabel)
            assertEquals("Read more", view.readMoreLabel)
            val first = view.items[0]
            assertEquals("agency-licence", first.id)
            assertFalse(first.done)
            assertNull(first.doneAt)
            assertNull(first.doneLabel)
            assertFalse(first.isOwn)
            assertEquals("en", first.language)
            assertNotNull(first.why)
            assertNotNull(first.how)
            assertEquals("check-the-agency", assertNotNull(first.article).id)
        }
    }

    @Test
    fun `marking done keeps the exact instant and the first time, and undo clears it`() {
        openProfile(dir).use { waymark ->
            val first = at("2026-03-02T07:00:00.123Z")
            val marked = waymark.checklistMarkDone("work-visa", first)
            val item = marked.items.first { it.id == "work-visa" }
            assertTrue(item.done)
            assertEquals(first, item.doneAt, "milliseconds survive the round trip")
            assertEquals("Done 2 Mar 2026, 10:00", item.doneLabel)
            assertEquals(1u, marked.progress.done)

            val again = waymark.checklistMarkDone("work-visa", first.plusSeconds(3600))
            assertEquals(first, again.items.first { it.id == "work-visa" }.doneAt)

            val undone = waymark.checklistUndo("work-visa")
            val cleared = undone.items.first { it.id == "work-visa" }
            assertFalse(cleared.done)
            assertNull(cleared.doneAt)
            assertNull(cleared.doneLabel)
            assertEquals(0u, undone.progress.done)
        }
    }

    @Test
    fun `instants before 1970 and far ahead cross the boundary unchanged`() {
        openProfile(dir).use { waymark ->
            for (moment in listOf(at("1969-07-20T20:17:40Z"), at("2100-01-01T00:00:00Z"), Instant.EPOCH)) {
                val item = waymark.checklistMarkDone("return-ticket", moment).items.first { it.id == "return-ticket" }
                assertEquals(moment, item.doneAt)
                waymark.checklistUndo("return-ticket")
            }
        }
    }

    @Test
    fun `own items are added at the end, trimmed, can be done and removed`() {
        openProfile(dir).use { waymark ->
            val added = waymark.checklistAddOwnItem("  Copy the employer's address  ", MONDAY_10_MOSCOW)
            assertEquals(12u, added.progress.total)
            val own = added.items.last()
            assertEquals("Copy the employer's address", own.title)
            assertEquals(12u, own.number)
            assertTrue(own.isOwn)
            assertNull(own.rule)
            assertNull(own.why)
            assertNull(own.how)
            assertNull(own.article)
            assertNull(own.language)

            val done = waymark.checklistMarkDone(own.id, MONDAY_10_MOSCOW)
            assertTrue(done.items.last().done)

            val removed = waymark.checklistRemoveOwnItem(own.id)
            assertEquals(11u, removed.progress.total)
            assertTrue(removed.items.none { it.id == own.id })
        }
    }

    @Test
    fun `bad own items are rejected naming the field, and nothing is added`() {
        openProfile(dir).use { waymark ->
            for (text in listOf("", "   ", "x".repeat(201), "two\nlines")) {
                val error = assertFailsWith<WaymarkException.InvalidInput>(text) {
                    waymark.checklistAddOwnItem(text, MONDAY_10_MOSCOW)
                }
                assertEquals("text", error.field)
            }
            waymark.checklistAddOwnItem("x".repeat(200), MONDAY_10_MOSCOW)
            assertEquals(12u, waymark.checklist().progress.total)
        }
    }

    @Test
    fun `a checklist holds at most fifty own items`() {
        openProfile(dir).use { waymark ->
            repeat(50) { waymark.checklistAddOwnItem("Item ${it + 1}", MONDAY_10_MOSCOW) }
            val full = waymark.checklist()
            assertFalse(full.canAddOwnItem)
            val error = assertFailsWith<WaymarkException.InvalidInput> {
                waymark.checklistAddOwnItem("One more", MONDAY_10_MOSCOW)
            }
            assertEquals("text", error.field)
            assertEquals(61u, waymark.checklist().progress.total)
        }
    }

    @Test
    fun `built-in items cannot be removed and unknown items are not found`() {
        openProfile(dir).use { waymark ->
            val builtIn = assertFailsWith<WaymarkException.InvalidInput> {
                waymark.checklistRemoveOwnItem("agency-licence")
            }
            assertEquals("item_id", builtIn.field)
            for (call in listOf<(Waymark) -> Unit>(
                { it.checklistMarkDone("no-such-item", MONDAY_10_MOSCOW) },
                { it.checklistUndo("no-such-item") },
                { it.checklistRemoveOwnItem("no-such-item") },
            )) {
                val error = assertFailsWith<WaymarkException.NotFound> { call(waymark) }
                assertEquals("checklist item", error.what)
                assertEquals("no-such-item", error.id)
            }
            assertEquals(0u, waymark.checklist().progress.done)
        }
    }

    @Test
    fun `the checklist comes in Russian with Russian dates`() {
        openProfile(dir, language = "ru").use { waymark ->
            val view = waymark.checklistMarkDone("agency-licence", MONDAY_10_MOSCOW)
            assertEquals("Список дел", view.title)
            assertEquals("ru", view.items[0].language)
            assertEquals("Сделано 02.03.2026, 10:00", view.items[0].doneLabel)
            assertContains(view.progress.label, "1")
        }
    }
}

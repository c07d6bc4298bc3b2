package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The guide: `Waymark.guide()` and `Waymark.article(id)`, with the `Block` body and links. */
class GuideTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the contents list every section and article in order`() {
        openProfile(dir).use { waymark ->
            val guide = waymark.guide()
            assertEquals("Guide", guide.title)
            assertEquals((1..guide.sections.size).map { it.toUInt() }, guide.sections.map { it.position })
            val first = guide.sections.first()
            assertEquals("understand", first.id)
            assertEquals("what-is-trafficking", first.articles.first().id)
            assertEquals(1u, first.articles.first().position)
            val ids = guide.sections.flatMap { s -> s.articles.map { it.id } }
            assertEquals(ids.distinct(), ids, "each article appears once")
            assertContains(ids, "red-flags")
        }
    }

    @Test
    fun `an article has its body, section and neighbours, with none before the first`() {
        openProfile(dir).use { waymark ->
            val first = waymark.article("what-is-trafficking")
            assertEquals("understand", first.sectionId)
            assertTrue(first.blocks.isNotEmpty())
            assertNull(first.previous)
            assertEquals("who-is-at-risk", assertNotNull(first.next).id)
            assertEquals("Previous", first.previousLabel)
            assertEquals("Next", first.nextLabel)
            val last = waymark.guide().sections.last().articles.last()
            assertNull(waymark.article(last.id).next)
        }
    }

    @Test
    fun `the safety rules are a numbered list of eleven that link to the checklist`() {
        openProfile(dir).use { waymark ->
            val rules = waymark.article("safety-rules")
            val lists = rules.blocks.filterIsInstance<Block.NumberedList>()
            assertTrue(lists.any { it.items.size == 11 }, "$lists")
            assertContains(links(rules.blocks), Action.OpenChecklistItem("keep-your-passport"))
            val plain = lists.first { it.items.size == 11 }.items[0].spans.joinToString("") { it.text }
            assertTrue(plain.startsWith("Make sure the agency has a licence"), plain)
        }
    }

    @Test
    fun `callouts carry a tone and a localised label, links open articles and contacts`() {
        openProfile(dir).use { waymark ->
            val articles = waymark.guide().sections.flatMap { it.articles }.map { waymark.article(it.id) }
            val callouts = articles.flatMap { it.blocks }.filterIsInstance<Block.Callout>()
            assertTrue(callouts.isNotEmpty())
            val labels = mapOf(
                CalloutTone.NOTE to "Note",
                CalloutTone.TIP to "Tip",
                CalloutTone.IMPORTANT to "Important",
                CalloutTone.WARNING to "Warning",
            )
            for (callout in callouts) {
                assertEquals(labels.getValue(callout.tone), callout.label)
                assertTrue(callout.paragraphs.isNotEmpty())
            }
            val allLinks = articles.flatMap { links(it.blocks) }
            assertContains(allLinks, Action.OpenContact("hotline"))
            assertContains(allLinks, Action.OpenArticle("red-flags"))
            val spans = articles.flatMap { it.blocks }.filterIsInstance<Block.Paragraph>().flatMap { it.text.spans }
            assertTrue(spans.any { it.strong }, "bold text survives the FFI")
            assertTrue(spans.any { it.link == null }, "plain text has no link")
        }
    }

    @Test
    fun `a language without texts shows Russian and says so`() {
        openProfile(dir, language = "ky").use { waymark ->
            assertEquals("ky", waymark.language())
            assertEquals("ru", waymark.article("red-flags").language)
        }
    }

    @Test
    fun `an unknown article is not found, with its id`() {
        openProfile(dir).use { waymark ->
            val error = assertFailsWith<WaymarkException.NotFound> { waymark.article("no-such-article") }
            assertEquals("article", error.what)
            assertEquals("no-such-article", error.id)
        }
    }
}

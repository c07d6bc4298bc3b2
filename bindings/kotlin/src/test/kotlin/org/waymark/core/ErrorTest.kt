package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import org.junit.jupiter.api.io.TempDir

/** `WaymarkError` as Kotlin sees it: one sealed `WaymarkException` with a variant per kind. */
class ErrorTest {
    @TempDir
    lateinit var dir: Path

    /** A bug report's line: an exhaustive `when`, so a new variant fails to compile. */
    private fun describe(error: WaymarkException): String = when (error) {
        is WaymarkException.InvalidInput -> "invalid ${error.field}: ${error.reason}"
        is WaymarkException.NotFound -> "no ${error.what} ${error.id}"
        is WaymarkException.ProfileUnreadable -> "unreadable: ${error.reason}"
        is WaymarkException.Storage -> "storage: ${error.reason}"
        is WaymarkException.ContentRejected -> "content: ${error.reason}"
        is WaymarkException.Internal -> "bug: ${error.reason}"
    }

    /** What a shell shows: every variant's `shown` (the sealed class has no common field). */
    private fun shown(error: WaymarkException): String = when (error) {
        is WaymarkException.InvalidInput -> error.shown
        is WaymarkException.NotFound -> error.shown
        is WaymarkException.ProfileUnreadable -> error.shown
        is WaymarkException.Storage -> error.shown
        is WaymarkException.ContentRejected -> error.shown
        is WaymarkException.Internal -> error.shown
    }

    @Test
    fun `errors from the core are thrown as subclasses of one sealed exception`() {
        openProfile(dir).use { waymark ->
            val thrown = assertFailsWith<WaymarkException> { waymark.article("nope") }
            assertIs<Exception>(thrown)
            assertEquals("no article nope", describe(thrown))
            // Kotlin's own message lists the fields: for logs, never for the screen.
            assertEquals("what=article, id=nope, shown=${shown(thrown)}", thrown.message)
        }
    }

    @Test
    fun `every error carries words for the person in the profile's language`() {
        openProfile(dir, language = "ru").use { waymark ->
            val gone = assertFailsWith<WaymarkException.NotFound> { waymark.article("nope") }
            assertEquals("Этой статьи нет в справочнике. Возможно, её убрали при обновлении материалов.", gone.shown)
            val blank = assertFailsWith<WaymarkException.InvalidInput> {
                waymark.checklistAddOwnItem("  ", MONDAY_10_MOSCOW)
            }
            assertEquals(blank.reason, blank.shown)
        }
        assertEquals("words", shown(WaymarkException.Internal("oops", "words")))
    }

    @Test
    fun `every variant carries its reason and its words`() {
        // Internal cannot be provoked through the API (no known bug): the shapes are checked here
        // so shells can rely on them. ContentPackTest provokes ContentRejected.
        val all = listOf(
            WaymarkException.InvalidInput("text", "must not be blank", "must not be blank"),
            WaymarkException.NotFound("contact", "x", "This contact is not in Waymark, or it was removed."),
            WaymarkException.ProfileUnreadable("damaged", "Waymark's saved data is damaged and cannot be read."),
            WaymarkException.Storage("disk full", "The storage is full."),
            WaymarkException.ContentRejected(PackRejection.BAD_SIGNATURE, "bad signature", "Not installed."),
            WaymarkException.Internal("oops", "Something went wrong in Waymark."),
        )
        assertEquals(
            listOf(
                "invalid text: must not be blank",
                "no contact x",
                "unreadable: damaged",
                "storage: disk full",
                "content: bad signature",
                "bug: oops",
            ),
            all.map(::describe),
        )
        assertEquals(6, all.map(::shown).filter { it.isNotBlank() }.size)
    }

    @Test
    fun `a failed call leaves the object usable`() {
        openProfile(dir).use { waymark ->
            assertFailsWith<WaymarkException.InvalidInput> { waymark.checklistAddOwnItem("", MONDAY_10_MOSCOW) }
            assertEquals(11u, waymark.checklist().progress.total)
        }
    }

    @Test
    fun `an invalid input is explained in the profile's language with the same field`() {
        openProfile(dir, language = "ru").use { waymark ->
            val russian = assertFailsWith<WaymarkException.InvalidInput> {
                waymark.checklistAddOwnItem("  ", MONDAY_10_MOSCOW)
            }
            assertEquals("text" to "не может быть пустым", russian.field to russian.reason)
            waymark.setLanguage("en")
            val english = assertFailsWith<WaymarkException.InvalidInput> {
                waymark.checklistAddOwnItem("  ", MONDAY_10_MOSCOW)
            }
            assertEquals("text" to "must not be blank", english.field to english.reason)
        }
    }
}

package org.waymark.core

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** Releasing objects: `close()`, `use {}`, and what happens after. */
class LifetimeTest {
    @TempDir
    lateinit var dir: Path

    private val wal get() = dir.resolve("profile.sqlite-wal")

    @Test
    fun `closing releases the profile file`() {
        val waymark = openProfile(dir)
        waymark.checklistMarkDone("agency-licence", MONDAY_10_MOSCOW)
        assertTrue(Files.exists(wal), "an open profile keeps its write-ahead log")
        assertFalse(waymark.uniffiIsDestroyed)
        waymark.close()
        assertTrue(waymark.uniffiIsDestroyed)
        assertFalse(Files.exists(wal), "the last connection checkpointed and closed the log")
    }

    @Test
    fun `use closes even when the block throws`() {
        var escaped: Waymark? = null
        assertFailsWith<WaymarkException.NotFound> {
            openProfile(dir).use { waymark ->
                escaped = waymark
                waymark.article("missing")
            }
        }
        assertTrue(escaped!!.uniffiIsDestroyed)
        assertFalse(Files.exists(wal))
    }

    @Test
    fun `a closed object refuses calls instead of crashing, and closing twice is harmless`() {
        val waymark = openProfile(dir)
        waymark.close()
        waymark.close()
        val error = assertFailsWith<IllegalStateException> { waymark.home(MONDAY_10_MOSCOW) }
        assertContains(error.message!!, "destroyed")
    }

    @Test
    fun `records stay valid after the object that made them is closed`() {
        val view = openProfile(dir).use { it.checklist() }
        assertEquals(11, view.items.size)
        assertEquals("agency-licence", view.items[0].id)
    }

    @Test
    fun `opening and closing many times leaks nothing that stops the next open`() {
        repeat(200) { n ->
            openProfile(dir).use { waymark ->
                if (n % 50 == 0) waymark.checklistAddOwnItem("Round $n", MONDAY_10_MOSCOW)
            }
        }
        openProfile(dir).use { assertEquals(15u, it.checklist().progress.total) }
    }
}

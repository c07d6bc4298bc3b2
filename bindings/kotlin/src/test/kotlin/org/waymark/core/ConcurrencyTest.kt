package org.waymark.core

import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** One `Waymark` shared by several threads at once, as a shell's background executor would. */
class ConcurrencyTest {
    @TempDir
    lateinit var dir: Path

    private val threads = 8

    private fun <T> onThreads(task: (Int) -> T): List<T> {
        val pool = Executors.newFixedThreadPool(threads)
        try {
            val start = CyclicBarrier(threads)
            val futures = (0 until threads).map { n ->
                pool.submit(Callable { start.await(); task(n) })
            }
            return futures.map { it.get(60, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun `writes from many threads all land, each in its own transaction`() {
        openProfile(dir).use { waymark ->
            val perThread = 5
            onThreads { n ->
                repeat(perThread) { i ->
                    waymark.checklistAddOwnItem("Thread $n item $i", MONDAY_10_MOSCOW)
                    waymark.home(MONDAY_10_MOSCOW)
                }
                waymark.checklistMarkDone(waymark.checklist().items[n].id, MONDAY_10_MOSCOW)
            }
            val view = waymark.checklist()
            assertEquals((11 + threads * perThread).toUInt(), view.progress.total)
            assertEquals(threads.toUInt(), view.progress.done)
            val titles = view.items.filter { it.isOwn }.map { it.title }.toSet()
            assertEquals(threads * perThread, titles.size, "no item lost or doubled")
            assertEquals(view.items.indices.map { (it + 1).toUInt() }, view.items.map { it.number })
        }
    }

    @Test
    fun `a screen is rendered in one language even while another thread switches it`() {
        openProfile(dir).use { waymark ->
            val seen = onThreads { n ->
                (0 until 20).map {
                    if (n == 0) {
                        waymark.setLanguage(if (it % 2 == 0) "ru" else "en")
                        null
                    } else {
                        val guide = waymark.guide()
                        val languages = guide.sections.map { it.language }.toSet()
                        assertEquals(1, languages.size, "one call, one language: $languages")
                        val expected = if (languages.single() == "ru") "Справочник" else "Guide"
                        assertEquals(expected, guide.title)
                        languages.single()
                    }
                }
            }
            assertTrue(seen.flatten().filterNotNull().isNotEmpty())
        }
    }
}

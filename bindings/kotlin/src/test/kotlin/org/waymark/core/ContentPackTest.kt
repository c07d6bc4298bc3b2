package org.waymark.core

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** Content packs: `installContentPack`, `contentInfo`, `contentPackView`, `resetContentPack`. */
class ContentPackTest {
    @TempDir
    lateinit var dir: Path

    /**
     * Written by `cargo xtask bindings`: the content one version newer than the built-in pack,
     * signed with the test key that debug builds of the library trust.
     */
    private fun packBytes(): ByteArray {
        val path = Path.of(System.getProperty("waymark.test.pack"))
        assertTrue(Files.isRegularFile(path), "$path is missing: run `cargo xtask bindings`")
        return Files.readAllBytes(path)
    }

    @Test
    fun `a signed pack installs, shows in the content screen and resets`() {
        openProfile(dir, language = "ru").use { waymark ->
            waymark.checklistMarkDone("agency-licence", MONDAY_10_MOSCOW)
            val before = waymark.contentInfo()
            assertEquals(ContentSource.EMBEDDED, before.source)

            val info = waymark.installContentPack(packBytes(), MONDAY_10_MOSCOW)
            assertEquals(ContentSource.INSTALLED, info.source)
            assertEquals(before.embeddedVersion + 1u, info.version)
            assertEquals(MONDAY_10_MOSCOW, info.installedAt)
            assertEquals(listOf("en", "ru", "uz"), info.languages)
            val view = waymark.contentPackView()
            assertEquals("Материалы", view.title)
            assertEquals("Установленное обновление", view.lines.first().value)
            assertEquals("Вернуть встроенные материалы", view.resetLabel)

            val reset = waymark.resetContentPack()
            assertEquals(ContentSource.EMBEDDED, reset.source)
            assertNull(reset.installedAt)
            assertNull(waymark.contentPackView().resetLabel)
            assertTrue(waymark.checklist().items.first { it.id == "agency-licence" }.done)
        }
    }

    @Test
    fun `a changed or cut pack is refused with its kind and the content stays`() {
        openProfile(dir).use { waymark ->
            val good = packBytes()
            val before = waymark.contentInfo()
            val tampered = good.copyOf().also { it[200] = (it[200].toInt() xor 1).toByte() }
            val cases = listOf(
                tampered to PackRejection.BAD_SIGNATURE,
                good.copyOf(good.size / 2) to PackRejection.TRUNCATED,
                good.copyOf(good.size - 96) to PackRejection.UNSIGNED,
                "not a pack".toByteArray() to PackRejection.BAD_FORMAT,
                ByteArray(contentPackMaxBytes().toInt() + 1) to PackRejection.TOO_LARGE,
            )
            for ((bytes, kind) in cases) {
                val error = assertFailsWith<WaymarkException.ContentRejected> {
                    waymark.installContentPack(bytes, MONDAY_10_MOSCOW)
                }
                assertEquals(kind, error.kind)
                assertTrue(error.reason.isNotBlank())
                assertEquals(before, waymark.contentInfo())
            }
        }
    }
}

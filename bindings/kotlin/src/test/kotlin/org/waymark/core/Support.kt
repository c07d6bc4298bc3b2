package org.waymark.core

import java.nio.file.Path
import java.time.Instant

// Helpers shared by the feature-area tests. Each test class gets its own folder from JUnit's
// @TempDir, so every test starts from a new profile.

/** The profile key a shell keeps in the platform keystore: 32 bytes, the same at every launch. */
internal val PROFILE_KEY: ByteArray = ByteArray(32) { 42 }

/** Opens (creating) the profile `profile.sqlite` in `dir`. The caller closes it. */
internal fun openProfile(
    dir: Path,
    language: String = "en",
    timeZone: String = "Europe/Moscow",
    key: ByteArray = PROFILE_KEY,
): Waymark = Waymark.open(dir.resolve("profile.sqlite").toString(), WaymarkOptions(language, timeZone, key))

/** An instant written as RFC 3339 text, so each test says which moment it means. */
internal fun at(text: String): Instant = Instant.parse(text)

/** Monday 2 March 2026, 10:00 in Moscow: within the hotline's hours (Mon–Fri 08:30–18:30). */
internal val MONDAY_10_MOSCOW: Instant = at("2026-03-02T07:00:00Z")

/** Sunday 1 March 2026, 15:00 in Moscow: the hotline is closed. */
internal val SUNDAY_15_MOSCOW: Instant = at("2026-03-01T12:00:00Z")

/** Every link in an article body, in reading order. */
internal fun links(blocks: List<Block>): List<Action> = blocks.flatMap { block ->
    val texts = when (block) {
        is Block.Heading -> emptyList()
        is Block.Paragraph -> listOf(block.text)
        is Block.BulletList -> block.items
        is Block.NumberedList -> block.items
        is Block.Callout -> block.paragraphs
    }
    texts.flatMap { text -> text.spans.mapNotNull { it.link } }
}

package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The words a shell puts around the view models: `Waymark.shellTexts()`. */
class ShellTextsTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the form labels follow the language`() {
        openProfile(dir, language = "ru").use { waymark ->
            val ru = waymark.shellTexts()
            assertEquals("Имя", ru.contactName)
            assertEquals("Номер телефона", ru.contactPhone)
            assertTrue(ru.contactPhoneHint.contains("+44 7700 900123"))
            assertTrue(ru.offerAdText.startsWith("Текст объявления"))
            assertEquals("Отметиться", ru.checkInButton)
            waymark.setLanguage("en")
            val en = waymark.shellTexts()
            assertEquals(listOf("Name", "Who this is", "Phone number"), listOf(en.contactName, en.contactKind, en.contactPhone))
            assertEquals("Check in", en.checkInButton)
            assertEquals("Check the ad", en.adCheckButton)
            assertEquals("Проверить объявление", ru.adCheckButton)
        }
    }

    @Test
    fun `there is one notification channel per alert kind, with a stable id`() {
        openProfile(dir).use { waymark ->
            val channels = waymark.shellTexts().alertChannels
            assertEquals(AlertKind.entries.toSet(), channels.map { it.kind }.toSet())
            assertEquals(channels.size, channels.map { it.id }.toSet().size)
            assertEquals("checkin_reminder", channels.first { it.kind == AlertKind.CHECKIN_REMINDER }.id)
            assertTrue(channels.all { it.name.isNotBlank() && it.description.isNotBlank() })
        }
    }
}

package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The form labels of `Waymark.shellTexts()` for the own contact form and the job ad field. */
class ShellTextsFormsTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the contact form and the ad field are labelled in the person's language`() {
        openProfile(dir, language = "ru").use { waymark ->
            val ru = waymark.shellTexts()
            assertEquals("Имя", ru.contactName)
            assertEquals("Номер телефона", ru.contactPhone)
            assertTrue(ru.offerAdText.startsWith("Текст объявления"))
            waymark.setLanguage("en")
            val en = waymark.shellTexts()
            assertEquals(listOf("Name", "Who this is", "Phone number"), listOf(en.contactName, en.contactKind, en.contactPhone))
        }
    }
}

package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/** The built-in contact directory: `Waymark.contact(id, now)`. */
class ContactTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the hotline has its number, hours in Moscow time and its state at now`() {
        openProfile(dir, timeZone = "America/New_York").use { waymark ->
            val hotline = waymark.contact("hotline", MONDAY_10_MOSCOW)
            assertEquals("hotline", hotline.kind)
            assertEquals("Counter-trafficking hotline", hotline.name)
            assertEquals("Russia", hotline.country)
            assertEquals("Mon–Fri, 08:30–18:30, Moscow time", hotline.hours)
            assertEquals(true, hotline.openNow)
            assertEquals("Usually answers at this hour", hotline.status)
            val phone = hotline.phones.single()
            assertEquals("8-800-333-00-16", phone.number)
            assertEquals("+78003330016", phone.e164)
            assertTrue(phone.tollFree)
            assertNotNull(phone.costNote)
            assertEquals(Action.Dial("tel:+78003330016"), phone.call)
            assertTrue(hotline.services.isNotEmpty())
            assertEquals("Phone", hotline.labels.phones)

            val sunday = waymark.contact("hotline", SUNDAY_15_MOSCOW)
            assertEquals(false, sunday.openNow)
            assertEquals("Usually closed at this hour", sunday.status)
        }
    }

    @Test
    fun `unknown hours, no phones and no capacity are null or empty, not made up`() {
        openProfile(dir).use { waymark ->
            val centre = waymark.contact("info-centre", MONDAY_10_MOSCOW)
            assertNull(centre.hours)
            assertNull(centre.openNow)
            assertNull(centre.status)
            assertNull(centre.capacity)
            assertNull(centre.capacityText)
            assertNull(centre.referralVia)
            assertTrue(centre.phones.isEmpty())
            assertEquals("2-ya Zvenigorodskaya Street 12, Moscow", centre.address)
        }
    }

    @Test
    fun `the shelter has a capacity and is reached through the hotline`() {
        openProfile(dir).use { waymark ->
            val shelter = waymark.contact("shelter", MONDAY_10_MOSCOW)
            assertEquals(8u, shelter.capacity)
            assertEquals("Room for 8 people at a time", shelter.capacityText)
            assertEquals(ContactRef("hotline", "Counter-trafficking hotline"), shelter.referralVia)
            assertNull(shelter.address)
            assertEquals("How to get a place", shelter.labels.referral)
        }
    }

    @Test
    fun `contacts come in Russian`() {
        openProfile(dir, language = "ru").use { waymark ->
            val hotline = waymark.contact("hotline", MONDAY_10_MOSCOW)
            assertEquals("ru", hotline.language)
            assertEquals("Россия", hotline.country)
            assertEquals("Обычно в это время отвечают", hotline.status)
            assertFalse(hotline.name == "Counter-trafficking hotline")
        }
    }

    @Test
    fun `an unknown contact is not found`() {
        openProfile(dir).use { waymark ->
            val error = assertFailsWith<WaymarkException.NotFound> { waymark.contact("embassy", MONDAY_10_MOSCOW) }
            assertEquals("contact", error.what)
            assertEquals("embassy", error.id)
        }
    }
}

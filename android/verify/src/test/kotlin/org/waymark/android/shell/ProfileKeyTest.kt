package org.waymark.android.shell

import java.nio.file.Files
import java.time.Instant
import java.time.ZoneId
import java.util.Locale
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import org.waymark.android.Core
import org.waymark.android.KeyVault
import org.waymark.core.Waymark
import org.waymark.core.WaymarkException
import org.waymark.core.WaymarkOptions

/**
 * The profile key on Android: made once, kept wrapped by a Keystore key in the no-backup folder,
 * read before the profile opens; and never made anew for an encrypted profile whose key is lost.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class ProfileKeyTest {
    private val app get() = RuntimeEnvironment.getApplication()

    private val plaintextMagic = "SQLite format 3\u0000".toByteArray(Charsets.US_ASCII)

    /** The profile's own files, by name, with their bytes. */
    private fun profileFiles(): Map<String, List<Byte>> =
        appFiles().filterKeys(::isProfileFile).mapValues { it.value.toList() }

    /** What the core says when the app gives it no key, in the phone's language. */
    private fun missingKeyWords(): String {
        val elsewhere = Files.createTempDirectory("no-key").resolve("p.sqlite").toString()
        try {
            Waymark.open(elsewhere, WaymarkOptions(Locale.getDefault().language, ZoneId.systemDefault().id, ByteArray(0)))
        } catch (e: WaymarkException.InvalidInput) {
            assertEquals("profile_key", e.field)
            return e.shown
        }
        fail("the core opened a profile without a key")
        error("unreachable")
    }

    @Test
    fun the_key_is_made_once_read_before_the_open_and_survives_a_restart() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        val keyFile = KeyVault.keyFile(app)
        assertTrue("the key is kept in the no-backup folder", keyFile.path.startsWith(app.noBackupFilesDir.path))
        val sealedKey = keyFile.readBytes()
        assertFalse("the key file holds the key sealed, not a bare 32 bytes", sealedKey.size == 32)
        val profile = Core.profileFile(app)
        val header = profile.readBytes().copyOf(16)
        assertFalse("the profile was encrypted at its first open", header.contentEquals(plaintextMagic))

        // The process ends and starts again: the same key is read from the vault before the
        // open, and the profile opens with Anna's trip in it.
        val again = shell.restart()
        assertEquals("Anna", again.ask { it.tripPlanForm(Instant.now()).plan.travellerName })
        assertTrue("the home screen: ${again.texts()}", again.shows(again.ask { it.home(Instant.now()) }.title))
        assertArrayEquals("the same key, not a new one", sealedKey, keyFile.readBytes())
    }

    @Test
    fun a_lost_keystore_entry_shows_the_core_s_words_and_makes_no_new_key_or_profile() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        shell.stop()
        val before = profileFiles()
        assertTrue(before.keys.any { it.endsWith("/profile.sqlite") })
        val sealedKey = KeyVault.keyFile(app).readBytes()

        // The Keystore's entry is gone (a lock screen reset can do that): the key file cannot be
        // opened, and a new key would not open the profile.
        FakeAndroidKeyStore.loseKeys()
        val started = Shell.launch(keepKeystore = true)
        assertTrue("the core's words for a missing key: ${started.texts()}", started.shows(missingKeyWords()))
        assertEquals("no new Keystore key", emptySet<String>(), FakeAndroidKeyStore.aliases())
        assertArrayEquals("the key file is left as it was", sealedKey, KeyVault.keyFile(app).readBytes())
        started.stop()
        assertEquals("the profile is left byte for byte", before, profileFiles())
    }

    @Test
    fun a_lost_key_file_shows_the_core_s_words_and_the_profile_opens_again_once_it_is_back() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        shell.stop()
        val before = profileFiles()
        val keyFile = KeyVault.keyFile(app)
        val sealedKey = keyFile.readBytes()

        assertTrue(keyFile.delete())
        val started = Shell.launch(keepKeystore = true)
        assertTrue("the core's words for a missing key: ${started.texts()}", started.shows(missingKeyWords()))
        assertFalse("no new key file", keyFile.exists())
        started.stop()
        assertEquals("the profile is left byte for byte", before, profileFiles())

        // The key is back (say, restored by hand): the same profile opens, with its trip.
        keyFile.writeBytes(sealedKey)
        val restored = Shell.launch(keepKeystore = true)
        assertEquals("Anna", restored.ask { it.tripPlanForm(Instant.now()).plan.travellerName })
    }

    @Test
    fun a_plaintext_profile_from_the_last_release_is_sealed_with_the_key_it_had_or_a_new_one() {
        // No key yet (a release before the family's secrets were sealed): a key is made.
        FakeAndroidKeyStore.install()
        val profile = Core.profileFile(app)
        profile.parentFile!!.mkdirs()
        profile.writeBytes(plaintextProfile)
        val shell = Shell.launch(keepKeystore = true)
        assertTrue("the home screen: ${shell.texts()}", shell.shows(shell.ask { it.home(Instant.now()) }.title))
        val sealedKey = KeyVault.keyFile(app).readBytes()
        shell.stop()
        val sealed = profile.readBytes()
        assertFalse("sealed at the first open", sealed.copyOf(16).contentEquals(plaintextMagic))
        assertFalse(String(sealed, Charsets.ISO_8859_1).contains("Zarina Karimova"))

        // The key the last release kept is used, not replaced.
        for (name in listOf("profile.sqlite", "profile.sqlite-wal", "profile.sqlite-shm")) {
            java.io.File(profile.parentFile, name).delete()
        }
        profile.writeBytes(plaintextProfile)
        val again = Shell.launch(keepKeystore = true)
        assertTrue(again.shows(again.ask { it.home(Instant.now()) }.title))
        assertArrayEquals("the same key", sealedKey, KeyVault.keyFile(app).readBytes())
        again.stop()
        assertFalse(profile.readBytes().copyOf(16).contentEquals(plaintextMagic))
    }
}

/**
 * An unencrypted SQLite file holding "Zarina Karimova", as a profile of the last release is
 * unencrypted (512-byte pages; made with Python's sqlite3: `CREATE TABLE notes(text)` and
 * one row).
 */
internal val plaintextProfile: ByteArray = java.util.Base64.getDecoder().decode(
        "U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAAAgAAAAIAAAAAAAAAAAAAAAEAAAAEAAAAAAAAAAAAAAABAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAC5jAQ0AAAABAdAAAdAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAuAQYXFxcBPXRhYmxlbm90ZXNub3RlcwJDUkVBVEUgVEFCTEUgbm90ZXModGV4dCkNAAAAAQHtAAHtAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAAAEQECK1phcmluYSBLYXJpbW92YQ==",
)

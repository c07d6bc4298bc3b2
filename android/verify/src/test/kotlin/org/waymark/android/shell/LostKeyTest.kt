package org.waymark.android.shell

import android.app.AlertDialog
import android.app.NotificationManager
import android.widget.EditText
import java.io.File
import java.nio.file.Files
import java.time.Instant
import java.util.Locale
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager
import org.robolectric.shadows.ShadowAlertDialog
import org.waymark.android.Alerts
import org.waymark.android.Core
import org.waymark.android.KeyVault
import org.waymark.core.OwnContactInput
import org.waymark.core.OwnContactKind
import org.waymark.core.ShellTexts
import org.waymark.core.shellTextsWithoutProfile

/**
 * An encrypted profile whose key is lost can never be opened again: the screen that shows the
 * core's words for it offers "Erase all Waymark data" (the core's words in the phone's language,
 * one question, no PIN), which leaves the app as on a first run. It is offered for that alone:
 * not when the vault has a key, nor for a profile the core does not call encrypted.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class LostKeyTest {
    private val app get() = RuntimeEnvironment.getApplication()
    private val notifications get() = app.getSystemService(NotificationManager::class.java)

    /** What the core says where no profile opens, in the phone's language. */
    private fun words(): ShellTexts = shellTextsWithoutProfile(Locale.getDefault().language)

    private val personal = listOf("Zarina Karimova", "Samarkand Registan", "Mama Olga", "9161234567", SIGNAL_PHRASE)

    /** A traveller with a trip, an own contact, alarms set and the test alarm's notification shown. */
    private fun fill(shell: Shell) {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val now = Instant.now()
        shell.ask { core ->
            planTrip(core, now, "Zarina Karimova", "Samarkand Registan")
            core.saveOwnContact(null, OwnContactInput("Mama Olga", OwnContactKind.FAMILY, "RU", "+7 916 123-45-67", ""), now)
            core.startTestAlarm(now)
        }
        Alerts.replan(shell.activity)
        shell.settle()
        soundTestAlarm(shell)
        File(app.cacheDir, "shared.png").writeBytes(byteArrayOf(1, 2, 3))
    }

    /** Whether the erase entry is on screen, by any of its words. */
    private fun Shell.offersErase(texts: ShellTexts): Boolean =
        buttons().contains(texts.eraseTitle) || shows(texts.eraseAbout)

    @Test
    fun a_lost_key_offers_erase_and_erasing_leaves_a_first_run() {
        val shell = Shell.launch()
        val fresh = appFiles().keys
        fill(shell)
        assertTrue("alerts scheduled", scheduledAlertIds().isNotEmpty())
        assertTrue("a notification shown", notifications.activeNotifications.isNotEmpty())
        shell.stop()
        val oldKey = KeyVault.keyFile(app).readBytes()

        // The Keystore's entry is gone: the key file cannot be unsealed, the profile not opened.
        FakeAndroidKeyStore.loseKeys()
        val before = appFiles().mapValues { it.value.toList() }
        val started = Shell.launch(keepKeystore = true)
        val texts = words()
        assertTrue("the entry: ${started.texts()}", started.buttons().contains(texts.eraseTitle))
        assertTrue("its explanation: ${started.texts()}", started.shows(texts.eraseAbout))
        assertTrue("the core's words stay above it", started.texts().first().isNotBlank())

        // One question in the core's words, no PIN; cancel changes nothing.
        started.tap(texts.eraseTitle)
        var dialog = ShadowAlertDialog.getLatestAlertDialog() as AlertDialog
        assertTrue(dialog.isShowing)
        assertEquals(texts.eraseQuestion, shadowOf(dialog).message.toString())
        assertEquals(texts.eraseConfirm, dialog.getButton(AlertDialog.BUTTON_POSITIVE).text.toString())
        assertEquals(texts.cancel, dialog.getButton(AlertDialog.BUTTON_NEGATIVE).text.toString())
        assertTrue("no PIN is asked", started.views().none { it is EditText && it.isShown })
        dialog.getButton(AlertDialog.BUTTON_NEGATIVE).performClick()
        started.settle()
        assertEquals("cancel erases nothing", before, appFiles().mapValues { it.value.toList() })
        assertTrue(started.buttons().contains(texts.eraseTitle))

        started.tap(texts.eraseTitle)
        dialog = ShadowAlertDialog.getLatestAlertDialog() as AlertDialog
        dialog.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
        started.settle()
        assertTrue("the erased screen: ${started.texts()}", started.shows(texts.eraseDone))

        val after = appFiles()
        assertEquals("alerts cancelled", emptyList<String>(), scheduledAlertIds())
        assertEquals("notifications removed", 0, notifications.activeNotifications.size)
        assertEquals("exactly what a first run makes is there", fresh.toSet(), after.keys)
        assertEquals("nothing planned", "", String(after.getValue("ce/no_backup/scheduled-alerts")))
        assertFalse("a new key", KeyVault.keyFile(app).readBytes().contentEquals(oldKey))
        assertEquals("a new Keystore entry seals it", 1, FakeAndroidKeyStore.aliases().size)
        for ((name, bytes) in after) {
            for (word in personal) assertFalse("$name holds \"$word\"", String(bytes, Charsets.UTF_8).contains(word))
        }

        // Back from the erased screen: the home screen of a first run.
        started.back()
        assertTrue("home: ${started.texts()}", started.shows(started.ask { it.home(Instant.now()) }.title))
        started.ask { core ->
            val now = Instant.now()
            assertEquals("", core.tripPlanForm(now).plan.travellerName)
            assertTrue(core.ownContacts().contacts.isEmpty())
            assertFalse("no PINs", core.lockStatus(now).available)
        }
        // And a restart opens the new profile with the new key.
        val again = started.restart()
        assertTrue(again.shows(again.ask { it.home(Instant.now()) }.title))
        assertFalse(again.offersErase(texts))
    }

    @Test
    fun the_entry_is_offered_only_for_an_encrypted_profile_whose_key_is_lost() {
        val texts = words()

        // The key is there: the app opens, nothing is offered.
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        val again = shell.restart()
        assertTrue(again.shows(again.ask { it.home(Instant.now()) }.title))
        assertFalse(again.offersErase(texts))
        again.stop()

        // The vault has a key, but another profile's: the core refuses the profile, and erasing
        // is not offered (the key is not missing), nothing is changed.
        val profileDir = Core.profileFile(app).parentFile!!
        val kept = Files.createTempDirectory("kept").toFile()
        profileDir.listFiles { f -> f.name.startsWith("profile.sqlite") }!!.forEach { it.renameTo(File(kept, it.name)) }
        assertTrue(KeyVault.keyFile(app).delete())
        Shell.launch(keepKeystore = true).stop()
        profileDir.listFiles { f -> f.name.startsWith("profile.sqlite") }!!.forEach { it.delete() }
        kept.listFiles()!!.forEach { it.renameTo(File(profileDir, it.name)) }
        val before = appFiles().mapValues { it.value.toList() }
        val wrongKey = Shell.launch(keepKeystore = true)
        assertEquals("the core's words alone: ${wrongKey.texts()}", 1, wrongKey.texts().size)
        assertFalse("no erase offered with a key: ${wrongKey.texts()}", wrongKey.offersErase(texts))
        wrongKey.stop()
        assertEquals("nothing changed", before, appFiles().mapValues { it.value.toList() })

        // A plaintext profile from the last release, its key lost: a new key seals it, it opens.
        FakeAndroidKeyStore.loseKeys()
        profileDir.listFiles { f -> f.name.startsWith("profile.sqlite") }!!.forEach { it.delete() }
        Core.profileFile(app).writeBytes(plaintextProfile)
        val plaintext = Shell.launch(keepKeystore = true)
        assertTrue(plaintext.shows(plaintext.ask { it.home(Instant.now()) }.title))
        assertFalse(plaintext.offersErase(texts))
        plaintext.stop()

        // A file that is no profile, no key: the core's words, and no erase offered.
        FakeAndroidKeyStore.loseKeys()
        assertTrue(KeyVault.keyFile(app).delete())
        profileDir.listFiles { f -> f.name.startsWith("profile.sqlite") }!!.forEach { it.delete() }
        Core.profileFile(app).writeBytes(ByteArray(4096) { 'x'.code.toByte() })
        val foreign = Shell.launch(keepKeystore = true)
        assertEquals("the core's words alone: ${foreign.texts()}", 1, foreign.texts().size)
        assertFalse(foreign.offersErase(texts))
        foreign.stop()
    }
}

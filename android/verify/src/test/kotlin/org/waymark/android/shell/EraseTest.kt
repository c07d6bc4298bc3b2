package org.waymark.android.shell

import android.app.AlertDialog
import android.app.NotificationManager
import android.content.Intent
import android.os.UserManager
import android.widget.EditText
import java.nio.file.Files
import java.time.Instant
import java.time.ZoneId
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
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
import org.waymark.android.KeyVault
import org.waymark.android.ReplanReceiver
import org.waymark.core.OwnContactInput
import org.waymark.core.OwnContactKind
import org.waymark.core.Waymark
import org.waymark.core.WaymarkOptions

/**
 * "Erase all Waymark data" on Android: one question, no PIN; then, when the core says so, the
 * key, every alarm and notification and every file the app wrote are gone and the app starts as
 * on a first run; after the help PIN nothing is removed behind the same screens. And the files
 * the shell keeps beside the sealed profile hold ids and times only.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class EraseTest {
    private val app get() = RuntimeEnvironment.getApplication()
    private val zone = ZoneId.systemDefault()

    /** What the test writes that only a person would: none of it may be readable on disk. */
    private val personal = listOf(
        "Zarina Karimova", "Samarkand Registan", "Bosphorus Textile Ltd", SIGNAL_PHRASE,
        "Mama Olga", "+7 916 123-45-67", "9161234567", "sister Marina knows",
        "Dilnoza Yusupova", "Antalya Lara", "Copy of the contract for Olga",
    )

    /**
     * A full session on the shell's phone: Zarina's trip (employer, PINs, signal phrase), an own
     * contact, an own checklist item, a check-in; and, as family, Dilnoza's plan imported from
     * her phone and one of her check-ins verified; the test alarm started, planned and shown,
     * and one alert reported while the phone was locked.
     */
    private fun fullSession(shell: Shell) {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val now = Instant.now()
        val dilnozaDir = Files.createTempDirectory("dilnoza")
        val dilnoza = Waymark.open(dilnozaDir.resolve("p.sqlite").toString(), WaymarkOptions("en", zone.id, ByteArray(32) { 5 }))
        planTrip(dilnoza, now, "Dilnoza Yusupova", "Antalya Lara")
        val export = dilnoza.exportPlan(NORMAL_PIN, null)
        shell.ask { core ->
            planTrip(core, now, "Zarina Karimova", "Samarkand Registan", employer = "Bosphorus Textile Ltd")
            core.saveOwnContact(
                null,
                OwnContactInput("Mama Olga", OwnContactKind.FAMILY, "RU", "+7 916 123-45-67", "sister Marina knows"),
                now,
            )
            core.checklistAddOwnItem("Copy of the contract for Olga", now)
            core.checkIn(NORMAL_PIN, now)
            val watched = core.importPlan(export.payload, export.passphrase, now)
            core.verifyCheckin(watched.id, dilnoza.checkIn(NORMAL_PIN, now).message, now)
            core.startTestAlarm(now)
        }
        dilnoza.close()
        Alerts.replan(shell.activity)
        shell.settle()

        // The test alarm sounds: a notification is posted and reported.
        soundTestAlarm(shell)

        // One more alert shown while the phone was locked after a restart: its report waits in
        // device-protected storage, and the last plan is re-armed from there.
        val users = shadowOf(app.getSystemService(UserManager::class.java))
        users.setUserUnlocked(false)
        ReplanReceiver().onReceive(app, Intent(Intent.ACTION_LOCKED_BOOT_COMPLETED))
        Alerts.reportFired(app, "test-alarm", shell.now)
        users.setUserUnlocked(true)
        shell.settle()
    }

    private val notifications get() = app.getSystemService(NotificationManager::class.java)

    /** Opens the settings, taps the erase entry, answers the one question with erase. */
    private fun Shell.eraseThroughSettings() {
        val texts = activity.texts
        while (buttons().contains(texts.back)) back()
        tap(texts.settingsTitle)
        assertTrue("the entry's explanation: ${texts()}", shows(texts.eraseAbout))
        tap(texts.eraseTitle)
        val dialog = ShadowAlertDialog.getLatestAlertDialog() as AlertDialog
        assertTrue(dialog.isShowing)
        assertEquals(texts.eraseQuestion, shadowOf(dialog).message.toString())
        assertEquals(texts.eraseConfirm, dialog.getButton(AlertDialog.BUTTON_POSITIVE).text.toString())
        assertEquals(texts.cancel, dialog.getButton(AlertDialog.BUTTON_NEGATIVE).text.toString())
        assertTrue("no PIN is asked", views().none { it is EditText && it.isShown })
        dialog.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
        settle()
    }

    @Test
    fun cancel_erases_nothing() {
        val shell = Shell.launch()
        shell.ask { planTrip(it) }
        val texts = shell.activity.texts
        shell.tap(texts.settingsTitle)
        shell.tap(texts.eraseTitle)
        val dialog = ShadowAlertDialog.getLatestAlertDialog() as AlertDialog
        dialog.getButton(AlertDialog.BUTTON_NEGATIVE).performClick()
        shell.settle()
        assertFalse(shell.shows(texts.eraseDone))
        assertEquals("Anna", shell.ask { it.tripPlanForm(Instant.now()).plan.travellerName })
    }

    @Test
    fun erase_removes_every_file_alarm_and_notification_and_the_app_starts_as_new() {
        val shell = Shell.launch()
        val fresh = appFiles().keys
        fullSession(shell)
        // Something the phone may have cached for the app (a shared image, a voice's audio).
        java.io.File(app.cacheDir, "shared.png").writeBytes(byteArrayOf(1, 2, 3))

        val before = appFiles()
        val wrote = listOf("ce/no_backup/profile.key", "ce/no_backup/scheduled-alerts", "de/no_backup/locked-schedule")
        for (name in wrote) assertTrue("$name before: ${before.keys}", before.keys.any { it.endsWith(name.substringAfter('/')) })
        assertTrue("alerts scheduled", scheduledAlertIds().isNotEmpty())
        assertTrue("a notification shown", notifications.activeNotifications.isNotEmpty())
        val oldKey = KeyVault.keyFile(app).readBytes()

        shell.eraseThroughSettings()
        val texts = shell.activity.texts
        assertTrue("the erased screen: ${shell.texts()}", shell.shows(texts.eraseDone))

        val after = appFiles()
        assertEquals("alerts cancelled", emptyList<String>(), scheduledAlertIds())
        assertEquals("notifications removed", 0, notifications.activeNotifications.size)
        assertEquals("exactly what a first run makes is there", fresh.toSet(), after.keys)
        assertEquals("nothing planned", "", String(after.getValue("ce/no_backup/scheduled-alerts")))
        assertFalse("the cache is emptied", after.keys.any { it.endsWith("shared.png") })
        assertFalse("no report left", after.keys.any { it.contains("locked-fired") })
        assertFalse("the old key is gone", KeyVault.keyFile(app).readBytes().contentEquals(oldKey))
        for ((name, bytes) in after) {
            for (word in personal) {
                assertFalse("$name holds \"$word\"", String(bytes, Charsets.ISO_8859_1).contains(String(word.toByteArray(), Charsets.ISO_8859_1)))
            }
        }

        // Back from the erased screen: the app as on a first run.
        shell.back()
        val home = shell.ask { it.home(Instant.now()) }
        assertTrue("home: ${shell.texts()}", shell.shows(home.title))
        shell.ask { core ->
            val now = Instant.now()
            assertEquals("", core.tripPlanForm(now).plan.travellerName)
            assertTrue(core.familyList(now).travellers.isEmpty())
            assertTrue(core.ownContacts().contacts.isEmpty())
            assertFalse("no PINs", core.lockStatus(now).available)
            assertTrue(core.checklist().items.none { it.isOwn })
        }

        // And a restart opens that new profile with the new key.
        val again = shell.restart()
        assertEquals("", again.ask { it.tripPlanForm(Instant.now()).plan.travellerName })
    }

    @Test
    fun after_the_help_pin_erase_shows_the_same_screen_and_removes_nothing() {
        val shell = Shell.launch()
        fullSession(shell)
        shell.ask { core ->
            core.setAppLock(NORMAL_PIN, true, Instant.now())
            core.lockNow()
        }
        val started = shell.restart()
        val lock = started.ask { it.lockStatus(Instant.now()) }
        assertTrue("the lock screen: ${started.texts()}", started.shows(lock.title))
        started.type(lock.pinLabel, HELP_PIN)
        started.tap(lock.unlockLabel)

        val before = appFiles()
        val alarms = scheduledAlertIds()
        val shown = notifications.activeNotifications.size
        val aliases = FakeAndroidKeyStore.aliases()
        started.eraseThroughSettings()
        val texts = started.activity.texts
        assertTrue("the same erased screen: ${started.texts()}", started.shows(texts.eraseDone))
        assertTrue(started.shows(texts.eraseTitle))

        val after = appFiles()
        assertEquals("every file is still there", before.keys.filterNot(::isProfileFile), after.keys.filterNot(::isProfileFile))
        assertTrue(after.keys.any { it.endsWith("/profile.sqlite") })
        assertArrayEquals("the same key", before.getValue("ce/no_backup/profile.key"), after.getValue("ce/no_backup/profile.key"))
        assertEquals("the alarms are still set", alarms, scheduledAlertIds())
        assertEquals("the notifications are still there", shown, notifications.activeNotifications.size)
        assertEquals("the Keystore's key is still there", aliases, FakeAndroidKeyStore.aliases())

        // What the help PIN shows is empty, as after a real erase.
        started.back()
        assertEquals("", started.ask { it.tripPlanForm(Instant.now()).plan.travellerName })

        // The normal PIN, at the next start, finds everything.
        val again = started.restart()
        again.type(lock.pinLabel, NORMAL_PIN)
        again.tap(lock.unlockLabel)
        assertEquals("Zarina Karimova", again.ask { it.tripPlanForm(Instant.now()).plan.travellerName })
    }

    @Test
    fun the_shell_s_own_files_hold_ids_and_times_only() {
        val shell = Shell.launch()
        fullSession(shell)
        // Reported while locked and not yet handed to the core: the file is there to be read.
        val users = shadowOf(app.getSystemService(UserManager::class.java))
        users.setUserUnlocked(false)
        Alerts.reportFired(app, "test-alarm", shell.now)
        users.setUserUnlocked(true)
        shell.stop()

        val files = appFiles()
        val shellFiles = files.filterKeys { !isProfileFile(it) && !it.endsWith("/profile.key") }
        for (name in listOf("scheduled-alerts", "locked-schedule", "locked-fired")) {
            assertTrue("$name is among ${files.keys}", shellFiles.keys.any { it.endsWith("/$name") })
        }
        // An alert id (the core's words and random ids, no name), then optionally an instant in
        // epoch milliseconds and an urgency.
        val line = Regex("[A-Za-z0-9_-]+(\t[0-9]+(\t(alarm|reminder))?)?")
        for ((name, bytes) in shellFiles) {
            for (text in String(bytes, Charsets.UTF_8).lines().filter { it.isNotEmpty() }) {
                assertTrue("$name: \"$text\" is more than an id and a time", line.matches(text))
            }
        }
        // Nothing a person wrote is readable in any file the app has, the sealed profile and its
        // log included.
        for ((name, bytes) in files) {
            val raw = String(bytes, Charsets.ISO_8859_1)
            for (word in personal) {
                assertFalse("$name holds \"$word\"", raw.contains(String(word.toByteArray(), Charsets.ISO_8859_1)))
            }
        }
        assertNotNull(files.keys.firstOrNull { it.endsWith("/profile.sqlite") })
    }
}

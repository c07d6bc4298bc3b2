package org.waymark.android.shell

import android.content.Intent
import android.widget.Button
import android.widget.LinearLayout
import android.widget.TextView
import java.time.Instant
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import org.waymark.android.MainActivity
import org.waymark.core.Waymark

/**
 * Verifying is one tap: a text shared with Waymark (the share sheet) or selected in another app
 * (the text selection menu), or pasted on the family screen, holding one check-in message or
 * several, is checked by the core code by code, and the result screen shows each check for its
 * traveller, calls for help first. The lock comes first.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class ShareTest {
    private val normalPin = NORMAL_PIN
    private val helpPin = HELP_PIN

    /** This phone is Anna's and watches over her (her plan imported): her id. */
    private fun watchAnna(core: Waymark): String {
        val now = Instant.now()
        planTrip(core, now)
        val export = core.exportPlan(normalPin, null)
        return core.importPlan(export.payload, export.passphrase, now).id
    }

    /** A chat copied whole: Anna's check-in, then one made with the help PIN. */
    private fun chat(core: Waymark): String {
        val fine = core.checkIn(normalPin, Instant.now()).message
        val help = core.checkIn(helpPin, Instant.now()).message
        return "[09:01] Anna: $fine\n[09:02] me: ok\n[09:03] Anna: $help"
    }

    private fun send(text: String) = Intent(RuntimeEnvironment.getApplication(), MainActivity::class.java)
        .setAction(Intent.ACTION_SEND)
        .setType("text/plain")
        .putExtra(Intent.EXTRA_TEXT, text)

    private fun select(text: String) = Intent(RuntimeEnvironment.getApplication(), MainActivity::class.java)
        .setAction(Intent.ACTION_PROCESS_TEXT)
        .setType("text/plain")
        .putExtra(Intent.EXTRA_PROCESS_TEXT, text as CharSequence)
        .putExtra(Intent.EXTRA_PROCESS_TEXT_READONLY, true)

    /** The result screen's blocks: each group whose first line is a traveller's name. */
    private fun Shell.blocks(name: String): List<List<TextView>> =
        views().filterIsInstance<LinearLayout>()
            .map { group -> (0 until group.childCount).map { group.getChildAt(it) } }
            .filter { children -> (children.firstOrNull() as? TextView)?.let { it !is Button && it.text.toString() == name } == true }
            .map { children -> children.filterIsInstance<TextView>().filter { it !is Button } }

    private fun Shell.history(id: String) = ask { it.familyHistory(id) }.entries.size

    /**
     * The result of Anna's two messages: the title, two blocks (the call for help first, its
     * headline a heading like the verification screen's), her steps, and her screen's button.
     */
    private fun Shell.assertTwoChecks(id: String) {
        val texts = activity.texts
        assertTrue("the result screen: ${texts()}", shows(texts.verifyTitle))
        val blocks = blocks("Anna")
        assertEquals("one block per check: ${texts()}", 2, blocks.size)
        val (first, second) = blocks
        assertTrue("the call for help first: ${first.map { it.text }}", first[1].textSize > second[1].textSize)
        assertTrue("each check has the core's headline and detail", blocks.all { it.size >= 3 })
        assertTrue("the help was recorded", ask { it.familyTraveller(id, Instant.now()) }.helpSignalled)
        val steps = ask { it.familyTraveller(id, Instant.now()) }.steps
        assertTrue("the steps to take: ${texts()}", steps.isNotEmpty() && shows("${steps[0].number}. ${steps[0].title}"))
        // The guessed traveller's screen, one tap away.
        assertTrue(buttons().contains("Anna"))
        tap("Anna")
        val anna = ask { it.familyTraveller(id, Instant.now()) }
        assertTrue("Anna's screen: ${texts()}", shows(anna.destination) && shows(anna.headline))
    }

    @Test
    fun a_shared_text_with_two_messages_opens_the_result_with_both_checks_for_their_traveller() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        val before = shell.history(id)
        val shared = Shell.launch(send(text))
        assertEquals("both checked and recorded", before + 2, shared.history(id))
        shared.assertTwoChecks(id)
    }

    @Test
    fun a_selected_text_with_two_messages_opens_the_result_likewise_and_returns_nothing() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        val before = shell.history(id)
        val selected = Shell.launch(select(text))
        assertEquals(before + 2, selected.history(id))
        assertEquals("no result for the selecting app", null, org.robolectric.Shadows.shadowOf(selected.activity).resultIntent)
        selected.assertTwoChecks(id)
    }

    @Test
    fun a_text_shared_while_the_app_is_open_is_checked_at_once() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        shell.controller.newIntent(send(text))
        shell.settle()
        shell.assertTwoChecks(id)
    }

    @Test
    fun a_text_shared_while_the_app_is_in_the_background_is_checked_when_it_returns() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        // No lock, nothing changed meanwhile: the app comes back as it was left, then checks.
        shell.controller.pause().stop()
        shell.settle()
        shell.controller.newIntent(send(text))
        shell.controller.restart().resume()
        shell.settle()
        shell.assertTwoChecks(id)
    }

    @Test
    fun with_the_lock_on_the_shared_text_is_checked_and_shown_only_after_the_pin() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        // Counted before the lock closes: the core shows no history while it is locked.
        val before = shell.history(id)
        shell.ask {
            it.setAppLock(normalPin, true, Instant.now())
            it.lockNow()
        }
        val shared = Shell.launch(send(text))
        val lock = shared.ask { it.lockStatus(Instant.now()) }
        assertTrue("the lock first: ${shared.texts()}", shared.shows(lock.title))
        assertFalse(shared.shows(shared.activity.texts.verifyTitle))
        assertTrue("nothing of the text shown yet", shared.blocks("Anna").isEmpty())

        shared.type(lock.pinLabel, "0000")
        shared.tap(lock.unlockLabel)
        assertTrue("a wrong PIN shows nothing of it", shared.blocks("Anna").isEmpty())
        assertTrue(shared.shows(lock.title))

        shared.type(lock.pinLabel, normalPin)
        shared.tap(lock.unlockLabel)
        assertEquals("checked once, after the PIN", before + 2, shared.history(id))
        shared.assertTwoChecks(id)
    }

    @Test
    fun a_text_pasted_on_the_family_screen_is_checked_for_each_traveller() {
        val shell = Shell.launch()
        val id = shell.ask { watchAnna(it) }
        val text = shell.ask { chat(it) }
        val texts = shell.activity.texts
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenFamily }.title)
        shell.type(texts.verifyTitle, text)
        shell.tap(texts.verifyButton)
        shell.assertTwoChecks(id)

        // A text with no code and no phrase: the core's summary, nothing recorded.
        shell.back()
        val before = shell.history(id)
        shell.type(texts.verifyTitle, "see you soon")
        shell.tap(texts.verifyButton)
        val nothing = shell.texts()
        assertTrue("the summary: $nothing", nothing.size > 1 && shell.blocks("Anna").isEmpty())
        assertEquals(before, shell.history(id))
    }
}

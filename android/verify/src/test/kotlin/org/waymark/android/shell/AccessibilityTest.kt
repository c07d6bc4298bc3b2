package org.waymark.android.shell

import android.view.View
import android.widget.Button
import android.widget.CompoundButton
import android.widget.EditText
import android.widget.ImageView
import android.widget.Spinner
import android.widget.TextView
import java.time.Instant
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import org.waymark.core.Action

/**
 * TalkBack and large text: on every screen a person can reach from home, each control says what
 * it is, and every text grows with the phone's font size.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class AccessibilityTest {
    /** Home, every screen its menu and buttons open, and the forms behind them. */
    private fun visitEveryScreen(shell: Shell, check: (String) -> Unit) {
        val texts = shell.activity.texts
        check("home")
        val home = shell.ask { it.home(Instant.now()) }
        val entries = home.menu.map { it.title } + home.helpNow.title + texts.settingsTitle
        for (entry in entries) {
            shell.tap(entry)
            check(entry)
            shell.back()
        }
        val menu = { action: (Action) -> Boolean -> home.menu.first { action(it.action) }.title }
        shell.tap(menu { it is Action.OpenOwnContacts })
        shell.tap(texts.add)
        check("own contact form")
        shell.back()
        shell.back()
        shell.tap(menu { it is Action.OpenCheckin })
        for (form in listOf(texts.planTitle, texts.pinsTitle, texts.changePinsTitle, texts.exportTitle)) {
            shell.tap(form)
            check(form)
            shell.back()
        }
        shell.back()
        shell.tap(menu { it is Action.OpenFamily })
        shell.tap(texts.importTitle)
        check("plan import")
    }

    /** What TalkBack would read for [view]: its words, its description, or its label's words. */
    private fun spoken(view: View, all: List<View>): String {
        val label = all.filterIsInstance<TextView>()
            .firstOrNull { it.labelFor != View.NO_ID && it.labelFor == view.id }
            ?.text?.toString().orEmpty()
        val own = (view as? TextView)?.let { if (it is EditText) it.hint else it.text }?.toString().orEmpty()
        return listOf(view.contentDescription?.toString().orEmpty(), label, own).firstOrNull { it.isNotBlank() }.orEmpty()
    }

    @Test
    fun every_control_on_every_screen_has_a_label() {
        val shell = Shell.launch()
        val unlabelled = mutableListOf<String>()
        visitEveryScreen(shell) { screen ->
            val views = shell.views().filter { it.isShown }
            for (view in views) {
                val control = view is Button || view is CompoundButton || view is EditText ||
                    view is Spinner || view is ImageView || view.hasOnClickListeners()
                if (control && spoken(view, views).isBlank()) {
                    unlabelled += "$screen: ${view.javaClass.simpleName}"
                }
            }
        }
        assertEquals(emptyList<String>(), unlabelled)
    }

    @Test
    fun every_text_grows_with_the_phone_s_font_size() {
        fun sizes(): Map<String, List<Float>> {
            val shell = Shell.launch()
            val found = LinkedHashMap<String, List<Float>>()
            visitEveryScreen(shell) { screen ->
                found[screen] = shell.views().filterIsInstance<TextView>().filter { it.isShown }.map { it.textSize }
            }
            shell.controller.pause().stop().destroy()
            return found
        }
        RuntimeEnvironment.setFontScale(1.0f)
        val normal = sizes()
        RuntimeEnvironment.setFontScale(1.5f)
        val large = sizes()
        assertEquals(normal.keys, large.keys)
        for ((screen, before) in normal) {
            val after = large.getValue(screen)
            assertEquals("$screen draws the same views", before.size, after.size)
            before.zip(after).forEachIndexed { i, (small, big) ->
                assertTrue("$screen, text $i: $small px at 1.0, $big px at 1.5", big > small)
            }
        }
    }
}

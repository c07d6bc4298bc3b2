package org.waymark.android

import android.Manifest
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.w3c.dom.Element

/**
 * The manifest against the code and the framework: the components it names are the shell's,
 * its permissions are exactly the ones the shell needs (no INTERNET), backups are off, and the
 * re-plan receiver hears exactly the events it handles.
 *
 * android-all's classes are Java 21 bytecode, so this JVM compiles against them but does not
 * load them: framework names are compile-time constants here, and the component kinds are
 * checked by the compiler in [kinds].
 */
class ManifestTest {
    private val ns = "http://schemas.android.com/apk/res/android"
    private val manifest: Element = parse("../app/src/main/AndroidManifest.xml")

    private fun parse(path: String): Element = DocumentBuilderFactory.newInstance()
        .apply { isNamespaceAware = true }
        .newDocumentBuilder()
        .parse(File(path))
        .documentElement

    private fun elements(tag: String, within: Element = manifest): List<Element> {
        val nodes = within.getElementsByTagName(tag)
        return (0 until nodes.length).map { nodes.item(it) as Element }
    }

    private fun Element.name(): String = getAttributeNS(ns, "name")

    /** Never called: it compiles only while each component is of the kind the manifest says. */
    @Suppress("unused")
    private fun kinds() {
        val application: Class<out android.app.Application> = WaymarkApplication::class.java
        val activity: Class<out android.app.Activity> = MainActivity::class.java
        val alerts: Class<out android.content.BroadcastReceiver> = AlertReceiver::class.java
        val replan: Class<out android.content.BroadcastReceiver> = ReplanReceiver::class.java
        println(listOf(application, activity, alerts, replan))
    }

    @Test
    fun `the manifest names the shell's application, activity and receivers, which exist`() {
        val named = (elements("application") + elements("activity") + elements("receiver"))
            .map { it.name() }
        assertEquals(
            listOf(".WaymarkApplication", ".MainActivity", ".AlertReceiver", ".ReplanReceiver"),
            named,
        )
        for (name in named) {
            val file = "org/waymark/android${name.replace('.', '/')}.class"
            assertNotNull(javaClass.classLoader.getResource(file), file)
        }
    }

    @Test
    fun `the permissions are exactly the ones the shell needs, and none reaches the internet`() {
        val asked = elements("uses-permission").map { it.name() }.toSet()
        assertEquals(
            setOf(
                Manifest.permission.POST_NOTIFICATIONS,
                Manifest.permission.SCHEDULE_EXACT_ALARM,
                Manifest.permission.RECEIVE_BOOT_COMPLETED,
                Manifest.permission.CAMERA,
            ),
            asked,
        )
        assertFalse(Manifest.permission.INTERNET in asked)
        val camera = elements("uses-feature").single()
        assertEquals("false", camera.getAttributeNS(ns, "required"))
    }

    @Test
    fun `backups and device transfers are off`() {
        val application = elements("application").single()
        assertEquals("false", application.getAttributeNS(ns, "allowBackup"))
        assertEquals("false", application.getAttributeNS(ns, "fullBackupContent"))
        val rules = parse("../app/src/main/res/xml/data_extraction_rules.xml")
        for (part in listOf("cloud-backup", "device-transfer")) {
            val section = elements(part, rules).single()
            val domains = elements("exclude", section).map { it.getAttribute("domain") }
            assertTrue(domains.containsAll(listOf("root", "file", "database", "sharedpref")), part)
        }
    }

    @Test
    fun `both receivers run before the first unlock, and nothing else does`() {
        for (receiver in elements("receiver")) {
            assertEquals("true", receiver.getAttributeNS(ns, "directBootAware"), receiver.name())
        }
        // The activity and the application need the profile, which is readable only unlocked.
        for (other in elements("activity") + elements("application")) {
            assertEquals("", other.getAttributeNS(ns, "directBootAware"), other.name())
        }
        val replan = elements("receiver").single { it.name() == ".ReplanReceiver" }
        val listed = elements("action", replan).map { it.name() }
        assertTrue("android.intent.action.LOCKED_BOOT_COMPLETED" in listed)
    }

    @Test
    fun `the re-plan receiver listens for exactly the events it handles`() {
        val receiver = elements("receiver").single { it.name() == ".ReplanReceiver" }
        val listed = elements("action", receiver).map { it.name() }.toSet()
        assertEquals(REPLAN_EVENTS, listed)
    }
    @Test
    fun `the launcher reaches the activity through Waymark's entry or the calculator cover, one enabled`() {
        val activity = elements("activity").single()
        assertEquals("false", activity.getAttributeNS(ns, "exported"), "reached only through an alias")
        assertTrue(elements("intent-filter", activity).isEmpty(), "no launcher entry of its own")
        val aliases = elements("activity-alias").filter { alias ->
            elements("category", alias).any { it.name() == "android.intent.category.LAUNCHER" }
        }
        assertEquals(
            listOf(Launcher.NORMAL, Launcher.COVER),
            aliases.map { "org.waymark.android" + it.name() },
        )
        for (alias in aliases) {
            assertEquals(".MainActivity", alias.getAttributeNS(ns, "targetActivity"))
            assertEquals("true", alias.getAttributeNS(ns, "exported"))
            val filter = elements("intent-filter", alias).single()
            assertEquals(listOf("android.intent.action.MAIN"), elements("action", filter).map { it.name() })
            assertEquals(listOf("android.intent.category.LAUNCHER"), elements("category", filter).map { it.name() })
        }
        val (normal, cover) = aliases
        assertEquals("true", normal.getAttributeNS(ns, "enabled"))
        assertEquals("false", cover.getAttributeNS(ns, "enabled"))
        // Waymark's entry has the application's name and icon; the cover, neutral ones.
        assertEquals("", normal.getAttributeNS(ns, "label"))
        assertEquals("@string/cover_name", cover.getAttributeNS(ns, "label"))
        assertEquals("@drawable/cover_icon", cover.getAttributeNS(ns, "icon"))
        val strings = elements("string", parse("../app/src/main/res/values/strings.xml"))
        assertEquals(listOf("cover_name"), strings.map { it.getAttribute("name") })
        assertEquals("Calculator", strings.single().textContent)
        // Translated into the core's other languages, so the launcher shows the phone's word.
        for ((folder, word) in listOf("values-ru" to "Калькулятор", "values-uz" to "Kalkulyator")) {
            val translated = elements("string", parse("../app/src/main/res/$folder/strings.xml"))
            assertEquals("cover_name", translated.single().getAttribute("name"), folder)
            assertEquals(word, translated.single().textContent, folder)
        }
        assertTrue(File("../app/src/main/res/drawable/cover_icon.xml").exists())
    }

    @Test
    fun `shared and selected text reach the activity through one exported entry that is no launcher entry`() {
        val aliases = elements("activity-alias")
        assertEquals(
            listOf(Launcher.NORMAL, Launcher.COVER, Launcher.SHARE),
            aliases.map { "org.waymark.android" + it.name() },
        )
        val share = aliases.last()
        assertEquals(".MainActivity", share.getAttributeNS(ns, "targetActivity"))
        assertEquals("true", share.getAttributeNS(ns, "exported"))
        // Enabled with Waymark's entry (the cover's is disabled), and named as the application.
        assertEquals("true", share.getAttributeNS(ns, "enabled"))
        assertEquals("", share.getAttributeNS(ns, "label"))
        val filters = elements("intent-filter", share).map { filter ->
            Triple(
                elements("action", filter).map { it.name() },
                elements("category", filter).map { it.name() },
                elements("data", filter).map { it.getAttributeNS(ns, "mimeType") },
            )
        }
        val default = listOf("android.intent.category.DEFAULT")
        assertEquals(
            listOf(
                Triple(listOf("android.intent.action.SEND"), default, listOf("text/plain")),
                Triple(listOf("android.intent.action.PROCESS_TEXT"), default, listOf("text/plain")),
            ),
            filters,
        )
        // The framework's names for them, checked by the compiler.
        assertEquals("android.intent.action.SEND", android.content.Intent.ACTION_SEND)
        assertEquals("android.intent.action.PROCESS_TEXT", android.content.Intent.ACTION_PROCESS_TEXT)
        // Nothing else in the manifest hears other apps' text.
        for (other in elements("activity") + elements("receiver") + aliases.dropLast(1)) {
            val actions = elements("action", other).map { it.name() }
            assertFalse("android.intent.action.SEND" in actions || "android.intent.action.PROCESS_TEXT" in actions, other.name())
        }
    }
}

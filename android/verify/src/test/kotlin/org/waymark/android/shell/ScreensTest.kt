package org.waymark.android.shell

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.content.Intent
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager
import org.waymark.android.ActionCodec
import org.waymark.android.AlertReceiver
import org.waymark.android.MainActivity
import org.waymark.core.WaymarkException

/**
 * The Android shell as a person uses it: the real MainActivity on Robolectric's Android 15, with
 * the real core. Every screen is reached by tapping the words the core gave it.
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class ScreensTest {
    @Test
    fun the_home_screen_draws_the_core_s_home_and_dials_the_hotline() {
        val shell = Shell.launch()
        val home = shell.ask { it.home(Instant.now()) }
        assertTrue("texts: ${shell.texts()}", shell.shows(home.title))
        assertTrue(shell.shows(home.hotline.number))
        assertTrue(shell.buttons().contains(shell.activity.texts.quickExit))
        shell.tap(shell.activity.texts.call)
        val dial = shell.nextStartedIntent()
        assertEquals(Intent.ACTION_DIAL, dial?.action)
        assertEquals("tel", dial?.data?.scheme)
    }

    @Test
    fun the_window_is_secure_and_leaving_quickly_shows_the_home_screen_and_leaves_no_task() {
        val shell = Shell.launch()
        val flags = shell.activity.window.attributes.flags
        assertTrue("FLAG_SECURE", flags and android.view.WindowManager.LayoutParams.FLAG_SECURE != 0)
        shell.tap(shell.activity.texts.quickExit)
        val home = shell.nextStartedIntent()
        assertEquals(Intent.ACTION_MAIN, home?.action)
        assertTrue(home!!.hasCategory(Intent.CATEGORY_HOME))
        assertTrue("the activity is gone", shell.activity.isFinishing)
    }

    @Test
    fun every_menu_entry_opens_its_screen_and_back_returns_home() {
        val shell = Shell.launch()
        val home = shell.ask { it.home(Instant.now()) }
        val homeTexts = shell.texts()
        val entries = home.menu.map { it.title } + home.helpNow.title + shell.activity.texts.settingsTitle
        for (entry in entries) {
            shell.tap(entry)
            assertEquals("$entry showed an error", null, shell.lastToast())
            assertNotEquals("$entry opened nothing", homeTexts, shell.texts())
            assertTrue("$entry has no back button", shell.buttons().contains(shell.activity.texts.back))
            shell.back()
            assertEquals("back from $entry", homeTexts, shell.texts())
        }
    }

    @Test
    fun a_checklist_item_is_ticked_and_an_own_item_added_and_removed() {
        val shell = Shell.launch()
        val before = shell.ask { it.checklist() }
        shell.tap(shell.ask { core -> core.home(Instant.now()).menu.first { it.action is org.waymark.core.Action.OpenChecklist }.title })
        val first = before.items.first()
        val box = shell.views().filterIsInstance<android.widget.CheckBox>().first { it.text.toString().endsWith(first.title) }
        box.performClick()
        shell.settle()
        val after = shell.ask { it.checklist() }
        assertTrue(after.items.first().done)
        assertTrue("progress shown: ${shell.texts()}", shell.shows(after.progress.label))

        val texts = shell.activity.texts
        shell.type(texts.add, "Buy a local SIM card")
        shell.tap(texts.add)
        assertTrue(shell.texts().any { it.endsWith("Buy a local SIM card") })
        shell.tap(texts.remove)
        assertFalse(shell.texts().any { it.endsWith("Buy a local SIM card") })
    }

    @Test
    fun help_now_in_turkiye_shows_the_consulate_and_157_with_where_each_number_comes_from() {
        val shell = Shell.launch()
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.helpNow.title)
        val view = shell.ask { it.helpNow(Instant.now(), "TR") }
        shell.pick(view.countryLabel, view.country!!)
        val yimer = view.steps.single { it.number == "157" }
        val consulate = view.steps.first { it.title == "Consulate General of Russia in Istanbul" }
        for (step in listOf(yimer, consulate)) {
            assertTrue("${step.title}: ${shell.texts()}", shell.shows(step.why))
            assertTrue("${step.title}'s source", shell.shows(step.sourceText!!))
        }
        // Its card says where the number comes from and offers no text message to a short number.
        shell.tap(yimer.title)
        val card = shell.ask { it.contact("tr-yimer-157", Instant.now()) }
        assertTrue(shell.shows(card.sourceText!!))
        assertTrue(shell.buttons().containsAll(card.phones[0].actions.map { it.label }))
        assertFalse(card.phones.flatMap { it.actions }.any { it.action is org.waymark.core.Action.ComposeSms })
    }

    @Test
    fun the_hotline_s_hours_show_every_line_the_core_gives_on_help_now_and_on_its_card() {
        val shell = Shell.launch()
        // A Wednesday noon in Moscow: far from any opening or closing, so the words stay put.
        shell.now = Instant.parse("2026-03-04T09:00:00Z")
        shell.tap(shell.ask { it.home(shell.now) }.helpNow.title)
        val hotline = shell.ask { it.helpNow(shell.now, null) }.steps
            .single { it.kind == org.waymark.core.HelpStepKind.HOTLINE }
        val opening = hotline.opening!!
        assertEquals(4, opening.lines.size)
        for (line in listOf(opening.status) + opening.lines) {
            assertTrue("$line in ${shell.texts()}", shell.shows(line))
        }
        assertTrue(shell.shows(opening.noAnswer))

        shell.tap(hotline.title)
        val card = shell.ask { it.contact("hotline", shell.now) }
        for (line in card.opening!!.lines) {
            assertTrue("$line in ${shell.texts()}", shell.shows(line))
        }
    }

    @Test
    fun an_own_contact_is_refused_with_the_core_s_reason_then_saved_and_called() {
        val shell = Shell.launch()
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenOwnContacts }.title)
        val texts = shell.activity.texts
        shell.tap(texts.add)
        shell.type(texts.contactName, "Mum")
        shell.type(texts.contactPhone, "12")
        shell.tap(texts.save)
        // The person reads the core's sentence beside the field, not the core's field names.
        val refusal = shell.field(texts.contactPhone).error?.toString()
        assertNotNull("a refused number says why", refusal)
        assertFalse(refusal!!, refusal.contains("field") || refusal.contains("="))
        assertTrue("listed: ${shell.texts()}", shell.shows(refusal))

        // A number the phone-number rules accept; the form's hint shows one from a range kept
        // for examples, which those rules refuse, as they should.
        shell.type(texts.contactPhone, "+7 916 123-45-67")
        shell.tap(texts.save)
        assertTrue("saved and listed: ${shell.texts()}", shell.shows("Mum"))
        val contact = shell.ask { it.ownContacts() }.contacts.single()
        shell.tap(contact.actions.first { it.action is org.waymark.core.Action.Dial }.label)
        assertEquals(Intent.ACTION_DIAL, shell.nextStartedIntent()?.action)
        shell.tap(contact.actions.first { it.action is org.waymark.core.Action.ComposeSms }.label)
        val sms = shell.nextStartedIntent()
        assertEquals(Intent.ACTION_SENDTO, sms?.action)
        assertEquals("sms", sms?.data?.scheme)
    }

    @Test
    fun a_trip_plan_and_pins_are_saved_a_check_in_is_shared_and_alerts_are_scheduled() {
        val shell = Shell.launch()
        val alarms = shell.activity.getSystemService(AlarmManager::class.java)
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val texts = shell.activity.texts
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenCheckin }.title)
        shell.tap(texts.planTitle)
        val zone = ZoneId.systemDefault()
        val today = LocalDate.now(zone)
        shell.type(texts.planTravellerName, "Anna")
        val form = shell.ask { it.tripPlanForm(Instant.now()) }
        shell.pick(texts.planDestinationCountry, form.countries.first { it.code == "TR" }.name)
        shell.pick(texts.planDestinationZone, "Europe/Istanbul")
        shell.type(texts.planDestinationCity, "Istanbul")
        shell.type(texts.planStarts, today.minusDays(1).toString())
        shell.type(texts.planEnds, today.plusDays(30).toString())
        shell.type(texts.planTimes, "09:00; 21:00")
        shell.tap(texts.save)
        assertEquals("the plan was saved: ${shell.texts()}", null, shell.lastToast())
        val saved = shell.ask { it.tripPlan() }!!
        assertEquals("TR", saved.destinationCountry)
        assertEquals("Europe/Istanbul", saved.destinationTimeZone)
        assertEquals(org.waymark.core.CheckinCadence.Daily(listOf("09:00", "21:00")), saved.schedule.cadence)

        shell.tap(texts.pinsTitle)
        shell.type(texts.normalPinLabel, "2468")
        shell.type(texts.duressPinLabel, "1357")
        shell.type(texts.signalPhraseLabel, "the cat is on the roof")
        shell.tap(texts.save)
        assertEquals(texts.pinsSaved, shell.lastToast())

        // Alerts follow every change made through a screen.
        val scheduled = shadowOf(alarms).scheduledAlarms
        assertTrue("alarms: ${scheduled.size}", scheduled.size >= 2)

        shell.type(texts.pinLabel, "2468")
        shell.tap(texts.checkInButton)
        val receipt = shell.texts()
        shell.tap(texts.share)
        val chooser = shell.nextStartedIntent()
        assertEquals(Intent.ACTION_CHOOSER, chooser?.action)
        @Suppress("DEPRECATION")
        val shared = chooser?.getParcelableExtra<Intent>(Intent.EXTRA_INTENT)
        assertEquals(Intent.ACTION_SEND, shared?.action)
        val message = shared?.getStringExtra(Intent.EXTRA_TEXT).orEmpty()
        assertTrue("the receipt shows the message it shares: $receipt", receipt.contains(message))
    }

    @Test
    fun a_refused_trip_plan_shows_every_problem_beside_its_field_and_saves_nothing() {
        val shell = Shell.launch()
        val texts = shell.activity.texts
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenCheckin }.title)
        shell.tap(texts.planTitle)
        shell.type(texts.planTravellerName, "")
        shell.type(texts.planTimes, "nine")
        shell.type(texts.planWindowMinutes, "an hour")
        shell.tap(texts.save)
        val refused = shell.ask { core ->
            val input = core.tripPlanForm(Instant.now()).input.copy(times = "nine", windowMinutes = "an hour")
            core.saveTripPlan(input, Instant.now()) as org.waymark.core.TripPlanSaved.Refused
        }
        for (error in refused.errors) {
            assertTrue("listed: ${error.message} in ${shell.texts()}", shell.texts().any { it.endsWith(error.message) })
        }
        assertEquals(refused.errors.first { it.field == org.waymark.core.TripPlanField.TIMES }.message,
            shell.field(texts.planTimes).error?.toString())
        assertEquals(null, shell.ask { it.tripPlan() })
        // Still on the form, with what was typed.
        assertEquals("nine", shell.field(texts.planTimes).text.toString())
    }

    @Test
    fun a_plan_change_needs_a_pin_the_export_shows_its_passphrase_and_the_family_imports_and_answers_a_change() {
        val shell = Shell.launch()
        val texts = shell.activity.texts
        val now = Instant.now()
        shell.ask { core -> planTrip(core, now) }
        val home = shell.ask { it.home(Instant.now()) }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenCheckin }.title)

        // The PINs exist: the form asks for one, and refuses a change without it.
        shell.tap(texts.planTitle)
        shell.type(texts.planDestinationCity, "Ankara")
        shell.tap(texts.save)
        assertNotNull("the PIN's problem beside it", shell.field(texts.pinLabel).error)
        assertEquals("Istanbul", shell.ask { it.tripPlan() }!!.destinationCity)
        shell.type(texts.pinLabel, "2468")
        shell.tap(texts.save)
        assertEquals("Ankara", shell.ask { it.tripPlan() }!!.destinationCity)

        // The export: sealed, its passphrase big with the core's words on passing it on.
        shell.tap(texts.exportTitle)
        shell.type(texts.pinLabel, "2468")
        shell.tap(texts.exportTitle)
        val shown = shell.texts()
        val passphrase = shown[shown.indexOf(texts.passphraseLabel) + 1]
        assertEquals(4, passphrase.trim().split(' ').filter { it.isNotEmpty() }.size)
        assertTrue("the hint: $shown", shown.any { it.contains(passphrase) && it != passphrase })
        shell.tap(texts.copy)
        val clipboard = shell.activity.getSystemService(android.content.ClipboardManager::class.java)
        val payload = clipboard.primaryClip!!.getItemAt(0).text.toString()
        assertTrue(payload.startsWith("WAYMARK1S."))

        // The family (here the same phone) imports it with the words said on the phone.
        repeat(3) { shell.back() }
        shell.tap(home.menu.first { it.action is org.waymark.core.Action.OpenFamily }.title)
        shell.tap(texts.importTitle)
        shell.type(texts.importTitle, payload)
        shell.tap(texts.importButton)
        assertNotNull("refused without the passphrase", shell.lastToast())
        shell.type(texts.passphraseLabel, passphrase.uppercase())
        shell.tap(texts.importButton)
        val id = shell.ask { it.familyList(Instant.now()) }.travellers.single().id
        assertTrue("the traveller: ${shell.texts()}", shell.shows("Anna"))

        // A weaker plan comes again: the family sees what changed and answers.
        val weaker = shell.ask { core ->
            val plan = core.tripPlan()!!
            core.changeTripPlan(
                plan.copy(schedule = plan.schedule.copy(graceMinutes = plan.schedule.graceMinutes * 4u)),
                "2468",
                Instant.now(),
            )
            core.exportPlan("2468", null)
        }
        val change = shell.ask { it.importPlan(weaker.payload, weaker.passphrase, Instant.now()) }.pendingChange!!
        shell.activity.perform(org.waymark.core.Action.OpenWatchedTraveller(id))
        shell.settle()
        assertTrue("the change: ${shell.texts()}", shell.shows(change.title))
        for (difference in change.differences) assertTrue(shell.shows(difference))
        assertTrue(shell.shows(change.ask))
        assertTrue(shell.buttons().contains(change.acceptLabel))
        shell.tap(change.keepLabel)
        assertFalse(shell.shows(change.title))
        assertEquals(null, shell.ask { it.familyTraveller(id, Instant.now()) }.pendingChange)
    }

    @Test
    fun an_article_is_read_aloud_or_the_person_is_told_how_to_add_a_voice() {
        val shell = Shell.launch()
        val texts = shell.activity.texts
        val id = shell.ask { it.guide() }.sections.first().articles.first().id
        shell.activity.perform(org.waymark.core.Action.OpenArticle(id))
        shell.settle()
        val speakable = shell.ask { it.speakableArticle(id) }

        // A phone without an English voice: nothing is read, and the person learns how to add one.
        shell.tap(texts.listen)
        val engine = org.robolectric.shadows.ShadowTextToSpeech.getLastTextToSpeechInstance()
        shadowOf(engine).onInitListener.onInit(android.speech.tts.TextToSpeech.SUCCESS)
        shell.settle()
        assertEquals(speakable.noVoiceHint, shell.lastToast())
        assertEquals(null, shadowOf(engine).lastSpokenText)

        org.robolectric.shadows.ShadowTextToSpeech.addLanguageAvailability(java.util.Locale.forLanguageTag(speakable.language))
        shell.tap(texts.listen)
        val spoken = shadowOf(engine).spokenTextList
        assertEquals(speakable.text.lines().filter { it.isNotBlank() }, spoken)
    }

    @Test
    fun a_due_alert_is_posted_with_only_a_neutral_line_on_the_lock_screen() {
        val shell = Shell.launch()
        val alarms = shell.activity.getSystemService(AlarmManager::class.java)
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        val now = Instant.now()
        shell.ask { core -> planTrip(core, now) }
        org.waymark.android.Alerts.replan(shell.activity)
        shell.settle()
        val next = shadowOf(alarms).peekNextScheduledAlarm()
        assertNotNull("an alarm is scheduled", next)
        val alert = shadowOf(next!!.operation).savedIntent
        AlertReceiver().onReceive(RuntimeEnvironment.getApplication(), alert)
        val manager = shell.activity.getSystemService(NotificationManager::class.java)
        val posted = shadowOf(manager).allNotifications
        assertEquals(1, posted.size)
        val notification = posted.single()
        assertEquals(Notification.VISIBILITY_PRIVATE, notification.visibility)
        val public = notification.publicVersion!!.extras.getCharSequence(Notification.EXTRA_TITLE).toString()
        val plan = shell.ask { it.planNotifications(now, 64u, true) }
        assertTrue(plan.alerts.any { it.lockScreenText == public })
        for (word in listOf("check", "help", "Waymark", "Anna", "Istanbul")) {
            assertFalse("the lock screen line says $word: $public", public.contains(word, ignoreCase = true))
        }
    }

    @Test
    fun an_article_a_tap_names_that_is_gone_shows_the_core_s_words_not_its_internals() {
        // A notification saved before a content update can name an article the update removed.
        val tap = ActionCodec.put(
            Intent(RuntimeEnvironment.getApplication(), MainActivity::class.java),
            org.waymark.core.Action.OpenArticle("no-such-article"),
        )
        val shell = Shell.launch(tap)
        val error = shell.ask { core -> runCatching { core.article("no-such-article") }.exceptionOrNull() }
        assertTrue("$error", error is WaymarkException.NotFound)
        val words = (error as WaymarkException.NotFound).shown
        assertEquals(words, shell.lastToast())
        // The person reads a sentence, not the id or the variant's fields.
        for (internal in listOf("no-such-article", "what=", "id=", "shown=")) {
            assertFalse("the toast says $internal: $words", words.contains(internal))
        }
    }
}

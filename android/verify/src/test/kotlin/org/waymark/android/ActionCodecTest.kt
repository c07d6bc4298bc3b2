package org.waymark.android

import android.content.Intent
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import org.waymark.core.Action

/**
 * A tapped notification must open what the core planned, for every kind of action: the action
 * rides in the intent as the core's token (the core's own test covers the token's format).
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [35])
class ActionCodecTest {
    private val samples: List<Action> = listOf(
        Action.OpenGuide,
        Action.OpenArticle("contract-basics"),
        Action.OpenChecklist,
        Action.OpenChecklistItem("passport-copy"),
        Action.OpenContact("hotline-ru"),
        Action.OpenCheckin,
        Action.OpenFamily,
        Action.OpenOfferCheck,
        Action.OpenSelfCheck,
        Action.OpenQuiz,
        Action.OpenOwnContacts,
        Action.CheckIn,
        Action.EditTripPlan,
        Action.SetCheckinPins,
        Action.OpenWatchedTraveller("t-42"),
        Action.ShowQrCode("WAYMARK1:abc"),
        Action.ShareText("Checked in: 123456"),
        Action.Dial("tel:+78001234567"),
        Action.ComposeSms("sms:+78001234567", "+78001234567"),
        Action.CopyText("+7 800 123-45-67"),
        Action.OpenHelpNow,
        Action.QuickExit,
        Action.OpenSearch,
    )

    @Test
    fun the_samples_cover_every_action_the_core_has() {
        val covered = samples.map { it::class }.toSet()
        val all = Action::class.sealedSubclasses.toSet()
        assertEquals("add the new action to these samples", all, covered)
    }

    @Test
    fun every_action_survives_the_trip_through_a_notification() {
        for (action in samples) {
            val intent = ActionCodec.put(Intent("org.waymark.test"), action)
            assertEquals(action, ActionCodec.take(intent))
            // Taken once: a recreated activity must not perform it again.
            assertNull(ActionCodec.take(intent))
        }
    }

    @Test
    fun an_intent_without_an_action_or_with_a_damaged_one_opens_nothing() {
        assertNull(ActionCodec.take(Intent("org.waymark.test")))
        val damaged = Intent("org.waymark.test").putExtra("org.waymark.action.token", "wm1:{\"action\":\"open_settings\"}")
        assertNull(ActionCodec.take(damaged))
    }
}

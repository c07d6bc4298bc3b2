package org.waymark.android

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.waymark.core.Action

/** A tapped notification must open what the core planned, for every kind of action. */
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
        Action.ComposeSms("sms:+78001234567?body=hello%20there"),
        Action.CopyText("+7 800 123-45-67"),
        Action.OpenHelpNow,
        Action.QuickExit,
        Action.OpenSearch,
    )

    @Test
    fun `the samples cover every action the core has`() {
        val covered = samples.map { it::class }.toSet()
        val all = Action::class.sealedSubclasses.toSet()
        assertEquals(all, covered, "add the new action to the codec and to these samples")
    }

    @Test
    fun `every action survives the trip through a notification`() {
        for (action in samples) {
            val (kind, value) = ActionCodec.encode(action)
            assertEquals(action, ActionCodec.decode(kind, value), kind)
        }
    }

    @Test
    fun `kinds are distinct, so no tap opens the wrong screen`() {
        val kinds = samples.map { ActionCodec.encode(it).first }
        assertEquals(kinds.size, kinds.toSet().size)
    }

    @Test
    fun `an unknown kind or a missing argument opens nothing`() {
        assertNull(ActionCodec.decode(null, null))
        assertNull(ActionCodec.decode("open_settings", null))
        assertNull(ActionCodec.decode("open_article", null))
        assertNull(ActionCodec.decode("dial", null))
    }
}

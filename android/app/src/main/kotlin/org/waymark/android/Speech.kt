package org.waymark.android

import android.content.Context
import android.speech.tts.TextToSpeech
import java.util.Locale
import org.waymark.core.SpeakableText

/**
 * Reads the core's speakable texts aloud with the phone's own voice; nothing leaves the phone.
 * When the phone has no voice for the text's language, the person is told so in the core's words,
 * with how to add one.
 */
object Speech {
    private var engine: TextToSpeech? = null
    private var engineContext: Context? = null
    private var ready = false
    private var waiting: Pair<SpeakableText, (String) -> Unit>? = null

    /** Reads [text] aloud, or passes its no-voice hint to [noVoice]. */
    fun speak(context: Context, text: SpeakableText, noVoice: (String) -> Unit) {
        val app = context.applicationContext
        val current = engine
        if (current != null && engineContext === app) {
            if (ready) say(current, text, noVoice) else waiting = text to noVoice
            return
        }
        current?.shutdown()
        ready = false
        waiting = text to noVoice
        engineContext = app
        engine = TextToSpeech(app) { status ->
            ready = status == TextToSpeech.SUCCESS
            val (pending, tell) = waiting ?: return@TextToSpeech
            waiting = null
            val tts = engine
            if (ready && tts != null) say(tts, pending, tell) else tell(pending.noVoiceHint)
        }
    }

    /** Stops reading (the person left quickly). */
    fun stop() {
        engine?.stop()
    }

    private fun say(tts: TextToSpeech, text: SpeakableText, noVoice: (String) -> Unit) {
        val answer = tts.setLanguage(Locale.forLanguageTag(text.language))
        if (answer == TextToSpeech.LANG_MISSING_DATA || answer == TextToSpeech.LANG_NOT_SUPPORTED) {
            noVoice(text.noVoiceHint)
            return
        }
        // A line at a time: the engine takes a few thousand characters per call, and an article
        // is longer; the core ends each sentence group with a line break.
        text.text.lines().filter { it.isNotBlank() }.forEachIndexed { index, line ->
            val mode = if (index == 0) TextToSpeech.QUEUE_FLUSH else TextToSpeech.QUEUE_ADD
            tts.speak(line, mode, null, "waymark-$index")
        }
    }
}

package org.waymark.android

import java.time.Instant
import java.time.ZoneId
import org.waymark.core.LanguageInfo
import org.waymark.core.Waymark

/** The app's language (the phone's by default) and the time zone it follows (the phone's). */
class SettingsScreen : Screen<Pair<List<LanguageInfo>, String>>() {
    override fun load(core: Waymark, now: Instant) = core.languages() to core.language()

    override fun render(ui: Ui, model: Pair<List<LanguageInfo>, String>) = column(ui.context) {
        val (languages, current) = model
        val texts = ui.texts
        title(texts.settingsTitle)
        heading(texts.languageLabel)
        // A language whose texts no native speaker has reviewed yet says so beside its name.
        val labels = languages.map { language -> language.note?.let { "${language.name} — $it" } ?: language.name }
        choice(labels, languages.indexOfFirst { it.code == current }) { index ->
            Core.chooseLanguage(context, languages[index].code)
            Alerts.replan(context)
            ui.reload()
        }
        heading(texts.timeZoneLabel)
        text(ZoneId.systemDefault().id)
    }
}

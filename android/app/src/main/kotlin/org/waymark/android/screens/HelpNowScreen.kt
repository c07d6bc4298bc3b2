package org.waymark.android

import android.view.View
import android.widget.AdapterView
import java.time.Instant
import org.waymark.core.ContactAction
import org.waymark.core.CountryOption
import org.waymark.core.EmergencyNumbersView
import org.waymark.core.HelpNowView
import org.waymark.core.Waymark

/** Who to call right now in the country the person is in, and what to say. */
class HelpNowScreen(private val country: String? = null) :
    Screen<Pair<HelpNowView, List<CountryOption>>>() {
    override fun load(core: Waymark, now: Instant) =
        core.helpNow(now, country) to core.emergencyCountries()

    override fun render(ui: Ui, model: Pair<HelpNowView, List<CountryOption>>) = column(ui.context) {
        val (view, countries) = model
        title(view.title)
        text(view.countryPrompt)
        countryPicker(ui, view.countryLabel, countries, view.countryCode)
        for (step in view.steps) {
            group {
                heading(step.title)
                text(step.why)
                text(step.number)
                note(step.reachNote)
                note(step.sourceText)
                step.opening?.let { opening ->
                    text(opening.status)
                    opening.lines.forEach { note(it) }
                }
                actionButtons(ui, step.actions)
                step.details?.let { details -> button(step.title) { ui.perform(details) } }
            }
        }
        view.emergency?.let { emergency(ui, it) }
        note(view.embassyHint)
        heading(view.whatToSayTitle)
        view.whatToSay.forEachIndexed { index, line -> text("${index + 1}. $line") }
    }

    private fun Column.countryPicker(
        ui: Ui,
        prompt: String,
        countries: List<CountryOption>,
        selected: String?,
    ) {
        val current = countries.indexOfFirst { it.code == selected } + 1
        val spinner = picker(prompt, listOf("—") + countries.map { it.name }, current)
        spinner.onItemSelectedListener = object : AdapterView.OnItemSelectedListener {
            override fun onItemSelected(parent: AdapterView<*>?, view: View?, position: Int, id: Long) {
                if (position != current && position > 0) {
                    ui.replace(HelpNowScreen(countries[position - 1].code))
                }
            }

            override fun onNothingSelected(parent: AdapterView<*>?) {}
        }
    }
}

/** A country's emergency numbers, each with its call and text buttons. */
fun Column.emergency(ui: Ui, view: EmergencyNumbersView) {
    heading(view.title)
    for (line in view.lines) {
        group {
            text("${line.label}: ${line.number}")
            actionButtons(ui, line.actions)
        }
    }
    text(view.note)
    note(view.sourceText)
}

/** One button per action the core offers (call, text, copy), labelled by the core. */
fun Column.actionButtons(ui: Ui, actions: List<ContactAction>) {
    for (action in actions) button(action.label) { ui.perform(action.action) }
}

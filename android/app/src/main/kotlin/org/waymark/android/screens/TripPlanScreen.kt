package org.waymark.android

import android.text.InputType
import android.view.View
import android.widget.CheckBox
import android.widget.EditText
import java.time.Instant
import org.waymark.core.TripPlanField
import org.waymark.core.TripPlanForm
import org.waymark.core.TripPlanInput
import org.waymark.core.TripPlanSaved
import org.waymark.core.Waymark

/** The plan form, and whether a check-in PIN must come with a change (the PINs exist). */
class TripPlanModel(val form: TripPlanForm, val pinNeeded: Boolean)

/**
 * The traveller's trip plan: where, when, and the check-in schedule. The form starts from the
 * core's `tripPlanForm` (the saved plan, or a draft with the usual schedule), with its pickers;
 * what the person typed and picked goes back as it is to `saveTripPlan`, which checks it all and
 * names every field's problem, shown beside the field. Once the check-in PINs exist
 * (`lockStatus(now).available`) a change needs one of them: the form asks for it.
 */
class TripPlanScreen : Screen<TripPlanModel>() {
    override fun load(core: Waymark, now: Instant) =
        TripPlanModel(core.tripPlanForm(now), core.lockStatus(now).available)

    override fun render(ui: Ui, model: TripPlanModel) = column(ui.context) {
        val t = ui.texts
        val form = model.form
        val input = form.input
        title(t.planTitle)
        val problems = section()
        val name = field(t.planTravellerName, input.travellerName)
        // An empty first entry: a new plan has no destination until the person picks one.
        val country = picker(
            t.planDestinationCountry,
            listOf("") + form.countries.map { it.name },
            form.countries.indexOfFirst { it.code == input.destinationCountry } + 1,
        )
        val city = field(t.planDestinationCity, input.destinationCity)
        val starts = dateField(t.planStarts, input.startsDay)
        val ends = dateField(t.planEnds, input.endsDay)
        val homeZone = zonePicker(t.planHomeZone, form.zones, input.homeTimeZone)
        val destinationZone = zonePicker(t.planDestinationZone, form.zones, input.destinationTimeZone)
        val employer = field(t.planEmployer, input.employer)
        val agency = field(t.planAgency, input.agency)
        val copies = field(t.planDocumentCopies, input.documentCopies)
        heading(t.planSchedule)
        val times = field(t.planTimes, input.times)
        val daysLabel = note(t.planDays)
        val dayBoxes = form.days.map { option ->
            option.day to add(CheckBox(context).apply {
                text = option.name
                isChecked = option.day in input.days
            })
        }
        val number = InputType.TYPE_CLASS_NUMBER
        val everyHours = field(t.planEveryHours, input.everyHours, type = number)
        val scheduleZone = zonePicker(t.planScheduleZone, form.zones, input.scheduleTimeZone, allowsNone = true)
        val window = field(t.planWindowMinutes, input.windowMinutes, type = number)
        val grace = field(t.planGraceMinutes, input.graceMinutes, type = number)
        val pin = if (model.pinNeeded) field(t.pinLabel, hint = t.pinHint, type = PIN_INPUT) else null
        // Each field's problem is listed at the top under the field's label, and a text field
        // also carries it, so TalkBack reads it with the field.
        val places: Map<TripPlanField, Pair<String, View?>> = mapOf(
            TripPlanField.TRAVELLER_NAME to (t.planTravellerName to name),
            TripPlanField.DESTINATION_COUNTRY to (t.planDestinationCountry to country),
            TripPlanField.DESTINATION_CITY to (t.planDestinationCity to city),
            TripPlanField.STARTS_DAY to (t.planStarts to starts),
            TripPlanField.ENDS_DAY to (t.planEnds to ends),
            TripPlanField.HOME_TIME_ZONE to (t.planHomeZone to homeZone.spinner),
            TripPlanField.DESTINATION_TIME_ZONE to (t.planDestinationZone to destinationZone.spinner),
            TripPlanField.EMPLOYER to (t.planEmployer to employer),
            TripPlanField.AGENCY to (t.planAgency to agency),
            TripPlanField.DOCUMENT_COPIES to (t.planDocumentCopies to copies),
            TripPlanField.TIMES to (t.planTimes to times),
            TripPlanField.DAYS to (t.planDays to daysLabel),
            TripPlanField.EVERY_HOURS to (t.planEveryHours to everyHours),
            TripPlanField.SCHEDULE_TIME_ZONE to (t.planScheduleZone to scheduleZone.spinner),
            TripPlanField.WINDOW_MINUTES to (t.planWindowMinutes to window),
            TripPlanField.GRACE_MINUTES to (t.planGraceMinutes to grace),
            TripPlanField.PIN to (t.pinLabel to pin),
        )
        button(t.save) {
            fun text(field: EditText) = field.text.toString()
            val typed = TripPlanInput(
                travellerName = text(name),
                destinationCountry = form.countries.getOrNull(country.selectedItemPosition - 1)?.code.orEmpty(),
                destinationCity = text(city),
                startsDay = text(starts),
                endsDay = text(ends),
                homeTimeZone = homeZone.zone(),
                destinationTimeZone = destinationZone.zone(),
                employer = text(employer),
                agency = text(agency),
                documentCopies = text(copies),
                times = text(times),
                days = dayBoxes.filter { it.second.isChecked }.map { it.first },
                everyHours = text(everyHours),
                scheduleTimeZone = scheduleZone.zone(),
                windowMinutes = text(window),
                graceMinutes = text(grace),
                pin = pin?.let { text(it) },
            )
            ui.call({ core -> core.saveTripPlan(typed, AppClock.now()) }) { outcome ->
                when (outcome) {
                    is TripPlanSaved.Saved -> ui.back()
                    is TripPlanSaved.Refused -> {
                        problems.view.removeAllViews()
                        places.values.forEach { (it.second as? EditText)?.error = null }
                        for (error in outcome.errors) {
                            val (label, view) = places[error.field] ?: (t.pinLabel to pin)
                            problems.text("$label: ${error.message}")
                            (view as? EditText)?.error = error.message
                        }
                        problems.view.requestRectangleOnScreen(android.graphics.Rect(0, 0, 1, 1), true)
                    }
                }
            }
        }
    }
}

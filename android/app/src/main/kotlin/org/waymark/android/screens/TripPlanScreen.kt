package org.waymark.android

import android.text.InputType
import android.widget.CheckBox
import java.time.Instant
import org.waymark.core.CheckinCadence
import org.waymark.core.CheckinSchedule
import org.waymark.core.TripPlan
import org.waymark.core.TripPlanForm
import org.waymark.core.Waymark
import org.waymark.core.tripDayEnd
import org.waymark.core.tripDayStart

/**
 * The traveller's trip plan: where, when, and the check-in schedule. The form starts from the
 * core's `tripPlanForm` (the saved plan, or a draft with the usual schedule); the core checks it all.
 */
class TripPlanScreen : Screen<TripPlanForm>() {
    override fun load(core: Waymark, now: Instant): TripPlanForm = core.tripPlanForm(now)

    override fun render(ui: Ui, model: TripPlanForm) = column(ui.context) {
        val t = ui.texts
        val plan = model.plan
        val schedule = plan.schedule
        title(t.planTitle)
        val name = field(t.planTravellerName, plan.travellerName)
        val country = field(t.planDestinationCountry, plan.destinationCountry)
        val city = field(t.planDestinationCity, plan.destinationCity)
        val starts = dateField(t.planStarts, model.startsDay)
        val ends = dateField(t.planEnds, model.endsDay)
        val homeZone = zonePicker(t.planHomeZone, plan.homeTimeZone)
        val destinationZone = zonePicker(t.planDestinationZone, plan.destinationTimeZone)
        val employer = field(t.planEmployer, plan.employer.orEmpty())
        val agency = field(t.planAgency, plan.agency.orEmpty())
        val copies = field(t.planDocumentCopies, plan.documentCopies.orEmpty())
        heading(t.planSchedule)
        val cadence = schedule.cadence
        val times = field(
            t.planTimes,
            when (cadence) {
                is CheckinCadence.Daily -> cadence.times.joinToString(", ")
                is CheckinCadence.Weekly -> cadence.times.joinToString(", ")
                else -> ""
            },
        )
        note(t.planDays)
        val chosenDays = (cadence as? CheckinCadence.Weekly)?.days.orEmpty()
        val dayBoxes = model.days.map { option ->
            option.day to add(CheckBox(context).apply {
                text = option.name
                isChecked = option.day in chosenDays
            })
        }
        val number = InputType.TYPE_CLASS_NUMBER
        val everyHours = field(
            t.planEveryHours,
            (cadence as? CheckinCadence.EveryHours)?.hours?.toString().orEmpty(),
            type = number,
        )
        val scheduleZone = zonePicker(t.planScheduleZone, schedule.timeZone)
        val window = field(t.planWindowMinutes, schedule.windowMinutes.toString(), type = number)
        val grace = field(t.planGraceMinutes, schedule.graceMinutes.toString(), type = number)
        button(t.save) {
            fun text(field: android.widget.EditText) = field.text.toString().trim()
            fun optional(field: android.widget.EditText) = text(field).takeIf { it.isNotEmpty() }
            // An empty or unreadable number reaches the core as 0, which it rejects by name.
            fun count(field: android.widget.EditText) = text(field).toUIntOrNull() ?: 0u
            val days = dayBoxes.filter { it.second.isChecked }.map { it.first }
            val timeList = text(times).split(',').map { it.trim() }.filter { it.isNotEmpty() }
            val chosenCadence = when {
                text(everyHours).isNotEmpty() -> CheckinCadence.EveryHours(count(everyHours))
                days.isNotEmpty() -> CheckinCadence.Weekly(days, timeList)
                else -> CheckinCadence.Daily(timeList)
            }
            // An empty schedule zone means the destination's; the core fills it in.
            val zone = scheduleZone.zone()
            val form = listOf(text(starts), text(ends))
            val datesZone = model.datesZone
            ui.call({ core ->
                val plan = TripPlan(
                    text(name), text(country), text(city),
                    tripDayStart(form[0], datesZone), tripDayEnd(form[1], datesZone),
                    homeZone.zone(), destinationZone.zone(),
                    optional(employer), optional(agency), optional(copies),
                    CheckinSchedule(chosenCadence, zone, count(window), count(grace)),
                )
                core.setTripPlan(plan, Instant.now())
            }) { ui.back() }
        }
    }
}

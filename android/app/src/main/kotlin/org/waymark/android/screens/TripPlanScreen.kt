package org.waymark.android

import android.text.InputType
import android.widget.CheckBox
import java.time.Instant
import java.time.ZoneId
import java.time.format.TextStyle
import java.util.Locale
import org.waymark.core.CheckinCadence
import org.waymark.core.CheckinSchedule
import org.waymark.core.DayOfWeek
import org.waymark.core.TripPlan
import org.waymark.core.Waymark
import org.waymark.core.tripDayOf
import org.waymark.core.tripDayStart

/** The plan's fields as the form shows them: dates as calendar days in the schedule's zone. */
class PlanForm(val plan: TripPlan?, val starts: String, val ends: String)

/** The traveller's trip plan: where, when, and the check-in schedule. The core checks it all. */
class TripPlanScreen : Screen<PlanForm>() {
    override fun load(core: Waymark, now: Instant): PlanForm {
        val plan = core.tripPlan() ?: return PlanForm(null, "", "")
        val zone = plan.schedule.timeZone
        return PlanForm(plan, tripDayOf(plan.starts, zone), tripDayOf(plan.ends, zone))
    }

    override fun render(ui: Ui, model: PlanForm) = column(ui.context) {
        val t = ui.texts
        val plan = model.plan
        val schedule = plan?.schedule
        val here = ZoneId.systemDefault().id
        title(t.planTitle)
        val name = field(t.planTravellerName, plan?.travellerName.orEmpty())
        val country = field(t.planDestinationCountry, plan?.destinationCountry.orEmpty())
        val city = field(t.planDestinationCity, plan?.destinationCity.orEmpty())
        val starts = dateField(t.planStarts, model.starts)
        val ends = dateField(t.planEnds, model.ends)
        val homeZone = zonePicker(t.planHomeZone, plan?.homeTimeZone ?: here)
        val destinationZone = zonePicker(t.planDestinationZone, plan?.destinationTimeZone.orEmpty())
        val employer = field(t.planEmployer, plan?.employer.orEmpty())
        val agency = field(t.planAgency, plan?.agency.orEmpty())
        val copies = field(t.planDocumentCopies, plan?.documentCopies.orEmpty())
        heading(t.planSchedule)
        val cadence = schedule?.cadence
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
        val dayBoxes = DayOfWeek.entries.map { day ->
            day to add(CheckBox(context).apply {
                // The phone's own name for the weekday, in the person's language.
                text = java.time.DayOfWeek.valueOf(day.name)
                    .getDisplayName(TextStyle.FULL_STANDALONE, Locale.getDefault())
                isChecked = day in chosenDays
            })
        }
        val number = InputType.TYPE_CLASS_NUMBER
        val everyHours = field(
            t.planEveryHours,
            (cadence as? CheckinCadence.EveryHours)?.hours?.toString().orEmpty(),
            type = number,
        )
        val scheduleZone = zonePicker(t.planScheduleZone, schedule?.timeZone.orEmpty())
        val window = field(t.planWindowMinutes, schedule?.windowMinutes?.toString().orEmpty(), type = number)
        val grace = field(t.planGraceMinutes, schedule?.graceMinutes?.toString().orEmpty(), type = number)
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
            // Like the desktop's --schedule-zone: unset means the destination's zone.
            val zone = scheduleZone.zone().ifEmpty { destinationZone.zone() }
            val form = listOf(text(starts), text(ends))
            ui.call({ core ->
                val plan = TripPlan(
                    text(name), text(country), text(city),
                    tripDayStart(form[0], zone), tripDayStart(form[1], zone),
                    homeZone.zone(), destinationZone.zone(),
                    optional(employer), optional(agency), optional(copies),
                    CheckinSchedule(chosenCadence, zone, count(window), count(grace)),
                )
                core.setTripPlan(plan, Instant.now())
            }) { ui.back() }
        }
    }
}

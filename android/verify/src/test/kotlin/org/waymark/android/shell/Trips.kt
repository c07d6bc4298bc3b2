package org.waymark.android.shell

import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import org.waymark.core.Waymark

/** The PINs and the signal phrase every test traveller sets. */
internal const val NORMAL_PIN = "2468"
internal const val HELP_PIN = "1357"
internal const val SIGNAL_PHRASE = "the cat is on the roof"

/**
 * A trip for [name] to [city], Türkiye, from yesterday for ten days, in this machine's time
 * zone, with the core's default check-in times and both check-in PINs (and [employer], when
 * given): the traveller the JVM tests share.
 */
internal fun planTrip(
    core: Waymark,
    now: Instant = Instant.now(),
    name: String = "Anna",
    city: String = "Istanbul",
    employer: String? = null,
) {
    val zone = ZoneId.systemDefault()
    val form = core.tripPlanForm(now)
    val today = LocalDate.now(zone)
    core.setTripPlan(
        form.plan.copy(
            travellerName = name,
            destinationCountry = "TR",
            destinationCity = city,
            starts = org.waymark.core.tripDayStart(today.minusDays(1).toString(), form.datesZone),
            ends = org.waymark.core.tripDayEnd(today.plusDays(10).toString(), form.datesZone),
            homeTimeZone = zone.id,
            destinationTimeZone = zone.id,
            employer = employer,
        ),
        now,
    )
    core.setCheckinPins(NORMAL_PIN, HELP_PIN, SIGNAL_PHRASE)
}

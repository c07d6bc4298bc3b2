package org.waymark.android

import java.time.Clock
import java.time.Instant

/**
 * The time every core call and every alert report is made at: the phone's clock. The shell's JVM
 * tests move it (the harness's `now`) to see what the core says once an alert's time has passed;
 * the app itself never changes it.
 */
object AppClock {
    @Volatile
    var clock: Clock = Clock.systemUTC()

    fun now(): Instant = clock.instant()

    fun millis(): Long = clock.millis()
}

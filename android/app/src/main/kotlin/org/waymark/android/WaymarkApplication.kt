package org.waymark.android

import android.app.Application

/** Plans the alerts once per process start; the activity and receivers plan again as needed. */
class WaymarkApplication : Application() {
    override fun onCreate() {
        super.onCreate()
        Alerts.replan(this)
    }
}

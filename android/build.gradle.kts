plugins {
    id("com.android.application") version "8.13.0" apply false
    // The same Kotlin as android/verify and bindings/kotlin.
    id("org.jetbrains.kotlin.android") version "2.4.21" apply false
}

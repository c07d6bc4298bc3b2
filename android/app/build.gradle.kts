import org.jetbrains.kotlin.gradle.dsl.JvmTarget

plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

// The repository root, where `cargo xtask` runs and bindings/generated/ is written.
val workspace: File = rootProject.projectDir.parentFile
val generated: File = workspace.resolve("bindings/generated")

android {
    namespace = "org.waymark.android"
    compileSdk = 36

    defaultConfig {
        applicationId = "org.waymark.android"
        minSdk = 26
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
    }

    buildTypes {
        release {
            // JNA finds the bindings' classes by reflection; shrinking would need keep rules.
            isMinifyEnabled = false
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets {
        getByName("main") {
            // The desktop-JVM variant of the bindings: it needs no AndroidX (the Android variant
            // imports androidx.annotation). It frees objects with java.lang.ref.Cleaner on API 33+
            // and with JNA's cleaner below that.
            kotlin.srcDirs("src/main/kotlin", generated.resolve("kotlin"))
            // libwaymark_core.so for each ABI, from `cargo xtask android`.
            jniLibs.srcDirs(generated.resolve("android/jniLibs"))
        }
    }

    packaging {
        jniLibs {
            // Native libraries stay uncompressed and page-aligned (required for 16 KB pages).
            useLegacyPackaging = false
        }
    }
}

kotlin {
    compilerOptions {
        jvmTarget.set(JvmTarget.JVM_17)
    }
}

dependencies {
    // UniFFI's Kotlin calls the core through JNA; the aar carries JNA's native part per ABI.
    implementation("net.java.dev.jna:jna:5.19.1@aar")
}

// Builds the core for every ABI (cargo-ndk) and generates the Kotlin bindings before each build.
val cargoBindings by tasks.registering(Exec::class) {
    workingDir = workspace
    commandLine("cargo", "xtask", "bindings")
}
val cargoAndroid by tasks.registering(Exec::class) {
    workingDir = workspace
    commandLine("cargo", "xtask", "android")
    mustRunAfter(cargoBindings)
}
tasks.matching { it.name == "preBuild" }.configureEach {
    dependsOn(cargoBindings, cargoAndroid)
}

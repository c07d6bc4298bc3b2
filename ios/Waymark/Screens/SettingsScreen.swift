import SwiftUI
import WaymarkCore

/// The lock and the disguise: `lockStatus(now:)` and `disguiseStatus(platform: .ios)` as the
/// core words them, each switch asking for a check-in PIN before `setAppLock(pin:on:now:)` or
/// `setDisguise(pin:on:platform:)`. What iPhone still shows while disguised (`stillVisible`) is
/// shown plainly next to the switch. After a disguise change the home screen icon is made to
/// match what the core says. The test alarm: its button calls `startTestAlarm(now:)` and plans
/// the notifications again at once (the plan then holds it); below it, `testAlarm(now:)`'s text,
/// read again whenever the scheduler has looked at which alerts were shown (on every return to
/// the foreground, every re-plan and every alert shown while the app is open). "Erase all
/// Waymark data": one question in the core's words (never a PIN), then `CoreStore.eraseAll`
/// and the erased screen over the (empty) home screen.
struct SettingsScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @EnvironmentObject private var performer: ActionPerformer
    @State private var confirmingErase = false
    @State private var lock: LockView?
    @State private var disguise: DisguiseView?
    @State private var testAlarm: TestAlarmView?
    /// The switch the person flipped, waiting for a PIN.
    @State private var asking: Change?
    @State private var pin = ""
    @State private var failure: String?

    private enum Change: Equatable {
        case lock(on: Bool)
        case disguise(on: Bool)
    }

    var body: some View {
        if let texts = store.texts, let lock, let disguise {
            Form {
                Section {
                    Toggle(lock.settingLabel, isOn: Binding(
                        get: { lockShown(lock) },
                        set: { ask(.lock(on: $0)) }
                    ))
                    .disabled(!lock.available)
                    Text(lock.settingDetail).font(.footnote)
                }
                Section {
                    Toggle(disguise.settingLabel, isOn: Binding(
                        get: { disguiseShown(disguise) },
                        set: { ask(.disguise(on: $0)) }
                    ))
                    .disabled(!disguise.available)
                    Text(disguise.detail).font(.footnote)
                    Text(disguise.stillVisible).font(.footnote)
                }
                if let testAlarm {
                    Section {
                        Button(testAlarm.startLabel) { Task { await startTestAlarm() } }
                        Text(testAlarm.text).font(.footnote)
                        Text(texts.iosAlertLimits).font(.footnote).foregroundStyle(.secondary)
                    }
                }
                NotificationsNotice()
                Section {
                    Button(texts.eraseTitle, role: .destructive) { confirmingErase = true }
                    Text(texts.eraseAbout).font(.footnote)
                }
                if asking != nil {
                    Section {
                        SecureField(texts.pinLabel, text: $pin).keyboardType(.numberPad)
                        FormFailure(message: failure)
                        Button(texts.save) { Task { await confirm() } }
                            .disabled(pin.isEmpty)
                        Button(texts.cancel, role: .cancel) { clear() }
                    }
                }
            }
            .navigationTitle(texts.settingsTitle)
            .alert(texts.eraseTitle, isPresented: $confirmingErase) {
                Button(texts.eraseConfirm, role: .destructive) { Task { await erase() } }
                Button(texts.cancel, role: .cancel) {}
            } message: {
                Text(texts.eraseQuestion)
            }
            .task(id: notifications.reportsChecked) { await loadTestAlarm() }
            .task(id: testAlarm?.state) {
                // While it waits, the app may stay open past its time: the core's verdict is read
                // again now and then rather than only at the next return to the foreground.
                while testAlarm?.state == .waiting {
                    guard (try? await Task.sleep(nanoseconds: 15_000_000_000)) != nil else { return }
                    await loadTestAlarm()
                }
            }
        } else {
            ProgressView().task(id: store.revision) { await load() }
        }
    }

    /// The lock switch shows the change waiting for its PIN, else what the core says.
    private func lockShown(_ lock: LockView) -> Bool {
        if case let .lock(on) = asking { return on }
        return lock.enabled
    }

    private func disguiseShown(_ disguise: DisguiseView) -> Bool {
        if case let .disguise(on) = asking { return on }
        return disguise.on
    }

    private func load() async {
        lock = await store.load { try $0.lockStatus(now: Date()) }
        disguise = await store.load { try $0.disguiseStatus(platform: .ios) }
        await loadTestAlarm()
    }

    private func loadTestAlarm() async {
        testAlarm = await store.load { try $0.testAlarm(now: Date()) } ?? testAlarm
    }

    /// Starts the test alarm and schedules it at once.
    private func startTestAlarm() async {
        // An earlier test alarm's outcome reaches the core before the new one replaces it.
        await notifications.reportShown()
        guard let started = await store.load({ try $0.startTestAlarm(now: Date()) }) else { return }
        testAlarm = started
        await notifications.replan()
        await loadTestAlarm()
    }

    /// Erases, then shows the erased screen over home; back leads to the empty app.
    private func erase() async {
        guard await store.eraseAll(notifications) else { return }
        performer.path = [.erased]
    }

    private func ask(_ change: Change) {
        asking = change
        pin = ""
        failure = nil
    }

    private func clear() {
        asking = nil
        pin = ""
        failure = nil
    }

    private func confirm() async {
        guard let change = asking else { return }
        let pin = self.pin
        self.pin = ""
        do {
            switch change {
            case let .lock(on):
                lock = try await store.call { try $0.setAppLock(pin: pin, on: on, now: Date()) }
            case let .disguise(on):
                let view = try await store.call { try $0.setDisguise(pin: pin, on: on, platform: .ios) }
                disguise = view
                AlternateIcon.match(view)
            }
            clear()
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

/// Shown once "erase all data" is done: the core's words, the same whether everything was
/// removed or (after the help PIN) only what this session shows was emptied.
struct ErasedScreen: View {
    @EnvironmentObject private var store: CoreStore

    var body: some View {
        if let texts = store.texts {
            Form {
                Text(texts.eraseDone)
            }
            .navigationTitle(texts.eraseTitle)
        } else {
            ProgressView()
        }
    }
}

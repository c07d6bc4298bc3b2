import SwiftUI
import WaymarkCore

/// Shown while `lockStatus(now:).locked`: the core's title, PIN field and button, and its words
/// for a wrong PIN or the wait. Both PINs open it alike; the shell cannot tell which was typed.
struct LockScreen: View {
    @EnvironmentObject private var store: CoreStore
    let lock: LockView
    @State private var pin = ""

    var body: some View {
        Form {
            Section {
                SecureField(lock.pinLabel, text: $pin)
                    .keyboardType(.numberPad)
                FormFailure(message: lock.problem)
                Button(lock.unlockLabel) {
                    let typed = pin
                    pin = ""
                    Task { await store.unlock(typed) }
                }
                .disabled(pin.isEmpty)
            } header: {
                Text(lock.title).font(.title2)
            }
        }
    }
}

import SwiftUI
import WaymarkCore

/// The profile cannot be opened because its key is lost (`CoreStore.LostKey`): the core's words
/// for why, then "Erase all Waymark data" with `eraseAbout` under it, in the phone's language
/// (`shellTextsWithoutProfile(language:)`). One question (`eraseQuestion`, `eraseConfirm` or
/// `cancel`), never a PIN; then `CoreStore.eraseUnopenable` and the erased screen over the home
/// screen of a first run.
struct LostKeyScreen: View {
    let lost: CoreStore.LostKey
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @EnvironmentObject private var performer: ActionPerformer
    @State private var confirming = false

    var body: some View {
        Form {
            Text(lost.why)
            Section {
                Button(lost.texts.eraseTitle, role: .destructive) { confirming = true }
                Text(lost.texts.eraseAbout).font(.footnote)
            }
        }
        .alert(lost.texts.eraseTitle, isPresented: $confirming) {
            Button(lost.texts.eraseConfirm, role: .destructive) { Task { await erase() } }
            Button(lost.texts.cancel, role: .cancel) {}
        } message: {
            Text(lost.texts.eraseQuestion)
        }
    }

    private func erase() async {
        guard await store.eraseUnopenable(notifications) else { return }
        performer.path = [.erased]
    }
}

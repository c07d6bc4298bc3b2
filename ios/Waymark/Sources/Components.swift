import SwiftUI
import UIKit
import WaymarkCore

/// A button that performs a core action.
struct ActionButton: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var performer: ActionPerformer
    let label: String
    let action: Action

    var body: some View {
        Button(label) { performer.perform(action, texts: store.texts) }
    }
}

/// The buttons a number comes with (call, text, copy), as the core lists them.
struct ContactActionsRow: View {
    let actions: [ContactAction]

    var body: some View {
        HStack {
            ForEach(Array(actions.enumerated()), id: \.offset) { _, item in
                ActionButton(label: item.label, action: item.action)
                    .buttonStyle(.bordered)
            }
        }
    }
}

/// A link the core labelled.
struct LinkRow: View {
    let link: LinkView

    var body: some View {
        ActionButton(label: link.label, action: link.action)
    }
}

/// One check-in slot: when it is due, on both sides, and its state.
struct SlotRow: View {
    let slot: SlotView

    var body: some View {
        VStack(alignment: .leading, spacing: 2) {
            Text(slot.label).font(.headline)
            Text(slot.otherSide).font(.subheadline).foregroundStyle(.secondary)
            Text(slot.statusLabel).font(.subheadline)
        }
    }
}

/// Shows `content` once the view model has loaded, and a spinner until then.
struct Loaded<Model, Content: View>: View {
    let model: Model?
    @ViewBuilder let content: (Model) -> Content

    init(_ model: Model?, @ViewBuilder content: @escaping (Model) -> Content) {
        self.model = model
        self.content = content
    }

    var body: some View {
        if let model {
            content(model)
        } else {
            ProgressView()
        }
    }
}

/// A field's reason for refusing input, under the form.
struct FormFailure: View {
    let message: String?

    var body: some View {
        if let message {
            Text(message).foregroundStyle(.red).font(.callout)
        }
    }
}

/// Why notifications matter, with a way to Settings, shown when the person turned them off.
struct NotificationsNotice: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler

    var body: some View {
        if notifications.denied, let texts = store.texts {
            Section(texts.notificationsTitle) {
                Text(texts.notificationsReason).font(.subheadline)
                Button(texts.openSettings) {
                    if let url = URL(string: UIApplication.openSettingsURLString) {
                        UIApplication.shared.open(url)
                    }
                }
            }
        }
    }
}

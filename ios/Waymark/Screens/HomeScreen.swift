import SwiftUI
import WaymarkCore

/// Renders `home(now:)`: the warning about alerts that did not sound or came late (with the steps
/// for this phone, and `dismissAlertWarning(now:)`), the next step, the check-in line, who to
/// contact now, the hotline and the menu. Read again after the scheduler has told the core which
/// alerts iOS showed, so the warning never reflects an alert not yet reported.
struct HomeScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @State private var home: HomeView?
    @State private var languages: [LanguageInfo] = []

    var body: some View {
        Loaded(home) { home in
            List {
                if notifications.reportsChecked > 0, let warning = home.alertWarning {
                    Section(warning.title) {
                        ForEach(Array(warning.lines.enumerated()), id: \.offset) { _, line in
                            Text(line).font(.subheadline)
                        }
                        Text(warning.advice).font(.footnote)
                        ActionButton(label: warning.helpLabel, action: warning.help)
                        Button(warning.dismissLabel) { Task { await dismissWarning() } }
                    }
                }
                Section {
                    Text(home.tagline).font(.subheadline)
                }
                Section(home.nextStep.heading) {
                    VStack(alignment: .leading, spacing: 4) {
                        ActionButton(label: home.nextStep.title, action: home.nextStep.action).font(.headline)
                        Text(home.nextStep.detail).font(.subheadline)
                    }
                }
                if let checkin = home.checkin {
                    Section {
                        ActionButton(label: checkin.headline, action: checkin.action)
                    }
                }
                Section(home.helpNow.title) {
                    ForEach(Array(home.helpNow.steps.enumerated()), id: \.offset) { _, step in
                        HelpStepView(step: step)
                    }
                    NavigationLink(home.helpNow.countryPrompt ?? home.helpNow.title, value: Route.helpNow)
                }
                Section(home.hotline.name) {
                    Text(home.hotline.number).font(.title3).monospacedDigit()
                    Text(home.hotline.hours).font(.subheadline)
                    Text(home.hotline.status).font(.subheadline)
                    if let note = home.hotline.costNote {
                        Text(note).font(.footnote).foregroundStyle(.secondary)
                    }
                    ActionButton(label: store.texts?.call ?? "", action: home.hotline.call)
                }
                Section(home.checklist.label) {
                    ProgressView(value: Double(home.checklist.done), total: Double(max(home.checklist.total, 1)))
                }
                Section {
                    ForEach(Array(home.menu.enumerated()), id: \.offset) { _, entry in
                        ActionButton(label: entry.title, action: entry.action)
                    }
                }
            }
            .navigationTitle(home.title)
        }
        .toolbar {
            ToolbarItem(placement: .navigationBarLeading) {
                if let texts = store.texts, !languages.isEmpty {
                    Menu(texts.languageLabel) {
                        ForEach(languages, id: \.code) { language in
                            // A language no native speaker has reviewed yet says so by its name.
                            Button(language.note.map { "\(language.name) — \($0)" } ?? language.name) {
                                Task {
                                    await store.setLanguage(language.code)
                                    // Pending alerts carry words in the old language.
                                    await notifications.replan()
                                }
                            }
                        }
                    }
                }
            }
            ToolbarItem(placement: .navigationBarTrailing) {
                if let texts = store.texts {
                    ActionButton(label: texts.quickExit, action: .quickExit)
                }
            }
            ToolbarItem(placement: .bottomBar) {
                if let texts = store.texts {
                    NavigationLink(texts.settingsTitle, value: Route.settings)
                }
            }
        }
        .task(id: [store.revision, notifications.reportsChecked]) {
            guard store.revision > 0 else { return }
            home = await store.load { try $0.home(now: Date()) }
            languages = await store.load { $0.languages() } ?? []
        }
    }

    private func dismissWarning() async {
        guard await store.load({ try $0.dismissAlertWarning(now: Date()) }) != nil else { return }
        home = await store.load { try $0.home(now: Date()) } ?? home
    }
}

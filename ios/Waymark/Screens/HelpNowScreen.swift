import SwiftUI
import WaymarkCore

/// Renders `helpNow(now:currentCountry:)` for the country picked from `emergencyCountries()`:
/// who to contact first, each with its call, text and copy actions, and what to say.
struct HelpNowScreen: View {
    @EnvironmentObject private var store: CoreStore
    @State private var help: HelpNowView?
    @State private var countries: [CountryOption] = []
    @State private var country: String?

    var body: some View {
        Loaded(help) { help in
            List {
                Section {
                    if let prompt = help.countryPrompt {
                        Text(prompt).font(.subheadline)
                    }
                    Picker(help.countryLabel, selection: $country) {
                        ForEach(countries, id: \.code) { option in
                            Text(option.name).tag(Optional(option.code))
                        }
                    }
                }
                ForEach(Array(help.steps.enumerated()), id: \.offset) { _, step in
                    Section {
                        HelpStepView(step: step)
                    }
                }
                if let emergency = help.emergency {
                    EmergencySection(numbers: emergency)
                }
                if let hint = help.embassyHint {
                    Section { Text(hint).font(.subheadline) }
                }
                Section(help.whatToSayTitle) {
                    ForEach(Array(help.whatToSay.enumerated()), id: \.offset) { _, line in
                        Text(line)
                    }
                }
            }
            .navigationTitle(help.title)
        }
        .task(id: "\(country ?? "")#\(store.revision)") {
            let country = self.country
            help = await store.load { try $0.helpNow(now: Date(), currentCountry: country) }
            if countries.isEmpty {
                countries = await store.load { $0.emergencyCountries() } ?? []
            }
        }
    }
}

struct HelpStepView: View {
    let step: HelpStep

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            if let details = step.details {
                ActionButton(label: step.title, action: details).font(.headline)
            } else {
                Text(step.title).font(.headline)
            }
            Text(step.why).font(.subheadline)
            Text(step.number).font(.title3).monospacedDigit()
            if let note = step.reachNote {
                Text(note).font(.footnote).foregroundStyle(step.reachability == .notFromHere ? Color.red : Color.secondary)
            }
            if let source = step.sourceText {
                Text(source).font(.footnote).foregroundStyle(.secondary)
            }
            if let opening = step.opening {
                Text(opening.status).font(.subheadline)
                ForEach(Array(opening.lines.enumerated()), id: \.offset) { _, line in
                    Text(line).font(.footnote)
                }
            }
            ContactActionsRow(actions: step.actions)
        }
        // The title and the number's buttons share the row: each takes only its own taps.
        .buttonStyle(.borderless)
    }
}

/// A country's emergency numbers with their source.
struct EmergencySection: View {
    let numbers: EmergencyNumbersView

    var body: some View {
        Section {
            ForEach(Array(numbers.lines.enumerated()), id: \.offset) { _, line in
                VStack(alignment: .leading, spacing: 4) {
                    Text(line.label).font(.headline)
                    Text(line.number).font(.title3).monospacedDigit()
                    ContactActionsRow(actions: line.actions)
                }
            }
        } header: {
            Text(numbers.title)
        } footer: {
            VStack(alignment: .leading, spacing: 4) {
                if let note = numbers.note {
                    Text(note)
                }
                Text(numbers.sourceText)
            }
        }
    }
}

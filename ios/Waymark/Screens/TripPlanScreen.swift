import SwiftUI
import WaymarkCore

/// The trip plan form: loads `tripPlan()`, saves with `setTripPlan(plan:now:)`; the core checks
/// every field and names the one it refuses. Dates go through `tripDayOf`/`tripDayStart`, so a
/// picked day is midnight in the schedule's zone, as the core means it.
struct TripPlanScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @Environment(\.dismiss) private var dismiss
    @State private var countries: [CountryOption] = []
    @State private var name = ""
    @State private var country = ""
    @State private var city = ""
    @State private var starts = Date()
    @State private var ends = Date()
    @State private var homeZone = TimeZone.current.identifier
    @State private var destinationZone = TimeZone.current.identifier
    @State private var scheduleZone = TimeZone.current.identifier
    @State private var employer = ""
    @State private var agency = ""
    @State private var documents = ""
    @State private var times = ""
    @State private var days: Set<DayOfWeek> = []
    @State private var everyHours = ""
    // The desktop shell's defaults; the core checks whatever is entered.
    @State private var window = "60"
    @State private var grace = "30"
    @State private var failure: String?
    @State private var language = "en"

    private static let zones = TimeZone.knownTimeZoneIdentifiers.sorted()
    private static let week: [DayOfWeek] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    var body: some View {
        if let texts = store.texts {
            Form {
                Section {
                    TextField(texts.planTravellerName, text: $name)
                    Picker(texts.planDestinationCountry, selection: $country) {
                        ForEach(countries, id: \.code) { Text($0.name).tag($0.code) }
                    }
                    TextField(texts.planDestinationCity, text: $city)
                    DatePicker(texts.planStarts, selection: $starts, displayedComponents: .date)
                    DatePicker(texts.planEnds, selection: $ends, displayedComponents: .date)
                    zonePicker(texts.planHomeZone, $homeZone)
                    zonePicker(texts.planDestinationZone, $destinationZone)
                    TextField(texts.planEmployer, text: $employer, axis: .vertical)
                    TextField(texts.planAgency, text: $agency, axis: .vertical)
                    TextField(texts.planDocumentCopies, text: $documents, axis: .vertical)
                }
                Section(texts.planSchedule) {
                    TextField(texts.planTimes, text: $times).keyboardType(.numbersAndPunctuation)
                    Text(texts.planDays).font(.subheadline)
                    ForEach(Array(Self.week.enumerated()), id: \.offset) { index, day in
                        Toggle(weekdayName(index), isOn: Binding(
                            get: { days.contains(day) },
                            set: { if $0 { days.insert(day) } else { days.remove(day) } }
                        ))
                    }
                    TextField(texts.planEveryHours, text: $everyHours).keyboardType(.numberPad)
                    zonePicker(texts.planScheduleZone, $scheduleZone)
                    TextField(texts.planWindowMinutes, text: $window).keyboardType(.numberPad)
                    TextField(texts.planGraceMinutes, text: $grace).keyboardType(.numberPad)
                }
                Section {
                    FormFailure(message: failure)
                    Button(texts.save) { Task { await save() } }
                }
            }
            .navigationTitle(texts.planTitle)
            .task(id: store.revision) { await load() }
        }
    }

    private func zonePicker(_ label: String, _ selection: Binding<String>) -> some View {
        Picker(label, selection: selection) {
            ForEach(Self.zones, id: \.self) { Text($0).tag($0) }
        }
    }

    /// The weekday's name in the app's language, from the system calendar (Monday first).
    private func weekdayName(_ mondayBased: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: language)
        let symbols = calendar.standaloneWeekdaySymbols // Sunday first
        return symbols[(mondayBased + 1) % 7]
    }

    private func load() async {
        language = await store.load { $0.language() } ?? "en"
        countries = await store.load { $0.emergencyCountries() } ?? []
        guard let loaded = await store.load({ try $0.tripPlan() }), let plan = loaded else { return }
        let device = TimeZone.current.identifier
        let zone = plan.schedule.timeZone
        // The plan's days in its own zone, shown as the same days in the picker's (device) zone.
        if let first = try? tripDayStart(date: try tripDayOf(at: plan.starts, timeZone: zone), timeZone: device),
           let last = try? tripDayStart(date: try tripDayOf(at: plan.ends, timeZone: zone), timeZone: device) {
            starts = first
            ends = last
        }
        name = plan.travellerName
        country = plan.destinationCountry
        city = plan.destinationCity
        homeZone = plan.homeTimeZone
        destinationZone = plan.destinationTimeZone
        scheduleZone = zone
        employer = plan.employer ?? ""
        agency = plan.agency ?? ""
        documents = plan.documentCopies ?? ""
        window = String(plan.schedule.windowMinutes)
        grace = String(plan.schedule.graceMinutes)
        switch plan.schedule.cadence {
        case let .daily(list):
            times = list.joined(separator: ", ")
            days = []
        case let .weekly(weekDays, list):
            times = list.joined(separator: ", ")
            days = Set(weekDays)
        case let .everyHours(hours):
            everyHours = String(hours)
            times = ""
        }
    }

    private func save() async {
        let device = TimeZone.current.identifier
        let timeList = times.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        let cadence: CheckinCadence
        if let hours = UInt32(everyHours.trimmingCharacters(in: .whitespaces)) {
            cadence = .everyHours(hours: hours)
        } else if days.isEmpty {
            cadence = .daily(times: timeList)
        } else {
            cadence = .weekly(days: Self.week.filter { days.contains($0) }, times: timeList)
        }
        let (starts, ends, zone) = (self.starts, self.ends, scheduleZone)
        let fields = (name, country, city, homeZone, destinationZone, employer, agency, documents)
        let window = UInt32(self.window) ?? 0
        let grace = UInt32(self.grace) ?? 0
        do {
            _ = try await store.call { waymark -> CheckinView in
                let plan = TripPlan(
                    travellerName: fields.0,
                    destinationCountry: fields.1,
                    destinationCity: fields.2,
                    starts: try tripDayStart(date: try tripDayOf(at: starts, timeZone: device), timeZone: zone),
                    ends: try tripDayStart(date: try tripDayOf(at: ends, timeZone: device), timeZone: zone),
                    homeTimeZone: fields.3,
                    destinationTimeZone: fields.4,
                    employer: fields.5.isEmpty ? nil : fields.5,
                    agency: fields.6.isEmpty ? nil : fields.6,
                    documentCopies: fields.7.isEmpty ? nil : fields.7,
                    schedule: CheckinSchedule(cadence: cadence, timeZone: zone, windowMinutes: window, graceMinutes: grace)
                )
                return try waymark.setTripPlan(plan: plan, now: Date())
            }
            failure = nil
            await notifications.replan()
            dismiss()
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

import SwiftUI
import WaymarkCore

/// The trip plan form: starts from `tripPlanForm(now:)` (the saved plan, or the core's draft with
/// the usual schedule), saves with `setTripPlan(plan:now:)`; the core checks every field and names
/// the one it refuses. Dates go through `tripDayOf`/`tripDayStart` in the form's `datesZone`, so a
/// picked day is midnight where the core means it.
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
    @State private var scheduleZone = ""
    @State private var datesZone = TimeZone.current.identifier
    @State private var employer = ""
    @State private var agency = ""
    @State private var documents = ""
    @State private var times = ""
    @State private var days: Set<DayOfWeek> = []
    @State private var everyHours = ""
    @State private var window = ""
    @State private var grace = ""
    @State private var failure: String?
    @State private var week: [DayOption] = []

    private static let zones = TimeZone.knownTimeZoneIdentifiers.sorted()

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
                    ForEach(week, id: \.day) { option in
                        Toggle(option.name, isOn: Binding(
                            get: { days.contains(option.day) },
                            set: { if $0 { days.insert(option.day) } else { days.remove(option.day) } }
                        ))
                    }
                    TextField(texts.planEveryHours, text: $everyHours).keyboardType(.numberPad)
                    zonePicker(texts.planScheduleZone, $scheduleZone, allowsNone: true)
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

    /// A zone picker; with `allowsNone` an empty first entry, which the core reads as the
    /// destination's zone.
    private func zonePicker(_ label: String, _ selection: Binding<String>, allowsNone: Bool = false) -> some View {
        Picker(label, selection: selection) {
            if allowsNone { Text("").tag("") }
            ForEach(Self.zones, id: \.self) { Text($0).tag($0) }
        }
    }

    private func load() async {
        countries = await store.load { $0.emergencyCountries() } ?? []
        guard let form = await store.load({ try $0.tripPlanForm(now: Date()) }) else { return }
        let plan = form.plan
        let device = TimeZone.current.identifier
        week = form.days
        datesZone = form.datesZone
        // The form's days, shown as the same days in the picker's (device) zone.
        if let first = try? tripDayStart(date: form.startsDay, timeZone: device),
           let last = try? tripDayStart(date: form.endsDay, timeZone: device) {
            starts = first
            ends = last
        }
        name = plan.travellerName
        country = plan.destinationCountry
        city = plan.destinationCity
        homeZone = plan.homeTimeZone
        destinationZone = plan.destinationTimeZone
        scheduleZone = plan.schedule.timeZone
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
            cadence = .weekly(days: week.map(\.day).filter { days.contains($0) }, times: timeList)
        }
        let (starts, ends, zone, datesZone) = (self.starts, self.ends, scheduleZone, self.datesZone)
        let fields = (name, country, city, homeZone, destinationZone, employer, agency, documents)
        let window = UInt32(self.window) ?? 0
        let grace = UInt32(self.grace) ?? 0
        do {
            _ = try await store.call { waymark -> CheckinView in
                let plan = TripPlan(
                    travellerName: fields.0,
                    destinationCountry: fields.1,
                    destinationCity: fields.2,
                    starts: try tripDayStart(date: try tripDayOf(at: starts, timeZone: device), timeZone: datesZone),
                    ends: try tripDayEnd(date: try tripDayOf(at: ends, timeZone: device), timeZone: datesZone),
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

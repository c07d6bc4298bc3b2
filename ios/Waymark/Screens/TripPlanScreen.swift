import SwiftUI
import WaymarkCore

/// The trip plan form: starts from `tripPlanForm(now:)` (the saved plan, or the core's draft with
/// the usual schedule, with its pickers) and sends what the person typed and picked, as it is, to
/// `saveTripPlan(input:now:)`, which checks every field and names each one's problem. The date
/// pickers' days go through `tripDayOf`/`tripDayStart` in the phone's zone, so a picked day is
/// the day the person saw. Once the check-in PINs exist (`lockStatus(now:).available`) the form
/// has a PIN field, which the core needs to change the plan.
struct TripPlanScreen: View {
    @EnvironmentObject private var store: CoreStore
    @EnvironmentObject private var notifications: NotificationScheduler
    @Environment(\.dismiss) private var dismiss
    @State private var form: TripPlanForm?
    @State private var input: Draft?
    /// Whether the PIN field is shown: the check-in PINs exist.
    @State private var asksPin = false
    @State private var pin = ""
    @State private var starts = Date()
    @State private var ends = Date()
    @State private var problems: [TripPlanFieldError] = []
    @State private var failure: String?

    var body: some View {
        if let texts = store.texts, let form, let input = Binding($input) {
            Form {
                Section {
                    TextField(texts.planTravellerName, text: input.travellerName)
                    problem(.travellerName)
                    Picker(texts.planDestinationCountry, selection: input.destinationCountry) {
                        // Empty until the person picks: a new plan has no destination yet.
                        Text("").tag("")
                        ForEach(form.countries, id: \.code) { Text($0.name).tag($0.code) }
                    }
                    problem(.destinationCountry)
                    TextField(texts.planDestinationCity, text: input.destinationCity)
                    problem(.destinationCity)
                    DatePicker(texts.planStarts, selection: $starts, displayedComponents: .date)
                    problem(.startsDay)
                    DatePicker(texts.planEnds, selection: $ends, displayedComponents: .date)
                    problem(.endsDay)
                    zonePicker(texts.planHomeZone, input.homeTimeZone)
                    problem(.homeTimeZone)
                    zonePicker(texts.planDestinationZone, input.destinationTimeZone)
                    problem(.destinationTimeZone)
                    TextField(texts.planEmployer, text: input.employer, axis: .vertical)
                    problem(.employer)
                    TextField(texts.planAgency, text: input.agency, axis: .vertical)
                    problem(.agency)
                    TextField(texts.planDocumentCopies, text: input.documentCopies, axis: .vertical)
                    problem(.documentCopies)
                }
                Section(texts.planSchedule) {
                    TextField(texts.planTimes, text: input.times).keyboardType(.numbersAndPunctuation)
                    problem(.times)
                    Text(texts.planDays).font(.subheadline)
                    ForEach(form.days, id: \.day) { option in
                        Toggle(option.name, isOn: Binding(
                            get: { input.wrappedValue.days.contains(option.day) },
                            set: { on in
                                input.wrappedValue.days.removeAll { $0 == option.day }
                                if on { input.wrappedValue.days.append(option.day) }
                            }
                        ))
                    }
                    problem(.days)
                    TextField(texts.planEveryHours, text: input.everyHours).keyboardType(.numberPad)
                    problem(.everyHours)
                    zonePicker(texts.planScheduleZone, input.scheduleTimeZone, allowsNone: true)
                    problem(.scheduleTimeZone)
                    TextField(texts.planWindowMinutes, text: input.windowMinutes).keyboardType(.numberPad)
                    problem(.windowMinutes)
                    TextField(texts.planGraceMinutes, text: input.graceMinutes).keyboardType(.numberPad)
                    problem(.graceMinutes)
                }
                Section {
                    if asksPin {
                        SecureField(texts.pinLabel, text: $pin).keyboardType(.numberPad)
                        problem(.pin)
                    }
                    FormFailure(message: failure)
                    Button(texts.save) { Task { await save() } }
                }
            }
            .navigationTitle(texts.planTitle)
        } else {
            ProgressView().task(id: store.revision) { await load() }
        }
    }

    /// The core's words for what is wrong with `field`, shown under it (VoiceOver reads it next).
    @ViewBuilder
    private func problem(_ field: TripPlanField) -> some View {
        if let found = problems.first(where: { $0.field == field }) {
            Text(found.message).font(.footnote).foregroundStyle(.red)
        }
    }

    /// A zone picker over the core's zones; with `allowsNone` an empty first entry, which the
    /// core reads as the destination's zone.
    private func zonePicker(_ label: String, _ selection: Binding<String>, allowsNone: Bool = false) -> some View {
        Picker(label, selection: selection) {
            if allowsNone { Text("").tag("") }
            ForEach(form?.zones ?? [], id: \.name) { Text($0.label).tag($0.name) }
        }
    }

    private func load() async {
        guard let loaded = await store.load({ try $0.tripPlanForm(now: Date()) }) else { return }
        let device = TimeZone.current.identifier
        // The form's days, shown as the same days in the picker's (the phone's) zone.
        if let first = try? tripDayStart(date: loaded.input.startsDay, timeZone: device),
           let last = try? tripDayStart(date: loaded.input.endsDay, timeZone: device) {
            starts = first
            ends = last
        }
        asksPin = await store.load({ try $0.lockStatus(now: Date()) })?.available ?? false
        form = loaded
        input = Draft(loaded.input)
    }

    private func save() async {
        guard let draft = input else { return }
        let device = TimeZone.current.identifier
        // The days the pickers show, as the core writes days; the core reads them in the plan's zone.
        let typed = draft.input(
            startsDay: (try? tripDayOf(at: starts, timeZone: device)) ?? draft.startsDay,
            endsDay: (try? tripDayOf(at: ends, timeZone: device)) ?? draft.endsDay,
            pin: asksPin ? pin : nil)
        pin = ""
        do {
            let outcome = try await store.call { try $0.saveTripPlan(input: typed, now: Date()) }
            failure = nil
            switch outcome {
            case .saved:
                problems = []
                await notifications.replan()
                dismiss()
            case let .refused(errors):
                problems = errors
            }
        } catch {
            failure = CoreStore.describe(error)
        }
    }
}

/// The form's fields as the person edits them. The core's `TripPlanInput` is an immutable
/// record, so the form edits this copy and hands the core a new record on save; nothing is
/// checked or changed here.
private struct Draft {
    var travellerName: String
    var destinationCountry: String
    var destinationCity: String
    var startsDay: String
    var endsDay: String
    var homeTimeZone: String
    var destinationTimeZone: String
    var employer: String
    var agency: String
    var documentCopies: String
    var times: String
    var days: [DayOfWeek]
    var everyHours: String
    var scheduleTimeZone: String
    var windowMinutes: String
    var graceMinutes: String

    init(_ input: TripPlanInput) {
        travellerName = input.travellerName
        destinationCountry = input.destinationCountry
        destinationCity = input.destinationCity
        startsDay = input.startsDay
        endsDay = input.endsDay
        homeTimeZone = input.homeTimeZone
        destinationTimeZone = input.destinationTimeZone
        employer = input.employer
        agency = input.agency
        documentCopies = input.documentCopies
        times = input.times
        days = input.days
        everyHours = input.everyHours
        scheduleTimeZone = input.scheduleTimeZone
        windowMinutes = input.windowMinutes
        graceMinutes = input.graceMinutes
    }

    func input(startsDay: String, endsDay: String, pin: String?) -> TripPlanInput {
        TripPlanInput(
            travellerName: travellerName,
            destinationCountry: destinationCountry,
            destinationCity: destinationCity,
            startsDay: startsDay,
            endsDay: endsDay,
            homeTimeZone: homeTimeZone,
            destinationTimeZone: destinationTimeZone,
            employer: employer,
            agency: agency,
            documentCopies: documentCopies,
            times: times,
            days: days,
            everyHours: everyHours,
            scheduleTimeZone: scheduleTimeZone,
            windowMinutes: windowMinutes,
            graceMinutes: graceMinutes,
            pin: pin)
    }
}

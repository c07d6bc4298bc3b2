import Foundation
import XCTest
@testable import WaymarkCore

/// Check-ins, the traveller's side and the family's: the trip plan, the two PINs, check-ins and
/// their codes, sharing the plan, verifying received messages, and the notification planner. The
/// Kotlin `CheckinsTest`'s twin.
final class CheckinsTests: WaymarkTestCase {
    /// Sunday 1 March 2026, 15:00 in Istanbul: the plan is entered the day before the trip.
    let dayBefore = at("2026-03-01T12:00:00Z")
    /// Monday 2 March 2026, 09:05 in Istanbul: inside the window of the first check-in (09:00).
    let firstWindow = at("2026-03-02T06:05:00Z")
    let normalPin = "2468"
    let duressPin = "1357"
    let phrase = "How is aunt Valya?"

    /// Anna works in Istanbul; her family is in Moscow. She checks in at 09:00 and 21:00 Istanbul
    /// time (06:00Z and 18:00Z), window one hour, grace 30 minutes. Records are immutable, so a
    /// changed plan is a new one.
    private func plan(
        cadence: CheckinCadence = .daily(times: ["21:00", "09:00"]),
        travellerName: String = "Anna",
        destinationCountry: String = "tr",
        ends: Date = at("2026-06-01T00:00:00Z"),
        homeTimeZone: String = "Europe/Moscow",
        employer: String? = "Hotel Marmara Star, housekeeping",
        timeZone: String = "Europe/Istanbul",
        windowMinutes: UInt32 = 60
    ) -> TripPlan {
        TripPlan(
            travellerName: travellerName,
            destinationCountry: destinationCountry,
            destinationCity: "Istanbul",
            starts: at("2026-03-02T00:00:00Z"),
            ends: ends,
            homeTimeZone: homeTimeZone,
            destinationTimeZone: "Europe/Istanbul",
            employer: employer,
            agency: nil,
            documentCopies: "with my sister Olga",
            schedule: CheckinSchedule(cadence: cadence, timeZone: timeZone, windowMinutes: windowMinutes, graceMinutes: 30))
    }

    private func profile(_ name: String, timeZone: String = "Europe/Istanbul", key: Data = profileKey) throws -> Waymark {
        try Waymark.open(
            path: dir.appendingPathComponent(name).path,
            options: WaymarkOptions(language: "en", timeZone: timeZone, profileKey: key))
    }

    /// A traveller's profile with the plan and both PINs set.
    private func ready(_ name: String = "anna") throws -> Waymark {
        let waymark = try profile(name)
        _ = try waymark.setTripPlan(plan: plan(), now: dayBefore)
        try waymark.setCheckinPins(normalPin: normalPin, duressPin: duressPin, signalPhrase: phrase)
        return waymark
    }

    /// The family's profile.
    private func family() throws -> Waymark {
        try profile("family", timeZone: "Europe/Moscow")
    }

    /// The traveller exports the plan (sealed with the words the core made up) and the family
    /// imports it with those words, as said on the phone.
    private func share(_ phone: Waymark, to familyPhone: Waymark, pin: String? = nil) throws -> FamilyTravellerView {
        let export = try phone.exportPlan(pin: pin ?? normalPin, passphrase: nil)
        return try familyPhone.importPlan(payload: export.payload, passphrase: export.passphrase, now: dayBefore)
    }

    /// Anna's phone and her mother's, with the plan shared between them.
    private func pair() throws -> (anna: Waymark, mother: Waymark, id: String) {
        let anna = try ready()
        let mother = try family()
        let id = try share(anna, to: mother).id
        return (anna, mother, id)
    }

    /// The six-digit code at the end of a check-in message.
    private func code(_ message: String) -> String {
        String(message.split(separator: " ").last ?? "")
    }

    private func invalid(_ field: String) -> (WaymarkError) -> Bool {
        return { error in
            if case let .InvalidInput(named, _, _) = error { return named == field }
            return false
        }
    }

    // MARK: - The traveller's side

    func testWithoutAPlanTheScreenAsksForOneAndAbsentValuesAreNil() throws {
        let waymark = try profile("anna")
        XCTAssertNil(try waymark.tripPlan())
        let view = try waymark.checkinStatus(now: firstWindow)
        XCTAssertEqual(view.action, .editTripPlan)
        XCTAssertEqual(view.title, "Check-in")
        XCTAssertNil(view.travellerName)
        XCTAssertNil(view.current)
        XCTAssertNil(view.next)
        XCTAssertNil(view.lastCheckin)
        XCTAssertNil(view.lastCheckinAt)
        XCTAssertEqual(view.streak, 0)
        XCTAssertTrue(try waymark.checkinHistory().entries.isEmpty)
        assertThrows(try waymark.checkIn(pin: self.normalPin, now: self.firstWindow), invalid("plan"))
        assertThrows(try waymark.exportPlan(pin: self.normalPin, passphrase: nil), invalid("plan"))
    }

    func testThePlanIsStoredAsARecordDatesAndNilsIncludedThenPinsAreAskedFor() throws {
        let waymark = try profile("anna")
        let view = try waymark.setTripPlan(plan: plan(), now: dayBefore)
        XCTAssertEqual(view.action, .setCheckinPins)
        XCTAssertEqual(view.headline, "Set your two check-in PINs before you travel.")
        XCTAssertEqual(view.travellerName, "Anna")
        assertThrows(try waymark.checkIn(pin: self.normalPin, now: self.firstWindow), invalid("pin"))

        let stored = try XCTUnwrap(waymark.tripPlan())
        XCTAssertEqual(stored, plan(destinationCountry: "TR"), "stored normalised, otherwise as given")
        XCTAssertEqual(stored.starts, at("2026-03-02T00:00:00Z"))
        XCTAssertNil(stored.agency)

        try waymark.setCheckinPins(normalPin: normalPin, duressPin: duressPin, signalPhrase: phrase)
        let readyView = try waymark.checkinStatus(now: dayBefore)
        XCTAssertEqual(readyView.action, .checkIn)
        XCTAssertEqual(readyView.headline, "Next check-in: 2 Mar 2026, 09:00")
        XCTAssertEqual(readyView.lastCheckin, "No check-ins yet")
        XCTAssertNil(readyView.lastCheckinAt)
        XCTAssertNil(readyView.current)
        let next = try XCTUnwrap(readyView.next)
        XCTAssertEqual(next.index, 0)
        XCTAssertEqual(next.opens, at("2026-03-02T05:30:00Z"))
        XCTAssertEqual(next.due, at("2026-03-02T06:00:00Z"))
        XCTAssertEqual(next.overdueAt, at("2026-03-02T07:00:00Z"))
        XCTAssertEqual(next.label, "Check-in due 2 Mar 2026, 09:00")
        XCTAssertEqual(next.otherSide, "2 Mar 2026, 09:00 for your family (Moscow time)")
        XCTAssertEqual(next.status, .upcoming)
    }

    func testWeeklyAndEveryHoursCadencesRoundTripWithTheirDays() throws {
        let waymark = try profile("anna")
        let weekly = plan(cadence: .weekly(days: [.monday, .thursday], times: ["20:00"]))
        _ = try waymark.setTripPlan(plan: weekly, now: dayBefore)
        XCTAssertEqual(try waymark.tripPlan()?.schedule, weekly.schedule)
        _ = try waymark.setTripPlan(plan: plan(cadence: .everyHours(hours: 6)), now: dayBefore)
        XCTAssertEqual(try waymark.tripPlan()?.schedule.cadence, .everyHours(hours: 6))
        // Every six hours from the start: the first check-in is due when the trip starts.
        XCTAssertEqual(try waymark.checkinStatus(now: dayBefore).next?.due, at("2026-03-02T00:00:00Z"))
    }

    func testEveryInvalidPlanFieldIsNamedAndNothingIsSaved() throws {
        let waymark = try profile("anna")
        let cases: [(String, TripPlan)] = [
            ("traveller_name", plan(travellerName: "  ")),
            ("destination_country", plan(destinationCountry: "Turkey")),
            ("home_time_zone", plan(homeTimeZone: "Moscow")),
            ("employer", plan(employer: "line\nbreak")),
            ("ends", plan(ends: at("2026-03-02T00:00:00Z"))),
            ("times", plan(cadence: .daily(times: ["9am"]))),
            ("days", plan(cadence: .weekly(days: [], times: ["09:00"]))),
            ("every_hours", plan(cadence: .everyHours(hours: 0))),
            ("window_minutes", plan(windowMinutes: 5)),
            ("time_zone", plan(timeZone: "UTC+3")),
        ]
        for (field, bad) in cases {
            assertThrows(try waymark.setTripPlan(plan: bad, now: self.dayBefore), invalid(field))
        }
        XCTAssertNil(try waymark.tripPlan())
    }

    func testPinsAreCheckedNamedByFieldAndSetOnlyOnce() throws {
        let waymark = try profile("anna")
        _ = try waymark.setTripPlan(plan: plan(), now: dayBefore)
        assertThrows(try waymark.setCheckinPins(normalPin: "12a4", duressPin: self.duressPin, signalPhrase: self.phrase), invalid("normal_pin"))
        assertThrows(try waymark.setCheckinPins(normalPin: self.normalPin, duressPin: "123", signalPhrase: self.phrase), invalid("duress_pin"))
        assertThrows(try waymark.setCheckinPins(normalPin: self.normalPin, duressPin: self.normalPin, signalPhrase: self.phrase), invalid("duress_pin"))
        assertThrows(try waymark.setCheckinPins(normalPin: self.normalPin, duressPin: self.duressPin, signalPhrase: " "), invalid("signal_phrase"))
        try waymark.setCheckinPins(normalPin: normalPin, duressPin: duressPin, signalPhrase: phrase)
        assertThrows(try waymark.setCheckinPins(normalPin: "1111", duressPin: "2222", signalPhrase: "other"), invalid("normal_pin"))
        XCTAssertEqual(try waymark.checkIn(pin: normalPin, now: firstWindow).status.streak, 1, "the first PINs still work")
    }

    func testBothPinsCheckInAlikeTheReceiptsDifferingOnlyInTheCodeDigits() throws {
        let normal = try ready("normal")
        let duress = try ready("duress")
        let a = try normal.checkIn(pin: normalPin, now: firstWindow)
        let b = try duress.checkIn(pin: duressPin, now: firstWindow)
        XCTAssertTrue(a.message.hasPrefix("Waymark check-in from Anna, 2 Mar 2026, 09:05: all is well. Code "), a.message)
        XCTAssertEqual(code(a.message).count, 6)
        XCTAssertTrue(code(a.message).allSatisfy(\.isNumber), a.message)
        XCTAssertEqual(a.message.dropLast(6), b.message.dropLast(6))
        XCTAssertEqual(a.headline, b.headline)
        XCTAssertEqual(a.status, b.status)
        XCTAssertEqual(a.share, .shareText(text: a.message))
        XCTAssertEqual(try normal.checkinHistory(), try duress.checkinHistory())

        XCTAssertNil(a.status.current, "the first check-in is done")
        XCTAssertEqual(a.status.streak, 1)
        XCTAssertEqual(a.status.lastCheckinAt, firstWindow)
        XCTAssertEqual(a.status.lastCheckin, "Last check-in: 2 Mar 2026, 09:05")
        let entries = try normal.checkinHistory().entries
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].at, firstWindow)
        XCTAssertEqual(entries[0].slot, 0)
        XCTAssertEqual(entries[0].slotLabel, "Check-in due 2 Mar 2026, 09:00")

        // On one phone, the two PINs make different codes for the same check-in.
        XCTAssertNotEqual(code(try normal.checkIn(pin: duressPin, now: firstWindow).message), code(a.message))
    }

    func testAWrongPinIsInvalidInputNamingPinAndChangesNothing() throws {
        let waymark = try ready()
        let before = try waymark.checkinStatus(now: firstWindow)
        assertThrows(try waymark.checkIn(pin: "0000", now: self.firstWindow)) {
            $0 == .InvalidInput(field: "pin", reason: "wrong PIN", shown: "wrong PIN")
        }
        XCTAssertEqual(try waymark.checkinStatus(now: firstWindow), before)
        XCTAssertTrue(try waymark.checkinHistory().entries.isEmpty)
        assertThrows(try waymark.exportPlan(pin: "0000", passphrase: nil), invalid("pin"))
    }

    func testTheScreenFollowsACheckInThroughOpenAndOverdueAndOneOutsideHasNoSlot() throws {
        let waymark = try ready()
        XCTAssertEqual(try waymark.checkinStatus(now: at("2026-03-02T05:45:00Z")).current?.status, .open)
        let overdue = try waymark.checkinStatus(now: at("2026-03-02T07:05:00Z"))
        XCTAssertEqual(overdue.current?.status, .overdue)
        XCTAssertEqual(overdue.next?.index, 1)
        _ = try waymark.checkIn(pin: normalPin, now: at("2026-03-02T12:00:00Z"))
        let entries = try waymark.checkinHistory().entries
        XCTAssertEqual(entries.count, 1)
        XCTAssertNil(entries[0].slot)
        XCTAssertEqual(entries[0].slotLabel, "outside the schedule")
    }

    // MARK: - Sharing the plan

    func testThePlanIsAlwaysExportedSealedWithMadeUpWordsOrThePersonsPassphrase() throws {
        let anna = try ready()
        let madeUp = try anna.exportPlan(pin: normalPin, passphrase: nil)
        XCTAssertTrue(madeUp.payload.hasPrefix("WAYMARK1S."), "sealed even without a passphrase")
        XCTAssertEqual(madeUp.passphrase.split(separator: " ").count, 4, madeUp.passphrase)
        XCTAssertTrue(madeUp.passphraseHint.contains(madeUp.passphrase), madeUp.passphraseHint)
        XCTAssertEqual(Int(madeUp.bytes), madeUp.payload.utf8.count)
        XCTAssertTrue(madeUp.fitsQrCode)
        XCTAssertEqual(madeUp.fileName, "waymark-plan.txt")
        XCTAssertEqual(madeUp.showQrCode, .showQrCode(text: madeUp.payload))
        XCTAssertEqual(madeUp.share, .shareText(text: madeUp.payload))
        let own = try anna.exportPlan(pin: normalPin, passphrase: "correct horse")
        XCTAssertTrue(own.payload.hasPrefix("WAYMARK1S."), own.payload)
        assertThrows(try anna.exportPlan(pin: self.normalPin, passphrase: "short"), invalid("passphrase"))

        let mother = try profile("family", timeZone: "Europe/Moscow")
        let empty = try mother.familyList(now: dayBefore)
        XCTAssertTrue(empty.travellers.isEmpty)
        XCTAssertNotNil(empty.emptyHint)

        assertThrows(try mother.importPlan(payload: own.payload, passphrase: nil, now: self.dayBefore), invalid("passphrase"))
        assertThrows(try mother.importPlan(payload: own.payload, passphrase: "wrong horse", now: self.dayBefore), invalid("passphrase"))
        assertThrows(try mother.importPlan(payload: madeUp.payload, passphrase: nil, now: self.dayBefore), invalid("passphrase"))
        // A sealed payload cut short cannot be told from a wrong passphrase.
        assertThrows(try mother.importPlan(payload: String(madeUp.payload.dropLast(10)), passphrase: madeUp.passphrase, now: self.dayBefore), invalid("passphrase"))
        assertThrows(try mother.importPlan(payload: "https://example.org/plan", passphrase: nil, now: self.dayBefore)) { error in
            guard case let .InvalidInput(field, reason, _) = error else { return false }
            return field == "payload" && reason.contains("not a Waymark plan")
        }
        XCTAssertTrue(try mother.familyList(now: dayBefore).travellers.isEmpty, "nothing stored")

        // Said on the phone and typed back in capitals with extra spaces, the words still open it.
        let typed = "  " + madeUp.passphrase.uppercased().replacingOccurrences(of: " ", with: "   ") + " "
        let view = try mother.importPlan(payload: madeUp.payload, passphrase: typed, now: dayBefore)
        XCTAssertEqual(view.name, "Anna")
        XCTAssertEqual(view.destination, "Istanbul, Türkiye")
        XCTAssertTrue(view.signalPhraseReminder.contains("«How is aunt Valya?»"), view.signalPhraseReminder)
        XCTAssertFalse(view.needsAttention)
        XCTAssertFalse(view.helpSignalled)
        XCTAssertNil(view.pendingChange)
        XCTAssertNil(view.current)
        XCTAssertNil(view.lastCheckin)
        XCTAssertEqual(view.next?.index, 0)
        XCTAssertTrue(view.steps.isEmpty)
        XCTAssertEqual(view.facts.map(\.label), ["Name", "Where", "Employer", "Document copies", "Last check-in"])
        XCTAssertEqual(view.facts[3], FactLine(label: "Document copies", value: "with my sister Olga"))

        let again = try mother.importPlan(payload: own.payload, passphrase: "correct horse", now: dayBefore)
        XCTAssertEqual(again.id, view.id, "the same plan twice is one traveller")
        let list = try mother.familyList(now: dayBefore)
        XCTAssertNil(list.emptyHint)
        XCTAssertEqual(list.title, "Watching over")
        XCTAssertEqual(list.travellers, [
            WatchedTravellerSummary(
                id: view.id, name: "Anna", destination: view.destination, headline: view.headline, needsAttention: false),
        ])
    }

    func testNormalAndHelpExportsLookAlikeAndOnlyTheFamilyLearnsWhichItWas() throws {
        let anna = try ready()
        let normal = try anna.exportPlan(pin: normalPin, passphrase: nil)
        let helped = try anna.exportPlan(pin: duressPin, passphrase: nil)
        XCTAssertEqual(normal.payload.count, helped.payload.count)
        XCTAssertTrue(helped.payload.hasPrefix("WAYMARK1S."))
        XCTAssertEqual(
            normal.passphraseHint.replacingOccurrences(of: normal.passphrase, with: ""),
            helped.passphraseHint.replacingOccurrences(of: helped.passphrase, with: ""))

        let calm = try family().importPlan(payload: normal.payload, passphrase: normal.passphrase, now: dayBefore)
        XCTAssertFalse(calm.helpSignalled)
        let other = try profile("other-family", timeZone: "Europe/Moscow")
        let alarmed = try other.importPlan(payload: helped.payload, passphrase: helped.passphrase, now: dayBefore)
        XCTAssertTrue(alarmed.helpSignalled)
        XCTAssertTrue(alarmed.needsAttention)
    }

    // MARK: - Changing the plan once the PINs exist

    func testOnceThePinsExistThePlanChangesOnlyWithOneOfThem() throws {
        let anna = try ready()
        let moved = plan(employer: "Other Hotel")
        assertThrows(try anna.setTripPlan(plan: moved, now: self.dayBefore)) { error in
            guard case let .InvalidInput(field, reason, _) = error else { return false }
            return field == "pin" && reason.contains("check-in PINs")
        }
        assertThrows(try anna.changeTripPlan(plan: moved, pin: "0000", now: self.dayBefore), invalid("pin"))
        XCTAssertEqual(try anna.tripPlan()?.employer, "Hotel Marmara Star, housekeeping", "nothing changed")
        _ = try anna.changeTripPlan(plan: moved, pin: normalPin, now: dayBefore)
        XCTAssertEqual(try anna.tripPlan()?.employer, "Other Hotel")
        // The help PIN changes it just the same on this phone.
        _ = try anna.changeTripPlan(plan: plan(employer: "Third Hotel"), pin: duressPin, now: dayBefore)
        XCTAssertEqual(try anna.tripPlan()?.employer, "Third Hotel")
    }

    func testAWeakerPlanWaitsForTheFamilyToCallThenIsAcceptedOrKept() throws {
        let (anna, mother, id) = try pair()
        _ = try anna.changeTripPlan(plan: plan(windowMinutes: 120), pin: normalPin, now: dayBefore)
        let view = try share(anna, to: mother)
        XCTAssertEqual(view.id, id)
        XCTAssertTrue(view.needsAttention)
        let pending = try XCTUnwrap(view.pendingChange)
        XCTAssertEqual(pending.differences.count, 1)
        XCTAssertTrue(pending.differences[0].hasPrefix("Wider window: 120 minutes instead of 60"), pending.differences[0])
        XCTAssertTrue(pending.ask.contains("signal phrase"), pending.ask)
        XCTAssertFalse(pending.title.isEmpty || pending.acceptLabel.isEmpty || pending.keepLabel.isEmpty)
        XCTAssertNil(try mother.familyKeepPlan(id: id, now: dayBefore).pendingChange)
        XCTAssertThrowsError(try mother.familyKeepPlan(id: id, now: dayBefore), "nothing waits")

        _ = try anna.changeTripPlan(plan: plan(employer: "Other Hotel"), pin: normalPin, now: dayBefore)
        XCTAssertNotNil(try share(anna, to: mother).pendingChange)
        let accepted = try mother.familyAcceptPlanChange(id: id, now: dayBefore)
        XCTAssertNil(accepted.pendingChange)
        XCTAssertTrue(accepted.facts.contains { $0.value == "Other Hotel" }, "\(accepted.facts)")
    }

    // MARK: - The family's side

    func testTheFamilyNoticesAMissedCheckInOnItsOwnAndGetsTheSteps() throws {
        let (_, mother, id) = try pair()
        let fine = try mother.familyTraveller(id: id, now: at("2026-03-02T05:00:00Z"))
        XCTAssertFalse(fine.needsAttention)
        XCTAssertTrue(fine.steps.isEmpty)
        let overdue = try mother.familyTraveller(id: id, now: at("2026-03-02T07:01:00Z"))
        XCTAssertTrue(overdue.needsAttention)
        XCTAssertFalse(overdue.helpSignalled)
        XCTAssertEqual(overdue.current?.status, .overdue)
        XCTAssertEqual(overdue.steps.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(overdue.steps[0].title, "Call Anna")
        XCTAssertEqual(overdue.steps[1].action, .dial(uri: "tel:+78003330016"))
        // No embassy saved: the built-in consulate in Istanbul and the ministry's line for
        // citizens abroad, then Türkiye's 157 to pass on.
        XCTAssertEqual(overdue.steps[2].action, .dial(uri: "tel:+905309410368"))
        XCTAssertEqual(overdue.steps[3].action, .dial(uri: "tel:+74956954545"))
        XCTAssertNil(overdue.steps[4].action, "157 works only inside Türkiye")
        XCTAssertEqual(try mother.familyList(now: at("2026-03-02T07:01:00Z")).travellers.map(\.needsAttention), [true])
    }

    func testReceivedMessagesAreVerifiedAsGenuineReplayedWrongMissingOutsideOrUnderDuress() throws {
        let (anna, mother, id) = try pair()
        func verify(_ message: String, _ time: String) throws -> VerificationView {
            try mother.verifyCheckin(id: id, message: message, now: at(time))
        }

        let normal = try anna.checkIn(pin: normalPin, now: firstWindow).message
        let genuine = try verify(normal, "2026-03-02T06:06:00Z")
        XCTAssertEqual(genuine.outcome, .genuine)
        XCTAssertEqual(genuine.headline, "Genuine check-in: Anna is fine.")
        XCTAssertFalse(genuine.needsHelp)
        XCTAssertFalse(genuine.phraseFound)
        XCTAssertNil(genuine.traveller.current, "the check-in is done on the family's side too")
        XCTAssertNotNil(genuine.traveller.lastCheckin)

        XCTAssertEqual(try verify(normal, "2026-03-02T06:10:00Z").outcome, .replayed)
        let wrong = code(normal) == "000000" ? "111111" : "000000"
        XCTAssertEqual(try verify("all fine \(wrong)", "2026-03-02T06:11:00Z").outcome, .wrongCode)
        XCTAssertEqual(try verify("all fine", "2026-03-02T06:12:00Z").outcome, .noCode)
        // At 05:00 the next morning no window is open: the code is for the evening check-in
        // before, long past.
        let late = try anna.checkIn(pin: normalPin, now: at("2026-03-03T02:00:00Z")).message
        XCTAssertEqual(try verify(late, "2026-03-03T02:01:00Z").outcome, .outsideWindow)

        let duress = try anna.checkIn(pin: duressPin, now: at("2026-03-03T18:05:00Z")).message
        let help = try verify(duress, "2026-03-03T18:20:00Z")
        XCTAssertEqual(help.outcome, .genuineUnderDuress)
        XCTAssertEqual(help.headline, "Anna needs help.")
        XCTAssertTrue(help.needsHelp)
        XCTAssertTrue(help.traveller.helpSignalled)
        XCTAssertTrue(help.traveller.needsAttention)
        XCTAssertEqual(help.traveller.steps.count, 6)
        XCTAssertTrue(try mother.familyTraveller(id: id, now: at("2026-03-04T00:00:00Z")).helpSignalled, "until handled")
        XCTAssertFalse(try mother.familyMarkHandled(id: id, now: at("2026-03-04T00:00:00Z")).helpSignalled)

        let history = try mother.familyHistory(id: id)
        XCTAssertEqual(history.title, "Messages from Anna")
        XCTAssertEqual(
            history.entries.map(\.outcome),
            [nil, .genuineUnderDuress, .outsideWindow, .noCode, .wrongCode, .replayed, .genuine],
            "newest first; nil is the help signal marked handled")
        XCTAssertEqual(history.entries.first?.outcomeLabel, "Help signal marked as handled")
        XCTAssertEqual(history.entries.last?.at, at("2026-03-02T06:06:00Z"))
        XCTAssertEqual(history.entries.last?.slotLabel, "Check-in due 2 Mar 2026, 09:00")
    }

    func testTheSignalPhraseInAMessageMeansHelpWhateverTheCode() throws {
        let (anna, mother, id) = try pair()
        let normal = try anna.checkIn(pin: normalPin, now: firstWindow).message
        let view = try mother.verifyCheckin(
            id: id, message: "kak dela? how is aunt valya? \(code(normal))", now: at("2026-03-02T06:06:00Z"))
        XCTAssertEqual(view.outcome, .genuine, "the code itself is fine")
        XCTAssertTrue(view.phraseFound)
        XCTAssertTrue(view.needsHelp)
        XCTAssertTrue(view.traveller.helpSignalled)
        XCTAssertEqual(try mother.familyHistory(id: id).entries.map(\.phraseFound), [true])
    }

    func testAnUnknownTravellerIsNotFoundByAnyFamilyCall() throws {
        let mother = try family()
        let now = firstWindow
        let notFound: (WaymarkError) -> Bool = { isNotFound("traveller", "nobody")($0) }
        assertThrows(try mother.familyTraveller(id: "nobody", now: now), notFound)
        assertThrows(try mother.verifyCheckin(id: "nobody", message: "123456", now: now), notFound)
        assertThrows(try mother.familyHistory(id: "nobody"), notFound)
        assertThrows(try mother.familyMarkHandled(id: "nobody", now: now), notFound)
    }

    // MARK: - The notification planner

    func testThePlannerOrdersAlertsAsDatesKeepsTo64AndSaysWhenToPlanAgain() throws {
        let (anna, mother, id) = try pair()
        let now = at("2026-03-02T00:00:00Z")
        let all = try anna.planNotifications(now: now, maxCount: 1000, exactAlarmsAllowed: true)
        XCTAssertEqual(all.alerts.count, 14 * 3, "two check-ins a day for a week, three alerts each")
        XCTAssertEqual(all.alerts.map(\.fireAt), all.alerts.map(\.fireAt).sorted())
        XCTAssertTrue(all.alerts.allSatisfy { $0.fireAt > now })
        XCTAssertEqual(all.planAgainAt, at("2026-03-09T00:00:00Z"))
        XCTAssertEqual(Set(all.alerts.map(\.kind)), [.checkinReminder, .checkinDue, .checkinOverdue])
        let first = all.alerts[0]
        XCTAssertEqual(first.id, "checkin-0-reminder")
        XCTAssertEqual(first.kind, .checkinReminder)
        XCTAssertEqual(first.fireAt, at("2026-03-02T05:30:00Z"))
        XCTAssertEqual(first.title, "Reminder")
        XCTAssertEqual(first.body, "You have a reminder until 2 Mar 2026, 10:00.")
        XCTAssertEqual(first.action, .openCheckin)

        let five = try anna.planNotifications(now: now, maxCount: 5, exactAlarmsAllowed: true)
        XCTAssertEqual(five.alerts, Array(all.alerts.prefix(5)))
        XCTAssertEqual(five.planAgainAt, five.alerts[4].fireAt, "plan again when the last one fires")

        // Without exact alarms, no alert at the due time: the reminder already lands in the window.
        let inexact = try anna.planNotifications(now: now, maxCount: 1000, exactAlarmsAllowed: false)
        XCTAssertEqual(inexact.alerts.count, 14 * 2)
        XCTAssertFalse(inexact.alerts.contains { $0.kind == .checkinDue })

        // Every six hours makes 84 alerts in the week: iOS keeps 64 pending.
        _ = try anna.changeTripPlan(plan: plan(cadence: .everyHours(hours: 6)), pin: normalPin, now: now)
        let ios = try anna.planNotifications(now: now, maxCount: 64, exactAlarmsAllowed: true)
        XCTAssertEqual(ios.alerts.count, 64)
        XCTAssertEqual(ios.planAgainAt, ios.alerts[63].fireAt)

        // The family's phone plans from its own copy of the schedule.
        let watching = try mother.planNotifications(now: now, maxCount: 1000, exactAlarmsAllowed: true)
        XCTAssertEqual(Set(watching.alerts.map(\.kind)), [.familyCheckinDue, .familyOverdue, .familyEscalation])
        let overdue = try XCTUnwrap(watching.alerts.first { $0.kind == .familyOverdue })
        XCTAssertEqual(overdue.id, "watch-\(id)-0-overdue")
        XCTAssertEqual(overdue.fireAt, at("2026-03-02T07:00:00Z"))
        XCTAssertEqual(overdue.title, "No check-in from Anna")
        XCTAssertEqual(overdue.action, .openWatchedTraveller(id: id))
    }

    func testTheProfileKeyIs32BytesAndOnlyTheKeyTheProfileWasMadeWithOpensIt() throws {
        let id = try share(ready(), to: family()).id
        for size in [0, 31, 33] {
            assertThrows(try self.profile("family", timeZone: "Europe/Moscow", key: Data(count: size)), invalid("profile_key"))
        }
        // The family's secrets are sealed with the same key as the file: another key opens nothing.
        assertThrows(try self.profile("family", timeZone: "Europe/Moscow", key: Data(repeating: 7, count: 32))) { error in
            guard case let .InvalidInput(field, reason, _) = error else { return false }
            return field == "profile_key" && reason.contains("does not open")
        }
        XCTAssertEqual(try family().familyTraveller(id: id, now: firstWindow).name, "Anna")
    }
}

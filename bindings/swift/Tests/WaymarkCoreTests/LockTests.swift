import Foundation
import XCTest
@testable import WaymarkCore

/// The app lock, the disguise and its calculator through the Swift bindings: optional instants,
/// enums with data and the calculator's state travelling through the caller. The Python
/// `test_lock.py`'s twin.
final class LockTests: WaymarkTestCase {
    let dayBefore = at("2026-03-01T12:00:00Z")
    let now = at("2026-03-02T06:00:00Z")
    let normalPin = "2468"
    let helpPin = "1357"

    private func open() throws -> Waymark {
        try Waymark.open(
            path: dir.appendingPathComponent("anna").path,
            options: WaymarkOptions(language: "en", timeZone: "Europe/Istanbul", profileKey: profileKey))
    }

    /// Anna's phone with the plan, both PINs and the lock on; every later `open()` is a relaunch.
    private func annaWithTheLockOn() throws {
        let first = try open()
        let plan = TripPlan(
            travellerName: "Anna", destinationCountry: "TR", destinationCity: "Istanbul",
            starts: at("2026-03-02T00:00:00Z"), ends: at("2026-06-01T00:00:00Z"),
            homeTimeZone: "Europe/Moscow", destinationTimeZone: "Europe/Istanbul",
            employer: nil, agency: nil, documentCopies: nil,
            schedule: CheckinSchedule(
                cadence: .daily(times: ["09:00", "21:00"]), timeZone: "Europe/Istanbul",
                windowMinutes: 60, graceMinutes: 30))
        _ = try first.setTripPlan(plan: plan, now: dayBefore)
        try first.setCheckinPins(normalPin: normalPin, duressPin: helpPin, signalPhrase: "How is aunt Valya?")
        XCTAssertTrue(try first.setAppLock(pin: normalPin, on: true, now: now).enabled)
    }

    func testTheLockNeedsThePinsFirst() throws {
        let fresh = try openProfile()
        let view = try fresh.lockStatus(now: now)
        XCTAssertFalse(view.enabled || view.locked || view.available)
        XCTAssertNil(view.retryAt)
        XCTAssertNil(view.problem)
        XCTAssertFalse(view.title.isEmpty || view.pinLabel.isEmpty || view.unlockLabel.isEmpty)
        XCTAssertThrowsError(try fresh.setAppLock(pin: normalPin, on: true, now: now))
    }

    func testARelaunchIsLockedWrongPinsSaySoThenWaitAndEitherPinOpensAlike() throws {
        try annaWithTheLockOn()
        let locked = try open()
        XCTAssertTrue(try locked.lockStatus(now: now).locked)
        for _ in 0..<4 {
            let wrong = try locked.unlock(pin: "0000", now: now)
            XCTAssertTrue(wrong.locked)
            XCTAssertEqual(wrong.problem, "Wrong PIN.")
            XCTAssertNil(wrong.retryAt)
        }
        let waiting = try locked.unlock(pin: "0000", now: now)
        let retryAt = try XCTUnwrap(waiting.retryAt)
        XCTAssertEqual(retryAt, at("2026-03-02T06:00:30Z"))
        XCTAssertTrue(waiting.problem?.contains("Try again after") ?? false, "\(String(describing: waiting.problem))")
        let opened = try locked.unlock(pin: normalPin, now: retryAt)
        XCTAssertFalse(opened.locked)
        XCTAssertNil(opened.problem)
        XCTAssertEqual(try locked.tripPlan()?.destinationCity, "Istanbul")

        let byHelp = try open()
        XCTAssertEqual(try byHelp.unlock(pin: helpPin, now: retryAt), opened, "the same screen for both PINs")
        XCTAssertNil(try byHelp.tripPlan(), "the harmless view")

        try locked.lockNow()
        XCTAssertTrue(try locked.lockStatus(now: now).locked)
    }

    func testTheDisguiseNeedsAPinAndSaysWhatAnIPhoneStillShows() throws {
        try annaWithTheLockOn()
        let phone = try open()
        _ = try phone.unlock(pin: normalPin, now: now)
        let off = try phone.disguiseStatus(platform: .ios)
        XCTAssertFalse(off.on)
        XCTAssertTrue(off.available)
        XCTAssertThrowsError(try phone.setDisguise(pin: "0000", on: true, platform: .ios))
        let on = try phone.setDisguise(pin: normalPin, on: true, platform: .ios)
        XCTAssertTrue(on.on)
        XCTAssertEqual(on.coverName, "Calculator")
        XCTAssertTrue(on.stillVisible.contains("name under it"), on.stillVisible)
    }

    func testTheCalculatorCalculatesAndOnlyAPinThenEqualsOpens() throws {
        try annaWithTheLockOn()
        let phone = try open()
        func press(_ keys: [CalculatorKey]) throws -> CalculatorOutcome {
            var state = calculatorStart()
            var last: CalculatorOutcome?
            for key in keys {
                let outcome = try phone.calculatorEnter(state: state, key: key, now: now)
                state = outcome.step.state
                last = outcome
            }
            return try XCTUnwrap(last)
        }
        let total = try press([.digit(digit: 1), .digit(digit: 2), .add, .digit(digit: 3), .equals])
        XCTAssertEqual(total.step.display, "15")
        XCTAssertFalse(total.opened)
        XCTAssertNil(total.step.pinCandidate)
        XCTAssertEqual(try press([.digit(digit: 9), .divide, .digit(digit: 0), .equals]).step.display, "Error")
        XCTAssertTrue(try phone.lockStatus(now: now).locked)
        let opened = try press(normalPin.compactMap { $0.wholeNumberValue }.map { .digit(digit: UInt8($0)) } + [.equals])
        XCTAssertTrue(opened.opened)
        XCTAssertEqual(opened.step.display, "0")
        XCTAssertNil(opened.step.pinCandidate, "the PIN never reaches the shell")
        XCTAssertFalse(try phone.lockStatus(now: now).locked)
    }
}

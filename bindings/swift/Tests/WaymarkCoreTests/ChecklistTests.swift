import Foundation
import XCTest
@testable import WaymarkCore

/// The pre-departure checklist: `checklist`, `checklistMarkDone`, `checklistUndo`, own items.
final class ChecklistTests: WaymarkTestCase {
    private func item(_ view: ChecklistView, _ id: String) throws -> ChecklistItemView {
        try XCTUnwrap(view.items.first { $0.id == id })
    }

    func testANewChecklistHasTheElevenRulesInOrderNothingDone() throws {
        let view = try openProfile().checklist()
        XCTAssertEqual(view.title, "Checklist")
        XCTAssertEqual(view.progress, ChecklistProgress(done: 0, total: 11, label: "0 of 11 done"))
        XCTAssertEqual(view.items.map(\.rule), (UInt32(1)...11).map { Optional($0) })
        XCTAssertEqual(view.items.map(\.number), Array(UInt32(1)...11))
        XCTAssertTrue(view.canAddOwnItem)
        XCTAssertEqual([view.whyLabel, view.howLabel, view.readMoreLabel], ["Why it matters", "How to do it", "Read more"])
        let first = view.items[0]
        XCTAssertEqual(first.id, "agency-licence")
        XCTAssertFalse(first.done)
        XCTAssertNil(first.doneAt)
        XCTAssertNil(first.doneLabel)
        XCTAssertFalse(first.isOwn)
        XCTAssertEqual(first.language, "en")
        XCTAssertNotNil(first.why)
        XCTAssertNotNil(first.how)
        XCTAssertEqual(first.article?.id, "check-the-agency")
    }

    func testMarkingDoneKeepsTheExactInstantAndTheFirstTimeAndUndoClearsIt() throws {
        let waymark = try openProfile()
        let first = at("2026-03-02T07:00:00.123Z")
        let marked = try waymark.checklistMarkDone(itemId: "work-visa", now: first)
        let done = try item(marked, "work-visa")
        XCTAssertTrue(done.done)
        // Date is a Double of seconds: the milliseconds survive, give or take one (the core
        // keeps whole milliseconds and drops the rest, and Double cannot hold .123 exactly).
        XCTAssertEqual(try XCTUnwrap(done.doneAt).timeIntervalSince1970, first.timeIntervalSince1970, accuracy: 0.001)
        XCTAssertEqual(done.doneLabel, "Done 2 Mar 2026, 10:00")
        XCTAssertEqual(marked.progress.done, 1)

        let again = try waymark.checklistMarkDone(itemId: "work-visa", now: first.addingTimeInterval(3600))
        XCTAssertEqual(try item(again, "work-visa").doneAt, done.doneAt)

        let cleared = try item(try waymark.checklistUndo(itemId: "work-visa"), "work-visa")
        XCTAssertFalse(cleared.done)
        XCTAssertNil(cleared.doneAt)
        XCTAssertNil(cleared.doneLabel)
    }

    func testInstantsBefore1970AndFarAheadCrossUnchanged() throws {
        let waymark = try openProfile()
        for moment in [at("1969-07-20T20:17:40Z"), at("2100-01-01T00:00:00Z"), Date(timeIntervalSince1970: 0)] {
            let view = try waymark.checklistMarkDone(itemId: "return-ticket", now: moment)
            XCTAssertEqual(try item(view, "return-ticket").doneAt, moment)
            _ = try waymark.checklistUndo(itemId: "return-ticket")
        }
    }

    func testOwnItemsAreAddedAtTheEndTrimmedCanBeDoneAndRemoved() throws {
        let waymark = try openProfile()
        let added = try waymark.checklistAddOwnItem(text: "  Copy the employer's address  ", now: monday10Moscow)
        XCTAssertEqual(added.progress.total, 12)
        let own = try XCTUnwrap(added.items.last)
        XCTAssertEqual(own.title, "Copy the employer's address")
        XCTAssertEqual(own.number, 12)
        XCTAssertTrue(own.isOwn)
        XCTAssertNil(own.rule)
        XCTAssertNil(own.why)
        XCTAssertNil(own.how)
        XCTAssertNil(own.article)
        XCTAssertNil(own.language)
        XCTAssertEqual(try waymark.checklistMarkDone(itemId: own.id, now: monday10Moscow).items.last?.done, true)
        let removed = try waymark.checklistRemoveOwnItem(itemId: own.id)
        XCTAssertEqual(removed.progress.total, 11)
        XCTAssertFalse(removed.items.contains { $0.id == own.id })
    }

    func testBadOwnItemsAreRejectedNamingTheField() throws {
        let waymark = try openProfile()
        for text in ["", "   ", String(repeating: "x", count: 201), "two\nlines"] {
            assertThrows(try waymark.checklistAddOwnItem(text: text, now: monday10Moscow)) { error in
                if case let .InvalidInput(field, _, _) = error { return field == "text" }
                return false
            }
        }
        _ = try waymark.checklistAddOwnItem(text: String(repeating: "я", count: 200), now: monday10Moscow)
        XCTAssertEqual(try waymark.checklist().progress.total, 12)
    }

    func testAChecklistHoldsAtMostFiftyOwnItems() throws {
        let waymark = try openProfile()
        for n in 1...50 {
            _ = try waymark.checklistAddOwnItem(text: "Item \(n)", now: monday10Moscow)
        }
        XCTAssertFalse(try waymark.checklist().canAddOwnItem)
        assertThrows(try waymark.checklistAddOwnItem(text: "One more", now: monday10Moscow)) { error in
            if case let .InvalidInput(field, _, _) = error { return field == "text" }
            return false
        }
        XCTAssertEqual(try waymark.checklist().progress.total, 61)
    }

    func testBuiltInItemsCannotBeRemovedAndUnknownItemsAreNotFound() throws {
        let waymark = try openProfile()
        assertThrows(try waymark.checklistRemoveOwnItem(itemId: "agency-licence")) { error in
            if case let .InvalidInput(field, _, _) = error { return field == "item_id" }
            return false
        }
        let notFound = isNotFound("checklist item", "no-such-item")
        assertThrows(try waymark.checklistMarkDone(itemId: "no-such-item", now: monday10Moscow), notFound)
        assertThrows(try waymark.checklistUndo(itemId: "no-such-item"), notFound)
        assertThrows(try waymark.checklistRemoveOwnItem(itemId: "no-such-item"), notFound)
        XCTAssertEqual(try waymark.checklist().progress.done, 0)
    }

    func testTheChecklistComesInRussianWithRussianDates() throws {
        let view = try openProfile(language: "ru").checklistMarkDone(itemId: "agency-licence", now: monday10Moscow)
        XCTAssertEqual(view.title, "Список дел")
        XCTAssertEqual(view.items[0].language, "ru")
        XCTAssertEqual(view.items[0].doneLabel, "Сделано 02.03.2026, 10:00")
    }
}

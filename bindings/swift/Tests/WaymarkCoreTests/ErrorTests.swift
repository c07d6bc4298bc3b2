import Foundation
import XCTest
@testable import WaymarkCore

/// `WaymarkError` as Swift sees it: one throwing enum with a case per kind.
final class ErrorTests: WaymarkTestCase {
    /// What a shell would write: an exhaustive `switch`, so a new case fails to compile.
    private func describe(_ error: WaymarkError) -> String {
        switch error {
        case let .InvalidInput(field, reason): return "invalid \(field): \(reason)"
        case let .NotFound(what, id): return "no \(what) \(id)"
        case let .ProfileUnreadable(reason): return "unreadable: \(reason)"
        case let .Storage(reason): return "storage: \(reason)"
        case let .ContentRejected(reason): return "content: \(reason)"
        case let .Internal(reason): return "bug: \(reason)"
        }
    }

    func testErrorsFromTheCoreAreThrownAsWaymarkError() throws {
        let waymark = try openProfile()
        XCTAssertThrowsError(try waymark.article(id: "nope")) { error in
            guard let error = error as? WaymarkError else { return XCTFail("\(error)") }
            XCTAssertEqual(self.describe(error), "no article nope")
            XCTAssertNotNil(error.errorDescription)
        }
    }

    func testEveryCaseCarriesItsReason() {
        // ContentRejected and Internal cannot be provoked through today's API: their shape is
        // checked here so shells can rely on it.
        let all: [WaymarkError] = [
            .InvalidInput(field: "text", reason: "must not be blank"),
            .NotFound(what: "contact", id: "x"),
            .ProfileUnreadable(reason: "damaged"),
            .Storage(reason: "disk full"),
            .ContentRejected(reason: "bad signature"),
            .Internal(reason: "oops"),
        ]
        XCTAssertEqual(all.map(describe), [
            "invalid text: must not be blank",
            "no contact x",
            "unreadable: damaged",
            "storage: disk full",
            "content: bad signature",
            "bug: oops",
        ])
    }

    func testAFailedCallLeavesTheObjectUsable() throws {
        let waymark = try openProfile()
        XCTAssertThrowsError(try waymark.checklistAddOwnItem(text: "", now: monday10Moscow))
        XCTAssertEqual(try waymark.checklist().progress.total, 11)
    }
}

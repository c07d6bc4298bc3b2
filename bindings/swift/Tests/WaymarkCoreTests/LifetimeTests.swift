import Foundation
import XCTest
@testable import WaymarkCore

/// Releasing objects: the core object is freed when Swift drops its last reference.
final class LifetimeTests: WaymarkTestCase {
    private var walPath: String { profilePath + "-wal" }

    func testDroppingTheLastReferenceReleasesTheProfileFile() throws {
        var waymark: Waymark? = try openProfile()
        _ = try waymark?.checklistMarkDone(itemId: "agency-licence", now: monday10Moscow)
        XCTAssertTrue(FileManager.default.fileExists(atPath: walPath), "an open profile keeps its write-ahead log")
        waymark = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: walPath), "the last connection closed the log")
    }

    func testRecordsStayValidAfterTheObjectThatMadeThemIsGone() throws {
        let view = try openProfile().checklist()
        XCTAssertEqual(view.items.count, 11)
        XCTAssertEqual(view.items.first?.id, "agency-licence")
    }

    func testOpeningAndDroppingManyTimesLeaksNothingThatStopsTheNextOpen() throws {
        for n in 0..<200 {
            let waymark = try openProfile()
            if n % 50 == 0 {
                _ = try waymark.checklistAddOwnItem(text: "Round \(n)", now: monday10Moscow)
            }
        }
        XCTAssertEqual(try openProfile().checklist().progress.total, 15)
    }
}

import Foundation
import XCTest
@testable import WaymarkCore

/// The home screen: `Waymark.home(now:)`.
final class HomeTests: WaymarkTestCase {
    func testANewProfileShowsProgressTheFirstRuleTheHotlineAndTheMenu() throws {
        let home = try openProfile().home(now: monday10Moscow)
        XCTAssertEqual(home.title, "Waymark")
        XCTAssertFalse(home.tagline.isEmpty)
        XCTAssertEqual(home.language, "en")
        XCTAssertEqual(home.checklist, ChecklistProgress(done: 0, total: 11, label: "0 of 11 done"))
        XCTAssertEqual(home.nextStep.heading, "Next step")
        XCTAssertEqual(home.nextStep.action, .openChecklistItem(id: "agency-licence"))
        XCTAssertEqual(
            home.menu.map(\.action),
            [.openGuide, .openChecklist, .openCheckin, .openFamily, .openOfferCheck, .openSelfCheck, .openQuiz, .openOwnContacts, .openSearch]
        )
        XCTAssertEqual(Array(home.menu.map(\.title).prefix(3)), ["Guide", "Checklist", "Check-in"])
        XCTAssertNil(home.checkin)
    }

    func testTheHotlineLineCanBeDialledAndSaysWhetherItIsOpen() throws {
        let waymark = try openProfile(timeZone: "Asia/Tokyo")
        let hotline = try waymark.home(now: monday10Moscow).hotline
        XCTAssertEqual(hotline.contactId, "hotline")
        XCTAssertEqual(hotline.e164, "+78003330016")
        XCTAssertEqual(hotline.call, .dial(uri: "tel:+78003330016"))
        XCTAssertTrue(hotline.openNow)
        XCTAssertEqual(hotline.status, "Usually answers at this hour")
        XCTAssertTrue(hotline.hours.contains("Moscow time"))
        XCTAssertNotNil(hotline.costNote)
        let closed = try waymark.home(now: sunday15Moscow).hotline
        XCTAssertFalse(closed.openNow)
        XCTAssertEqual(closed.status, "Usually closed at this hour")
    }

    func testTheNextStepMovesOnAndEndsWithTheRedFlags() throws {
        let waymark = try openProfile()
        _ = try waymark.checklistMarkDone(itemId: "agency-licence", now: monday10Moscow)
        XCTAssertEqual(try waymark.home(now: monday10Moscow).nextStep.action, .openChecklistItem(id: "contract-understood"))
        for item in try waymark.checklist().items {
            _ = try waymark.checklistMarkDone(itemId: item.id, now: monday10Moscow)
        }
        let home = try waymark.home(now: monday10Moscow)
        XCTAssertEqual(home.checklist.label, "11 of 11 done")
        XCTAssertEqual(home.nextStep.action, .openArticle(id: "red-flags"))
    }

    func testTheHomeScreenComesInRussian() throws {
        let home = try openProfile(language: "ru").home(now: monday10Moscow)
        XCTAssertEqual(home.language, "ru")
        XCTAssertEqual(home.checklist.label, "Готово 0 из 11")
        XCTAssertEqual(home.hotline.status, "Обычно в это время отвечают")
        XCTAssertEqual(home.menu.map(\.title), ["Справочник", "Список дел"])
    }
}

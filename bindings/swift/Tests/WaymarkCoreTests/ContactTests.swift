import Foundation
import XCTest
@testable import WaymarkCore

/// The built-in contact directory: `Waymark.contact(id:now:)`.
final class ContactTests: WaymarkTestCase {
    func testTheHotlineHasItsNumberHoursInMoscowTimeAndItsState() throws {
        let waymark = try openProfile(timeZone: "America/New_York")
        let hotline = try waymark.contact(id: "hotline", now: monday10Moscow)
        XCTAssertEqual(hotline.kind, "hotline")
        XCTAssertEqual(hotline.name, "Counter-trafficking hotline")
        XCTAssertEqual(hotline.country, "Russia")
        XCTAssertEqual(hotline.hours, "Mon–Fri, 08:30–18:30, Moscow time")
        XCTAssertEqual(hotline.openNow, true)
        XCTAssertEqual(hotline.status, "Usually answers at this hour")
        XCTAssertEqual(hotline.phones.count, 1)
        let phone = try XCTUnwrap(hotline.phones.first)
        XCTAssertEqual(phone.number, "8-800-333-00-16")
        XCTAssertEqual(phone.e164, "+78003330016")
        XCTAssertTrue(phone.tollFree)
        XCTAssertNotNil(phone.costNote)
        XCTAssertEqual(phone.call, .dial(uri: "tel:+78003330016"))
        XCTAssertFalse(hotline.services.isEmpty)
        XCTAssertEqual(hotline.labels.phones, "Phone")
        let sunday = try waymark.contact(id: "hotline", now: sunday15Moscow)
        XCTAssertEqual(sunday.openNow, false)
        XCTAssertEqual(sunday.status, "Usually closed at this hour")
    }

    func testUnknownHoursNoPhonesAndNoCapacityAreNilNotMadeUp() throws {
        let centre = try openProfile().contact(id: "info-centre", now: monday10Moscow)
        XCTAssertNil(centre.hours)
        XCTAssertNil(centre.openNow)
        XCTAssertNil(centre.status)
        XCTAssertNil(centre.capacity)
        XCTAssertNil(centre.capacityText)
        XCTAssertNil(centre.referralVia)
        XCTAssertTrue(centre.phones.isEmpty)
        XCTAssertEqual(centre.address, "2-ya Zvenigorodskaya Street 12, Moscow")
    }

    func testTheShelterHasACapacityAndIsReachedThroughTheHotline() throws {
        let shelter = try openProfile().contact(id: "shelter", now: monday10Moscow)
        XCTAssertEqual(shelter.capacity, 8)
        XCTAssertEqual(shelter.capacityText, "Room for 8 people at a time")
        XCTAssertEqual(shelter.referralVia, ContactRef(id: "hotline", name: "Counter-trafficking hotline"))
        XCTAssertNil(shelter.address)
        XCTAssertEqual(shelter.labels.referral, "How to get a place")
    }

    func testContactsComeInRussian() throws {
        let hotline = try openProfile(language: "ru").contact(id: "hotline", now: monday10Moscow)
        XCTAssertEqual(hotline.language, "ru")
        XCTAssertEqual(hotline.country, "Россия")
        XCTAssertEqual(hotline.status, "Обычно в это время отвечают")
        XCTAssertNotEqual(hotline.name, "Counter-trafficking hotline")
    }

    func testAnUnknownContactIsNotFound() throws {
        let waymark = try openProfile()
        assertThrows(try waymark.contact(id: "embassy", now: monday10Moscow)) { error in
            isNotFound("contact", "embassy")(error)
        }
    }
}

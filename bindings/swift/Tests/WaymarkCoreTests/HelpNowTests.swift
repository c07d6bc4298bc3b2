import Foundation
import XCTest
@testable import WaymarkCore

/// Own contacts, emergency numbers and "help now": `ownContacts`, `ownContactAdd`, `ownContactEdit`,
/// `ownContactRemove`, `emergencyNumbers`, `emergencyCountries`, `helpNow`, `HomeView.helpNow`, and
/// the contact screen's opening hours in both zones. The Kotlin `HelpNowTest`'s twin.
final class HelpNowTests: WaymarkTestCase {
    /// Wednesday 4 March 2026, 23:00 in Istanbul and in Moscow: the hotline is closed.
    let wednesdayNight = at("2026-03-04T20:00:00Z")
    /// Wednesday 4 March 2026, 15:00 in Moscow: the hotline is open.
    let wednesdayAfternoon = at("2026-03-04T12:00:00Z")

    private func input(
        _ name: String, _ kind: OwnContactKind, _ country: String, _ phone: String, notes: String = ""
    ) -> OwnContactInput {
        OwnContactInput(name: name, kind: kind, country: country, phone: phone, notes: notes)
    }

    @discardableResult
    private func add(
        _ waymark: Waymark, _ name: String, _ kind: OwnContactKind, _ country: String, _ phone: String,
        notes: String = ""
    ) throws -> OwnContactsView {
        try waymark.ownContactAdd(contact: input(name, kind, country, phone, notes: notes), now: wednesdayAfternoon)
    }

    /// One contact of each kind that "help now" uses, and an employer.
    private func withContacts(_ waymark: Waymark) throws -> Waymark {
        try add(waymark, "Mum", .family, "RU", "8 916 123-45-67")
        try add(waymark, "Embassy in Ankara", .embassyOrConsulate, "TR", "+90 312 439 21 22")
        try add(waymark, "Boss", .employer, "TR", "+90 212 555 12 34")
        try add(waymark, "Migrant help centre", .supportOrganisation, "TR", "+90 212 293 11 11")
        return waymark
    }

    private func invalid(_ field: String) -> (WaymarkError) -> Bool {
        return { error in
            if case let .InvalidInput(named, _, _) = error { return named == field }
            return false
        }
    }

    // MARK: - Own contacts

    func testAnEmptyListSaysSoAndOffersEveryKindForTheForm() throws {
        let view = try openProfile().ownContacts()
        XCTAssertEqual(view.title, "Your contacts")
        XCTAssertTrue(view.contacts.isEmpty)
        XCTAssertEqual(view.emptyText, "You have not added any contacts yet.")
        XCTAssertEqual(view.kinds.map(\.kind), [
            .family, .embassyOrConsulate, .employer, .recruitmentAgency, .supportOrganisation, .other,
        ])
        XCTAssertEqual(view.kinds[1], OwnContactKindOption(kind: .embassyOrConsulate, label: "Embassy or consulate"))
        XCTAssertEqual(view.notesLabel, "Notes")
        XCTAssertEqual(view.countryLabel, "Country")
    }

    func testNumbersInLocalFormsAreSavedInE164WithCallTextAndCopy() throws {
        let waymark = try openProfile()
        try add(waymark, "Embassy in Ankara", .embassyOrConsulate, "tr", "+90 (312) 439-21-22", notes: "  Karyağdı Sok. 5  ")
        let view = try add(waymark, "Mum", .family, "RU", "8 916 123-45-67")
        XCTAssertEqual(view.contacts.map(\.number), [1, 2])
        let embassy = view.contacts[0], mum = view.contacts[1]
        XCTAssertEqual(embassy.e164, "+903124392122")
        XCTAssertEqual(embassy.displayNumber, "+90 312 439 21 22")
        XCTAssertEqual(embassy.countryCode, "TR")
        XCTAssertEqual(embassy.country, "Türkiye")
        XCTAssertEqual(embassy.kindLabel, "Embassy or consulate")
        XCTAssertEqual(embassy.notes, "Karyağdı Sok. 5")
        XCTAssertTrue(embassy.dialableFromAbroad)
        XCTAssertEqual(mum.e164, "+79161234567")
        XCTAssertEqual(mum.notes, "")
        // A mobile takes texts; a landline does not.
        XCTAssertEqual(mum.actions, [
            ContactAction(label: "Call", action: .dial(uri: "tel:+79161234567")),
            ContactAction(label: "Text", action: .composeSms(uri: "sms:+79161234567", number: "+79161234567")),
            ContactAction(label: "Copy number", action: .copyText(text: "+79161234567")),
        ])
        XCTAssertEqual(embassy.actions.map(\.action), [
            .dial(uri: "tel:+903124392122"), .copyText(text: "+903124392122"),
        ])
    }

    func testABadNumberIsInvalidInputNamingPhoneAndNothingIsStored() throws {
        let waymark = try openProfile()
        try add(waymark, "Mum", .family, "RU", "+7 916 123-45-67")
        assertThrows(try self.add(waymark, "A", .other, "DE", "call me maybe"), invalid("phone"))
        assertThrows(try self.add(waymark, "A", .other, "DE", ""), invalid("phone"))
        assertThrows(try self.add(waymark, "A", .other, "DE", "+999 1234 5678")) { error in
            guard case let .InvalidInput(field, reason, _) = error else { return false }
            return field == "phone" && reason.contains("dialling code")
        }
        // Mum's number written another way is a duplicate.
        assertThrows(try self.add(waymark, "A", .other, "RU", "89161234567"), invalid("phone"))
        assertThrows(try self.add(waymark, "  ", .other, "DE", "030 12345678"), invalid("name"))
        assertThrows(try self.add(waymark, "A", .other, "Germany", "030 12345678"), invalid("country"))
        assertThrows(
            try self.add(waymark, "A", .other, "DE", "030 12345678", notes: String(repeating: "n", count: 501)),
            invalid("notes"))
        XCTAssertEqual(try waymark.ownContacts().contacts.map(\.name), ["Mum"])
    }

    func testContactsAreEditedAndRemovedByIdAndAnUnknownIdIsNotFound() throws {
        let waymark = try openProfile()
        try add(waymark, "Embassy", .embassyOrConsulate, "TR", "+90 312 439 21 22")
        let mum = try add(waymark, "Mum", .family, "RU", "8 916 123-45-67").contacts[1]
        let edited = try waymark.ownContactEdit(
            id: mum.id, contact: input("Mother", .family, "RU", "+7 916 123 45 67"), now: wednesdayAfternoon)
        XCTAssertEqual(edited.contacts[1].name, "Mother")
        XCTAssertEqual(edited.contacts[1].id, mum.id)
        // Editing onto the embassy's number is refused and changes nothing.
        assertThrows(
            try waymark.ownContactEdit(
                id: mum.id, contact: self.input("Mother", .family, "TR", "0312 439 21 22"), now: self.wednesdayAfternoon),
            invalid("phone"))
        XCTAssertEqual(try waymark.ownContacts().contacts[1].e164, "+79161234567")

        let embassyId = edited.contacts[0].id
        let left = try waymark.ownContactRemove(id: embassyId)
        XCTAssertEqual(left.contacts.map(\.name), ["Mother"])
        XCTAssertEqual(left.contacts[0].number, 1, "numbered again from 1")
        for id in [embassyId, "0", "abc"] {
            assertThrows(try waymark.ownContactRemove(id: id)) { isNotFound("contact", id)($0) }
            assertThrows(
                try waymark.ownContactEdit(
                    id: id, contact: self.input("X", .other, "RU", "+7 916 000 00 00"), now: self.wednesdayAfternoon)
            ) { isNotFound("contact", id)($0) }
        }
    }

    // MARK: - Emergency numbers

    func testEmergencyNumbersComeGeneralNumberFirstWithASourceAndADate() throws {
        let waymark = try openProfile()
        let turkey = try waymark.emergencyNumbers(country: "tr")
        XCTAssertEqual(turkey.countryCode, "TR")
        XCTAssertEqual(turkey.country, "Türkiye")
        XCTAssertEqual(turkey.title, "Emergency numbers: Türkiye")
        XCTAssertEqual(turkey.lines.map(\.service), [.general, .police, .ambulance, .fire])
        let general = turkey.lines[0]
        XCTAssertEqual(general.number, "112")
        // A short number is called and copied, never texted.
        XCTAssertEqual(general.actions.map(\.action), [.dial(uri: "tel:112"), .copyText(text: "112")])
        XCTAssertTrue(turkey.source?.hasPrefix("https://") == true, turkey.source ?? "no source")
        let checked = try XCTUnwrap(turkey.checked)
        XCTAssertNotNil(checked.range(of: "^\\d{4}-\\d{2}-\\d{2}$", options: .regularExpression), checked)
        XCTAssertTrue(turkey.sourceText.contains(checked), turkey.sourceText)
        // China has no general number: the police come first.
        let china = try waymark.emergencyNumbers(country: "CN").lines[0]
        XCTAssertEqual(china.service, .police)
        XCTAssertEqual(china.number, "110")
        assertThrows(try waymark.emergencyNumbers(country: "XX")) { error in
            guard case let .NotFound(_, id, _) = error else { return false }
            return id == "XX"
        }
    }

    func testTheEmergencyCountryPickerIsNamedInThePersonsLanguage() throws {
        let waymark = try openProfile()
        let english = waymark.emergencyCountries()
        XCTAssertGreaterThanOrEqual(english.count, 40)
        XCTAssertTrue(english.contains(CountryOption(code: "TR", name: "Türkiye")))
        try waymark.setLanguage(language: "ru")
        let russian = waymark.emergencyCountries()
        XCTAssertEqual(Set(russian.map(\.code)), Set(english.map(\.code)))
        XCTAssertTrue(russian.contains(CountryOption(code: "TR", name: "Турция")))
        // The core sorts by code point; compare the same way, not with Swift's locale-aware order.
        let names = russian.map { Array($0.name.unicodeScalars.map(\.value)) }
        XCTAssertTrue(zip(names, names.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
    }

    // MARK: - Help now

    func testHelpNowForAPersonInTurkeyAtNightPutsReachableHelpFirst() throws {
        let view = try withContacts(openProfile(timeZone: "Europe/Istanbul")).helpNow(now: wednesdayNight, currentCountry: "tr")
        // The built-in consulates and Türkiye's line for foreigners sit among them.
        let yimer = try XCTUnwrap(view.steps.first { $0.kind == .localLine && $0.number == "157" })
        XCTAssertTrue(try XCTUnwrap(yimer.sourceText).hasPrefix("Source: https://"))
        XCTAssertEqual(yimer.actions.map(\.label), ["Call", "Copy number"])
        XCTAssertTrue(view.steps.contains { $0.title == "Consulate General of Russia in Istanbul" })
        let own = view.steps.filter { !builtIn($0) }
        XCTAssertEqual(own.map(\.kind), [.emergency, .embassyOrConsulate, .supportOrganisation, .family, .hotline])
        XCTAssertEqual(own.map(\.number), [
            "112", "+90 312 439 21 22", "+90 212 293 11 11", "+7 916 123-45-67", "8-800-333-00-16",
        ])
        XCTAssertFalse(view.steps.contains { $0.title == "Boss" }, "an employer is not someone to turn to")
        XCTAssertEqual(view.title, "Get help now")
        XCTAssertEqual(view.language, "en")
        XCTAssertEqual(view.countryCode, "TR")
        XCTAssertEqual(view.country, "Türkiye")
        XCTAssertNil(view.countryPrompt)
        XCTAssertNil(view.embassyHint)
        XCTAssertEqual(try XCTUnwrap(view.emergency).lines.count, 4)
        XCTAssertEqual(view.whatToSay.count, 4)
        XCTAssertFalse(view.whatToSayTitle.isEmpty)

        let emergency = try XCTUnwrap(view.steps.first)
        XCTAssertEqual(emergency.reachability, .reachable)
        XCTAssertNil(emergency.reachNote)
        XCTAssertNil(emergency.opening)
        XCTAssertNil(emergency.details)
        XCTAssertEqual(emergency.actions.first?.action, .dial(uri: "tel:112"))

        let hotline = try XCTUnwrap(view.steps.last)
        XCTAssertEqual(hotline.reachability, .notFromHere)
        let note = try XCTUnwrap(hotline.reachNote)
        XCTAssertTrue(note.contains("Türkiye") && note.contains("Russia"), note)
        XCTAssertTrue(hotline.why.contains("inside Russia"), hotline.why)
        XCTAssertEqual(hotline.opening?.openNow, false)
        XCTAssertEqual(hotline.details, .openContact(id: "hotline"))
    }

    func testHelpNowInMoscowPutsTheHotlineBeforeSupportWhileOpenAfterItWhenClosed() throws {
        let waymark = try withContacts(openProfile())
        let afternoon = try waymark.helpNow(now: wednesdayAfternoon, currentCountry: "RU")
        let own = afternoon.steps.filter { !builtIn($0) }
        XCTAssertEqual(own.map(\.kind), [.emergency, .embassyOrConsulate, .hotline, .supportOrganisation, .family])
        let opening = try XCTUnwrap(own[2].opening)
        XCTAssertTrue(opening.openNow)
        XCTAssertEqual(opening.nextChangeText, "Closes today at 18:30, Moscow time")
        XCTAssertEqual(opening.nextChange, at("2026-03-04T15:30:00Z"))
        let evening = try waymark.helpNow(now: at("2026-03-04T17:00:00Z"), currentCountry: "RU")
        XCTAssertEqual(evening.steps[3].kind, .hotline)
        XCTAssertEqual(evening.steps[3].opening?.nextChangeText, "Opens tomorrow at 08:30, Moscow time")
    }

    func testHelpNowWithoutACountryAsksForItAndABadCountryNamesCurrentCountry() throws {
        let waymark = try openProfile(language: "ru", timeZone: "Asia/Tokyo")
        let view = try waymark.helpNow(now: wednesdayAfternoon, currentCountry: nil)
        XCTAssertEqual(view.title, "Помощь сейчас")
        XCTAssertNil(view.countryCode)
        XCTAssertNil(view.country)
        XCTAssertNil(view.emergency)
        XCTAssertNotNil(view.countryPrompt)
        XCTAssertNotNil(view.embassyHint)
        XCTAssertEqual(view.steps.map(\.reachability), [.unknown])
        assertThrows(try waymark.helpNow(now: self.wednesdayAfternoon, currentCountry: "Narnia"), invalid("current_country"))
    }

    func testTheHomeScreenCarriesHelpNow() throws {
        let help = try withContacts(openProfile(timeZone: "Europe/Istanbul")).home(now: wednesdayAfternoon).helpNow
        XCTAssertEqual(help.title, "Get help now")
        XCTAssertNotNil(help.countryPrompt, "the home screen does not know the country")
        XCTAssertTrue(help.steps.contains { $0.kind == .embassyOrConsulate })
    }

    // MARK: - The contact screen's opening hours

    func testTheHotlinesOpeningIsToldOnItsClockAndOnThePersons() throws {
        let waymark = try openProfile(timeZone: "Asia/Tokyo")
        // Friday 6 March 2026, 18:29 in Moscow is 00:29 on Saturday in Tokyo.
        let opened = try XCTUnwrap(waymark.contact(id: "hotline", now: at("2026-03-06T15:29:00Z")).opening)
        XCTAssertTrue(opened.openNow)
        XCTAssertEqual(opened.status, "Usually answers at this hour")
        XCTAssertEqual(opened.nextChange, at("2026-03-06T15:30:00Z"))
        XCTAssertEqual(opened.nextChangeText, "Closes today at 18:30, Moscow time")
        XCTAssertEqual(opened.nextChangeInYourZone, "today at 00:30 your time (Asia/Tokyo)")
        XCTAssertEqual(opened.periodInYourZone, "Fri at 14:30 to today at 00:30, your time (Asia/Tokyo)")
        XCTAssertTrue(opened.holidaysNote.contains("holiday"), opened.holidaysNote)

        let closed = try XCTUnwrap(waymark.contact(id: "hotline", now: at("2026-03-06T15:30:00Z")).opening)
        XCTAssertFalse(closed.openNow)
        XCTAssertEqual(closed.nextChange, at("2026-03-09T05:30:00Z"))
        XCTAssertEqual(closed.nextChangeText, "Opens Mon at 08:30, Moscow time")
        XCTAssertEqual(closed.nextChangeInYourZone, "Mon at 14:30 your time (Asia/Tokyo)")

        // No hours known: no opening, rather than a guess.
        XCTAssertNil(try waymark.contact(id: "info-centre", now: at("2026-03-06T15:30:00Z")).opening)
        // A toll-free line is called and copied, not texted.
        XCTAssertEqual(
            try waymark.contact(id: "hotline", now: at("2026-03-06T15:30:00Z")).phones[0].actions.map(\.action),
            [.dial(uri: "tel:+78003330016"), .copyText(text: "+78003330016")])
    }

    /// A built-in embassy or local line (the core's tests check their order): it opens its own card.
    private func builtIn(_ step: HelpStep) -> Bool {
        if case .openContact(let id) = step.details { return id != "hotline" }
        return false
    }
}

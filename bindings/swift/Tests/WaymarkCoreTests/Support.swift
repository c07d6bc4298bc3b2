import Foundation
import XCTest
@testable import WaymarkCore

/// Each test gets its own folder, so every test starts from a new profile.
class WaymarkTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("waymark-swift-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    var profilePath: String { dir.appendingPathComponent("profile.sqlite").path }

    /// Opens (creating) the profile in the test's folder.
    func openProfile(language: String = "en", timeZone: String = "Europe/Moscow", key: Data = profileKey) throws -> Waymark {
        try Waymark.open(
            path: profilePath,
            options: WaymarkOptions(language: language, timeZone: timeZone, profileKey: key))
    }
}

/// The profile key a shell keeps in the Keychain: 32 bytes, the same at every launch.
let profileKey = Data(repeating: 42, count: 32)

/// An instant written as ISO 8601 text, so each test says which moment it means.
func at(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = text.contains(".")
        ? [.withInternetDateTime, .withFractionalSeconds]
        : [.withInternetDateTime]
    guard let date = formatter.date(from: text) else {
        fatalError("not an ISO 8601 instant: \(text)")
    }
    return date
}

/// Monday 2 March 2026, 10:00 in Moscow: within the hotline's hours (Mon–Fri 08:30–18:30).
let monday10Moscow = at("2026-03-02T07:00:00Z")

/// Sunday 1 March 2026, 15:00 in Moscow: the hotline is closed.
let sunday15Moscow = at("2026-03-01T12:00:00Z")

/// Every link in an article body, in reading order.
func links(_ blocks: [Block]) -> [Action] {
    blocks.flatMap { block -> [Action] in
        let texts: [RichText]
        switch block {
        case .heading:
            texts = []
        case let .paragraph(text):
            texts = [text]
        case let .bulletList(items), let .numberedList(items):
            texts = items
        case let .callout(_, _, paragraphs):
            texts = paragraphs
        }
        return texts.flatMap { $0.spans.compactMap(\.link) }
    }
}

func plain(_ text: RichText) -> String {
    text.spans.map(\.text).joined()
}

/// Accepts a not-found error for `what` with `id` that has words for the person.
func isNotFound(_ what: String, _ id: String) -> (WaymarkError) -> Bool {
    { error in
        if case let .NotFound(w, i, shown) = error { return w == what && i == id && !shown.isEmpty }
        return false
    }
}

/// Asserts that `call` throws the `WaymarkError` that `match` accepts.
func assertThrows<T>(
    _ call: @autoclosure () throws -> T,
    _ match: (WaymarkError) -> Bool,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    XCTAssertThrowsError(try call(), file: file, line: line) { error in
        guard let error = error as? WaymarkError else {
            return XCTFail("not a WaymarkError: \(error)", file: file, line: line)
        }
        XCTAssertTrue(match(error), "unexpected \(error)", file: file, line: line)
    }
}

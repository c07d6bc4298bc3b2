import Foundation
import XCTest
@testable import WaymarkCore

/// One `Waymark` shared by several threads at once, as a shell's background queue would.
final class ConcurrencyTests: WaymarkTestCase {
    private let threads = 8

    /// Runs `task` on `threads` threads at once and fails the test with the first error thrown.
    private func onThreads(_ task: (Int) throws -> Void) {
        let lock = NSLock()
        var errors: [Error] = []
        DispatchQueue.concurrentPerform(iterations: threads) { n in
            do {
                try task(n)
            } catch {
                lock.lock()
                errors.append(error)
                lock.unlock()
            }
        }
        XCTAssertTrue(errors.isEmpty, "\(errors)")
    }

    func testWritesFromManyThreadsAllLand() throws {
        let waymark = try openProfile()
        let perThread = 5
        onThreads { n in
            for i in 0..<perThread {
                _ = try waymark.checklistAddOwnItem(text: "Thread \(n) item \(i)", now: monday10Moscow)
                _ = try waymark.home(now: monday10Moscow)
            }
            _ = try waymark.checklistMarkDone(itemId: try waymark.checklist().items[n].id, now: monday10Moscow)
        }
        let view = try waymark.checklist()
        XCTAssertEqual(view.progress.total, UInt32(11 + threads * perThread))
        XCTAssertEqual(view.progress.done, UInt32(threads))
        XCTAssertEqual(Set(view.items.filter(\.isOwn).map(\.title)).count, threads * perThread)
        XCTAssertEqual(view.items.map(\.number), Array(1...UInt32(view.items.count)))
    }

    func testAScreenIsRenderedInOneLanguageWhileAnotherThreadSwitchesIt() throws {
        let waymark = try openProfile()
        let lock = NSLock()
        var mixed: [Set<String>] = []
        onThreads { n in
            for i in 0..<20 {
                if n == 0 {
                    try waymark.setLanguage(language: i % 2 == 0 ? "ru" : "en")
                    continue
                }
                let guide = try waymark.guide()
                let languages = Set(guide.sections.map(\.language))
                let expectedTitle = languages == ["ru"] ? "Справочник" : "Guide"
                if languages.count != 1 || guide.title != expectedTitle {
                    lock.lock()
                    mixed.append(languages)
                    lock.unlock()
                }
            }
        }
        XCTAssertEqual(mixed, [], "one call, one language")
    }
}

import Foundation
import XCTest
@testable import WaymarkCore

/// The guide: `Waymark.guide()` and `Waymark.article(id:)`, with the `Block` body and links.
final class GuideTests: WaymarkTestCase {
    func testTheContentsListEverySectionAndArticleInOrder() throws {
        let guide = try openProfile().guide()
        XCTAssertEqual(guide.title, "Guide")
        XCTAssertEqual(guide.sections.map(\.position), Array(1...UInt32(guide.sections.count)))
        let first = try XCTUnwrap(guide.sections.first)
        XCTAssertEqual(first.id, "understand")
        XCTAssertEqual(first.articles.first?.id, "what-is-trafficking")
        XCTAssertEqual(first.articles.first?.position, 1)
        let ids = guide.sections.flatMap { $0.articles.map(\.id) }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(ids.contains("red-flags"))
    }

    func testAnArticleHasItsBodySectionAndNeighbours() throws {
        let waymark = try openProfile()
        let first = try waymark.article(id: "what-is-trafficking")
        XCTAssertEqual(first.sectionId, "understand")
        XCTAssertFalse(first.blocks.isEmpty)
        XCTAssertNil(first.previous)
        XCTAssertEqual(first.next?.id, "who-is-at-risk")
        XCTAssertEqual(first.previousLabel, "Previous")
        XCTAssertEqual(first.nextLabel, "Next")
        let last = try XCTUnwrap(try waymark.guide().sections.last?.articles.last)
        XCTAssertNil(try waymark.article(id: last.id).next)
    }

    func testTheSafetyRulesAreANumberedListOfElevenThatLinkToTheChecklist() throws {
        let rules = try openProfile().article(id: "safety-rules")
        let lists = rules.blocks.compactMap { block -> [RichText]? in
            if case let .numberedList(items) = block, items.count == 11 { return items }
            return nil
        }
        XCTAssertEqual(lists.count, 1)
        XCTAssertTrue(plain(lists[0][0]).hasPrefix("Make sure the agency has a licence"))
        XCTAssertTrue(links(rules.blocks).contains(.openChecklistItem(id: "keep-your-passport")))
    }

    func testCalloutsCarryAToneAndALocalisedLabelAndLinksOpenThings() throws {
        let waymark = try openProfile()
        let articles = try waymark.guide().sections.flatMap(\.articles).map { try waymark.article(id: $0.id) }
        let blocks = articles.flatMap(\.blocks)
        let labels: [CalloutTone: String] = [.note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning"]
        var callouts = 0
        for case let .callout(tone, label, paragraphs) in blocks {
            callouts += 1
            XCTAssertEqual(label, labels[tone])
            XCTAssertFalse(paragraphs.isEmpty)
        }
        XCTAssertGreaterThan(callouts, 0)
        let allLinks = links(blocks)
        XCTAssertTrue(allLinks.contains(.openContact(id: "hotline")))
        XCTAssertTrue(allLinks.contains(.openArticle(id: "red-flags")))
        var spans: [Span] = []
        for case let .paragraph(text) in blocks {
            spans += text.spans
        }
        XCTAssertTrue(spans.contains { $0.strong })
        XCTAssertTrue(spans.contains { $0.link == nil })
    }

    func testALanguageWithoutTextsShowsRussianAndSaysSo() throws {
        let waymark = try openProfile(language: "ky")
        XCTAssertEqual(waymark.language(), "ky")
        XCTAssertEqual(try waymark.article(id: "red-flags").language, "ru")
    }

    func testAnUnknownArticleIsNotFound() throws {
        let waymark = try openProfile()
        assertThrows(try waymark.article(id: "no-such-article")) { error in
            isNotFound("article", "no-such-article")(error)
        }
    }
}

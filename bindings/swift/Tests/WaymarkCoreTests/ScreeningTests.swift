import Foundation
import XCTest
@testable import WaymarkCore

/// A dishonest Russian ad. The emoji is one Unicode scalar, two UTF-16 units and four UTF-8
/// bytes: offsets counted in anything but scalars land in the wrong place after it.
private let dishonestAd =
    "🔥 Работа в Турции для девушек! Официантки. Опыт не нужен. "
    + "Едем по туристической визе. Звоните +7 916 234-56-78"

/// The text of a `TextSpan`: its offsets count Unicode scalars.
private func slice(_ text: String, _ span: TextSpan) -> String {
    let scalars = Array(text.unicodeScalars)[Int(span.start)..<Int(span.end)]
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
}

private func offer(
    _ title: String = "Официантка",
    _ answers: [(String, Answer)] = [],
    adText: String? = nil,
    employer: String = "Sun Travel",
    country: String = "Турция",
    notes: String = "Встретились на ярмарке вакансий.\nПерезвонить в пятницу."
) -> OfferInput {
    OfferInput(
        title: title,
        employer: employer,
        country: country,
        notes: notes,
        answers: answers.map { OfferAnswer(questionId: $0.0, answer: $0.1) },
        adText: adText
    )
}

private func isInvalid(_ field: String) -> (WaymarkError) -> Bool {
    { error in
        if case let .InvalidInput(f, _, _) = error { return f == field }
        return false
    }
}


/// The screening tools: the job-offer check and saved offers, the ad-text analyzer, the
/// self-check and the myths quiz.
final class ScreeningTests: WaymarkTestCase {
    private func question(_ view: OfferCheckView, _ id: String) throws -> OfferQuestionView {
        try XCTUnwrap(view.questions.first { $0.id == id })
    }

    // MARK: ad-text analyzer

    func testADishonestRussianAdShowsEachFlagWhereItIs() throws {
        let view = try openProfile(language: "ru").analyzeAd(text: dishonestAd)
        let ids = view.flags.map(\.id)
        for expected in ["tourist-visa", "young-women", "no-experience", "only-mobile"] {
            XCTAssertTrue(ids.contains(expected), expected)
        }
        XCTAssertEqual(view.summary, "Найдено тревожных признаков: \(view.flags.count)")
        for flag in view.flags {
            XCTAssertFalse(flag.spans.isEmpty, flag.id)
            for span in flag.spans {
                XCTAssertEqual(slice(dishonestAd, span), span.text, flag.id)
            }
        }
        let noExperience = try XCTUnwrap(view.flags.first { $0.id == "no-experience" })
        XCTAssertEqual(noExperience.spans[0].text, "Опыт не нужен")
        XCTAssertEqual(noExperience.title, "Опыт и обучение не нужны")
        XCTAssertEqual(noExperience.questionId, "no-experience")

        let phone = try XCTUnwrap(view.phones.first)
        XCTAssertEqual(phone.e164, "+79162345678")
        XCTAssertEqual(phone.kind, .mobile)
        XCTAssertEqual(phone.kindLabel, "мобильный")
        XCTAssertEqual(slice(dishonestAd, phone.span), "+7 916 234-56-78")

        let answers = Dictionary(uniqueKeysWithValues: view.answers.map { ($0.questionId, $0.answer) })
        XCTAssertEqual(answers["only-mobile"], .yes)
        XCTAssertEqual(answers["tourist-visa"], .yes)
    }

    func testAnHonestAdWithAnOfficePhoneHasNoFlags() throws {
        let view = try openProfile().analyzeAd(
            text: "Registered nurse, Leeds. NMC registration and two years of experience required. "
                + "Salary £28,407 per year. Call the office on 0113 392 6000."
        )
        XCTAssertEqual(view.flags, [])
        XCTAssertEqual(view.answers, [])
        XCTAssertTrue(view.summary.hasPrefix("No warning signs found"))
        XCTAssertEqual(view.phones.first?.kind, .landline)
    }

    func testBlankOrOverlongAdTextIsRefused() throws {
        let waymark = try openProfile()
        for text in ["", "  \n ", String(repeating: "a", count: 20_001)] {
            assertThrows(try waymark.analyzeAd(text: text), isInvalid("text"))
        }
        XCTAssertEqual(try waymark.analyzeAd(text: String(repeating: "😀", count: 20_000)).flags, [])
    }

    // MARK: job-offer questionnaire

    func testABlankCheckHasEveryQuestionAndTheAnswerButtons() throws {
        let view = try openProfile().offerCheckNew()
        XCTAssertNil(view.id)
        XCTAssertNil(view.checkedAt)
        XCTAssertEqual(view.questions.map(\.number), Array(UInt32(1)...15))
        XCTAssertTrue(view.questions.allSatisfy { $0.answer == nil && !$0.fromAd })
        XCTAssertEqual(view.answerOptions.map(\.answer), [.yes, .no, .dontKnow])
        XCTAssertEqual(view.answerOptions[2].label, "Don’t know")
        XCTAssertEqual(view.result.level, .low)
    }

    func testACheckAnsweredPartlyWithDontKnowListsWhatToFindOut() throws {
        let waymark = try openProfile()
        let view = try waymark.offerCheckPreview(
            input: offer("Waitress", [("envelope", .yes), ("names-responsible", .dontKnow), ("licence", .dontKnow)])
        )
        XCTAssertNil(view.id)
        XCTAssertEqual(view.result.level, .medium)
        XCTAssertEqual(view.result.reasons.map(\.questionId), ["envelope"])
        XCTAssertEqual(view.result.unknowns.map(\.questionId), ["licence", "names-responsible"])
        XCTAssertEqual(try question(view, "licence").answer, .dontKnow)
        XCTAssertEqual(view.answeredLabel, "3 of 15 questions answered")
        XCTAssertEqual(try waymark.offers().offers, [])

        let allUnknown = try waymark.offerCheckPreview(input: offer("Job", view.questions.map { ($0.id, .dontKnow) }))
        XCTAssertEqual(allUnknown.result.level, .medium)
    }

    func testOneSeriousSignMakesTheRiskHigh() throws {
        let view = try openProfile().offerCheckPreview(input: offer("Waitress", [("tourist-visa", .yes)]))
        XCTAssertEqual(view.result.level, .high)
        XCTAssertEqual(view.result.levelTitle, "High risk: this offer looks like a trap")
        XCTAssertTrue(view.result.links.map(\.action).contains(.openArticle(id: "contract-and-visa")))
        XCTAssertTrue(view.result.links.map(\.action).contains(.openContact(id: "hotline")))
    }

    // MARK: saved offers

    func testAnOfferIsSavedUpdatedListedAndDeleted() throws {
        let waymark = try openProfile()
        let saved = try waymark.offerSave(
            id: nil,
            input: offer("  Официантка  ", [("tourist-visa", .yes), ("licence", .dontKnow)]),
            now: monday10Moscow
        )
        let id = try XCTUnwrap(saved.id)
        XCTAssertEqual(saved.offerTitle, "Официантка")
        XCTAssertEqual(saved.checkedAt, monday10Moscow)
        XCTAssertEqual(saved.checkedLabel, "Checked 2 Mar 2026, 10:00")
        XCTAssertEqual(try waymark.offerCheck(id: id), saved)
        XCTAssertEqual(try waymark.offers().offers.map(\.level), [.high])

        let later = at("2026-03-03T09:00:00Z")
        let updated = try waymark.offerSave(id: id, input: offer("Официантка", [("tourist-visa", .no)]), now: later)
        XCTAssertEqual(updated.id, id)
        XCTAssertEqual(updated.result.level, .low)
        XCTAssertEqual(updated.checkedAt, later)

        XCTAssertEqual(try waymark.offerDelete(id: id).offers, [])
        assertThrows(try waymark.offerCheck(id: id), isNotFound("offer", String(id)))
        assertThrows(try waymark.offerDelete(id: id), isNotFound("offer", String(id)))
        assertThrows(try waymark.offerSave(id: id, input: offer(), now: later), isNotFound("offer", String(id)))
    }

    func testTheAdFillsOnlyTheQuestionsLeftOpen() throws {
        let waymark = try openProfile()
        let saved = try waymark.offerSave(
            id: nil,
            input: offer("Waitress", [("no-experience", .no)], adText: dishonestAd),
            now: monday10Moscow
        )
        XCTAssertEqual(try question(saved, "tourist-visa").answer, .yes)
        XCTAssertTrue(try question(saved, "tourist-visa").fromAd)
        XCTAssertEqual(try question(saved, "no-experience").answer, .no)
        XCTAssertFalse(try question(saved, "no-experience").fromAd)
        XCTAssertEqual(try waymark.offerCheck(id: try XCTUnwrap(saved.id)), saved)
    }

    func testBadOfferInputNamesTheFieldAndChangesNothing() throws {
        let bad: [(String, OfferInput)] = [
            ("title", offer("   ")),
            ("title", offer(String(repeating: "x", count: 121))),
            ("title", offer("a\u{7}b")),
            ("employer", offer(employer: String(repeating: "x", count: 121))),
            ("country", offer(country: "Turkey\nIstanbul")),
            ("notes", offer(notes: String(repeating: "x", count: 2001))),
            ("notes", offer(notes: "bell \u{7}")),
            ("answers", offer("Job", [("no-such-question", .yes)])),
            ("answers", offer("Job", [("licence", .yes), ("licence", .no)])),
            ("text", offer(adText: "   ")),
        ]
        let waymark = try openProfile()
        let kept = try waymark.offerSave(id: nil, input: offer("Kept", [("envelope", .yes)]), now: monday10Moscow)
        for (field, input) in bad {
            assertThrows(try waymark.offerSave(id: nil, input: input, now: monday10Moscow), isInvalid(field))
            assertThrows(try waymark.offerSave(id: kept.id, input: input, now: monday10Moscow), isInvalid(field))
            assertThrows(try waymark.offerCheckPreview(input: input), isInvalid(field))
        }
        XCTAssertEqual(try waymark.offers().offers.map(\.id), [try XCTUnwrap(kept.id)])
        XCTAssertEqual(try waymark.offerCheck(id: try XCTUnwrap(kept.id)), kept)
    }

    // MARK: self-check

    func testAnyYesLeadsToHelpNowAndAQuickExitIsAlwaysOffered() throws {
        let waymark = try openProfile()
        let check = try waymark.selfCheck()
        XCTAssertEqual(check.questions.count, 8)
        XCTAssertEqual(check.quickExit.action, .quickExit)
        XCTAssertEqual(check.answerOptions[2].label, "Not sure")
        for question in check.questions {
            let result = try waymark.selfCheckResult(answers: [SelfCheckAnswer(questionId: question.id, answer: .yes)])
            XCTAssertEqual(result.outcome, .signs, question.id)
            XCTAssertEqual(result.helpNow?.action, .openHelpNow)
            XCTAssertEqual(result.signs.count, 1)
            XCTAssertEqual(result.quickExit.action, .quickExit)
        }
        let unsure = try waymark.selfCheckResult(answers: [SelfCheckAnswer(questionId: "debt", answer: .dontKnow)])
        XCTAssertEqual(unsure.outcome, .unsure)
        XCTAssertNil(unsure.helpNow)
        XCTAssertTrue(unsure.contacts.map(\.action).contains(.openContact(id: "hotline")))
        XCTAssertEqual(unsure.quickExit.action, .quickExit)
        let none = try waymark.selfCheckResult(answers: [])
        XCTAssertEqual(none.outcome, .noSigns)
        XCTAssertEqual(none.quickExit.action, .quickExit)
    }

    func testSelfCheckAnswersAreChecked() throws {
        let waymark = try openProfile()
        for ids in [["nope"], ["debt", "debt"]] {
            let answers = ids.map { SelfCheckAnswer(questionId: $0, answer: .no) }
            assertThrows(try waymark.selfCheckResult(answers: answers), isInvalid("answers"))
        }
    }

    // MARK: myths and facts quiz

    /// Answers to every statement, the first `right` correct; truths learnt through `quizAnswer`.
    private func answers(_ waymark: Waymark, right: Int) throws -> [QuizAnswer] {
        try waymark.quiz().statements.enumerated().map { i, statement in
            let truth = try waymark.quizAnswer(statementId: statement.id, answer: true).correct
            return QuizAnswer(statementId: statement.id, answer: i < right ? truth : !truth)
        }
    }

    func testEachAnswerIsJudgedAndExplained() throws {
        let waymark = try openProfile()
        let quiz = try waymark.quiz()
        XCTAssertEqual(quiz.statements.count, 11)
        XCTAssertNil(quiz.best)
        XCTAssertEqual(quiz.bestLabel, "No score yet")
        let myth = try waymark.quizAnswer(statementId: "only-sexual", answer: false)
        XCTAssertTrue(myth.correct)
        XCTAssertEqual(myth.truth, "This is a myth.")
        let wrong = try waymark.quizAnswer(statementId: "legal-travel", answer: false)
        XCTAssertFalse(wrong.correct)
        XCTAssertEqual(wrong.truth, "This is true.")
        assertThrows(try waymark.quizAnswer(statementId: "nope", answer: true), isNotFound("quiz statement", "nope"))
    }

    func testTheBestScoreIsKeptAcrossReopeningTheProfile() throws {
        do {
            let waymark = try openProfile()
            let seven = try waymark.quizFinish(answers: try answers(waymark, right: 7), now: monday10Moscow)
            XCTAssertEqual(seven.score, QuizScore(score: 7, total: 11))
            XCTAssertTrue(seven.isNewBest)
            let worse = try waymark.quizFinish(answers: try answers(waymark, right: 3), now: at("2026-03-02T07:05:00Z"))
            XCTAssertFalse(worse.isNewBest)
            XCTAssertEqual(worse.best, QuizScore(score: 7, total: 11))
            XCTAssertEqual(worse.bestLabel, "Your best: 7 of 11")
        }
        let reopened = try openProfile()
        XCTAssertEqual(try reopened.quiz().best, QuizScore(score: 7, total: 11))
        XCTAssertTrue(try reopened.quizFinish(answers: try answers(reopened, right: 11), now: at("2026-03-03T07:00:00Z")).isNewBest)
        XCTAssertEqual(try reopened.quiz().best, QuizScore(score: 11, total: 11))
    }

    func testAnIncompleteOrMuddledQuizIsRefusedAndNotScored() throws {
        let waymark = try openProfile(language: "ru")
        let full = try answers(waymark, right: 11)
        for bad in [Array(full.dropLast()), full + [full[0]], full + [QuizAnswer(statementId: "nope", answer: true)]] {
            assertThrows(try waymark.quizFinish(answers: bad, now: monday10Moscow), isInvalid("answers"))
        }
        XCTAssertNil(try waymark.quiz().best)
        XCTAssertEqual(try waymark.quiz().bestLabel, "Результатов пока нет")
    }
}

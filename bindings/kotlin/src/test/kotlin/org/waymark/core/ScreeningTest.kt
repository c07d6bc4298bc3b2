package org.waymark.core

import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir

/**
 * The screening tools: the job-offer check and saved offers (`offerCheckNew`, `offerCheckPreview`,
 * `offerSave`, `offerCheck`, `offers`, `offerDelete`), the ad-text analyzer (`analyzeAd`), the
 * self-check (`selfCheck`, `selfCheckResult`) and the myths quiz (`quiz`, `quizAnswer`,
 * `quizFinish`).
 */
class ScreeningTest {
    @TempDir
    lateinit var dir: Path

    /** A [TextSpan]'s text in a Kotlin string: the offsets count code points, Kotlin UTF-16 units. */
    private fun String.slice(span: TextSpan): String =
        substring(offsetByCodePoints(0, span.start.toInt()), offsetByCodePoints(0, span.end.toInt()))

    private fun offer(
        title: String = "Официантка",
        answers: List<Pair<String, Answer>> = emptyList(),
        adText: String? = null,
        employer: String = "Sun Travel",
        country: String = "Турция",
        notes: String = "Встретились на ярмарке вакансий.\nПерезвонить в пятницу.",
    ) = OfferInput(title, employer, country, notes, answers.map { OfferAnswer(it.first, it.second) }, adText)

    private fun OfferCheckView.question(id: String) = questions.first { it.id == id }

    // ------------------------------------------------------------ ad-text analyzer

    @Test
    fun `a dishonest Russian ad shows each flag where it is, in code points`() {
        openProfile(dir, language = "ru").use { waymark ->
            val view = waymark.analyzeAd(DISHONEST_AD)
            val ids = view.flags.map { it.id }
            for (expected in listOf("tourist-visa", "young-women", "no-experience", "only-mobile")) {
                assertContains(ids, expected)
            }
            assertEquals("Найдено тревожных признаков: ${view.flags.size}", view.summary)
            for (flag in view.flags) {
                assertTrue(flag.title.isNotBlank() && flag.explanation.isNotBlank())
                assertTrue(flag.spans.isNotEmpty(), flag.id)
                for (span in flag.spans) {
                    assertEquals(span.text, DISHONEST_AD.slice(span), flag.id)
                }
            }
            val noExperience = view.flags.first { it.id == "no-experience" }
            assertEquals("Опыт не нужен", noExperience.spans[0].text)
            assertEquals("Опыт и обучение не нужны", noExperience.title)
            assertEquals("no-experience", noExperience.questionId)
            // The emoji before it is two UTF-16 units and one code point: offsets are not UTF-16.
            val span = noExperience.spans[0]
            assertNotEquals(span.text, DISHONEST_AD.substring(span.start.toInt(), span.end.toInt()))
        }
    }

    @Test
    fun `the phone in the ad is read as a mobile number with its place`() {
        openProfile(dir, language = "ru").use { waymark ->
            val phone = waymark.analyzeAd(DISHONEST_AD).phones.single()
            assertEquals("+79162345678", phone.e164)
            assertEquals(PhoneKind.MOBILE, phone.kind)
            assertEquals("мобильный", phone.kindLabel)
            assertEquals("+7 916 234-56-78", phone.span.text)
            assertEquals(phone.span.text, DISHONEST_AD.slice(phone.span))
        }
    }

    @Test
    fun `the ad answers the questions it can`() {
        openProfile(dir, language = "ru").use { waymark ->
            val view = waymark.analyzeAd(DISHONEST_AD)
            val answers = view.answers.associate { it.questionId to it.answer }
            assertEquals(Answer.YES, answers["only-mobile"])
            assertEquals(Answer.YES, answers["tourist-visa"])
            assertEquals(view.flags.map { it.questionId }.toSet(), answers.keys)
        }
    }

    @Test
    fun `an honest ad with an office phone has no flags`() {
        openProfile(dir).use { waymark ->
            val view = waymark.analyzeAd(
                "Registered nurse, Leeds. NMC registration and two years of experience required. " +
                    "Salary £28,407 per year. Call the office on 0113 392 6000.",
            )
            assertEquals(emptyList(), view.flags)
            assertEquals(emptyList(), view.answers)
            assertTrue(view.summary.startsWith("No warning signs found"), view.summary)
            assertEquals(PhoneKind.LANDLINE, view.phones[0].kind)
            assertEquals("+441133926000", view.phones[0].e164)
        }
    }

    @Test
    fun `blank or overlong ad text is refused, the longest is read`() {
        openProfile(dir).use { waymark ->
            for (text in listOf("", "  \n ", "a".repeat(20_001))) {
                val error = assertFailsWith<WaymarkException.InvalidInput> { waymark.analyzeAd(text) }
                assertEquals("text", error.field)
            }
            // 20 000 characters that are 40 000 UTF-16 units: the limit counts characters.
            assertEquals(emptyList(), waymark.analyzeAd("😀".repeat(20_000)).flags)
        }
    }

    // ------------------------------------------------------------ job-offer questionnaire

    @Test
    fun `a blank check has every question and the answer buttons`() {
        openProfile(dir).use { waymark ->
            val view = waymark.offerCheckNew()
            assertNull(view.id)
            assertNull(view.checkedAt)
            assertNull(view.checkedLabel)
            assertEquals((1u..15u).toList(), view.questions.map { it.number })
            assertTrue(view.questions.all { it.answer == null && !it.fromAd && it.why.isNotBlank() })
            assertEquals(listOf(Answer.YES, Answer.NO, Answer.DONT_KNOW), view.answerOptions.map { it.answer })
            assertEquals("Don’t know", view.answerOptions[2].label)
            assertEquals("0 of 15 questions answered", view.answeredLabel)
            assertEquals(RiskLevel.LOW, view.result.level)
        }
    }

    @Test
    fun `a check answered partly with don't know lists what to find out`() {
        openProfile(dir).use { waymark ->
            val view = waymark.offerCheckPreview(
                offer(
                    "Waitress",
                    listOf(
                        "envelope" to Answer.YES,
                        "names-responsible" to Answer.DONT_KNOW,
                        "licence" to Answer.DONT_KNOW,
                    ),
                ),
            )
            assertNull(view.id)
            assertEquals(RiskLevel.MEDIUM, view.result.level)
            assertEquals(listOf("envelope"), view.result.reasons.map { it.questionId })
            assertEquals(listOf("licence", "names-responsible"), view.result.unknowns.map { it.questionId })
            assertTrue(view.result.unknowns.all { it.fromAdLabel == null && it.text.isNotBlank() })
            assertEquals(Answer.DONT_KNOW, view.question("licence").answer)
            assertNull(view.question("tourist-visa").answer)
            assertEquals("3 of 15 questions answered", view.answeredLabel)
            assertEquals(emptyList(), waymark.offers().offers, "a preview saves nothing")

            val allUnknown = waymark.offerCheckPreview(
                offer("Job", view.questions.map { it.id to Answer.DONT_KNOW }),
            )
            assertEquals(RiskLevel.MEDIUM, allUnknown.result.level, "gaps alone are never high")
            assertEquals(15, allUnknown.result.unknowns.size)
        }
    }

    @Test
    fun `one serious sign makes the risk high with links to read and call`() {
        openProfile(dir).use { waymark ->
            val view = waymark.offerCheckPreview(offer("Waitress", listOf("tourist-visa" to Answer.YES)))
            assertEquals(RiskLevel.HIGH, view.result.level)
            assertEquals("High risk: this offer looks like a trap", view.result.levelTitle)
            assertEquals("You are asked to travel without a work visa, or on false documents.", view.result.reasons[0].text)
            val actions = view.result.links.map { it.action }
            assertContains(actions, Action.OpenArticle("contract-and-visa"))
            assertContains(actions, Action.OpenContact("hotline"))
        }
    }

    // ------------------------------------------------------------ saved offers

    @Test
    fun `an offer is saved, read back and listed`() {
        openProfile(dir).use { waymark ->
            val saved = waymark.offerSave(
                null,
                offer("  Официантка  ", listOf("tourist-visa" to Answer.YES, "licence" to Answer.DONT_KNOW)),
                MONDAY_10_MOSCOW,
            )
            val id = assertNotNull(saved.id)
            assertEquals("Официантка", saved.offerTitle)
            assertEquals(MONDAY_10_MOSCOW, saved.checkedAt)
            assertEquals("Checked 2 Mar 2026, 10:00", saved.checkedLabel)
            assertEquals(saved, waymark.offerCheck(id))
            val summary = waymark.offers().offers.single()
            assertEquals(id, summary.id)
            assertEquals("Официантка", summary.title)
            assertEquals("Sun Travel", summary.employer)
            assertEquals("Турция", summary.country)
            assertEquals(RiskLevel.HIGH, summary.level)
            assertEquals(MONDAY_10_MOSCOW, summary.checkedAt)
            assertEquals("Checked 2 Mar 2026, 10:00", summary.checkedLabel)
        }
    }

    @Test
    fun `an offer is updated then deleted, and then it is not found`() {
        openProfile(dir, language = "ru").use { waymark ->
            val id = assertNotNull(
                waymark.offerSave(null, offer(answers = listOf("documents-kept" to Answer.YES)), MONDAY_10_MOSCOW).id,
            )
            val later = at("2026-03-03T09:00:00Z")
            val updated = waymark.offerSave(id, offer(answers = listOf("documents-kept" to Answer.NO)), later)
            assertEquals(id, updated.id)
            assertEquals(RiskLevel.LOW, updated.result.level)
            assertEquals("Тревожных признаков почти нет", updated.result.levelTitle)
            assertEquals(later, updated.checkedAt)
            assertEquals(listOf(id), waymark.offers().offers.map { it.id })

            val list = waymark.offerDelete(id)
            assertEquals(emptyList(), list.offers)
            assertEquals("Вы ещё не проверяли ни одного предложения.", list.emptyLabel)
            for (call in listOf<(Waymark) -> Unit>({ it.offerCheck(id) }, { it.offerDelete(id) })) {
                val error = assertFailsWith<WaymarkException.NotFound> { call(waymark) }
                assertEquals("offer", error.what)
                assertEquals(id.toString(), error.id)
            }
            val missing = assertFailsWith<WaymarkException.NotFound> {
                waymark.offerSave(id, offer(), later)
            }
            assertEquals("offer", missing.what)
            assertEquals(emptyList(), waymark.offers().offers)
        }
    }

    @Test
    fun `offers are listed most recently checked first`() {
        openProfile(dir).use { waymark ->
            val old = waymark.offerSave(null, offer("Old"), at("2026-01-10T09:00:00Z"))
            val new = waymark.offerSave(null, offer("New"), at("2026-02-10T09:00:00Z"))
            assertEquals(listOf("New", "Old"), waymark.offers().offers.map { it.title })
            waymark.offerSave(old.id, offer("Old"), at("2026-03-10T09:00:00Z"))
            assertEquals(listOf(old.id, new.id), waymark.offers().offers.map { it.id })
        }
    }

    @Test
    fun `the ad fills only the questions left open, and that is kept`() {
        openProfile(dir).use { waymark ->
            val saved = waymark.offerSave(
                null,
                offer("Waitress", listOf("no-experience" to Answer.NO), adText = DISHONEST_AD),
                MONDAY_10_MOSCOW,
            )
            assertEquals(Answer.YES, saved.question("tourist-visa").answer)
            assertTrue(saved.question("tourist-visa").fromAd)
            assertEquals(Answer.NO, saved.question("no-experience").answer)
            assertFalse(saved.question("no-experience").fromAd)
            assertNull(saved.question("licence").answer)
            val reason = saved.result.reasons.first { it.questionId == "tourist-visa" }
            assertEquals("from the ad’s text", reason.fromAdLabel)
            assertEquals(saved, waymark.offerCheck(assertNotNull(saved.id)))
        }
    }

    @Test
    fun `bad offer input names the field and changes nothing`() {
        val bad = listOf(
            "title" to offer(title = "   "),
            "title" to offer(title = "x".repeat(121)),
            "title" to offer(title = "a\u0007b"),
            "employer" to offer(employer = "x".repeat(121)),
            "country" to offer(country = "Turkey\nIstanbul"),
            "notes" to offer(notes = "x".repeat(2001)),
            "notes" to offer(notes = "bell \u0007"),
            "answers" to offer(answers = listOf("no-such-question" to Answer.YES)),
            "answers" to offer(answers = listOf("licence" to Answer.YES, "licence" to Answer.NO)),
            "text" to offer(adText = "   "),
        )
        openProfile(dir).use { waymark ->
            val kept = waymark.offerSave(null, offer("Kept", listOf("envelope" to Answer.YES)), MONDAY_10_MOSCOW)
            for ((field, input) in bad) {
                for (call in listOf<(Waymark) -> Unit>(
                    { it.offerSave(null, input, MONDAY_10_MOSCOW) },
                    { it.offerSave(kept.id, input, at("2026-03-02T08:00:00Z")) },
                    { it.offerCheckPreview(input) },
                )) {
                    val error = assertFailsWith<WaymarkException.InvalidInput>(field) { call(waymark) }
                    assertEquals(field, error.field)
                }
            }
            assertEquals(listOf(kept.id), waymark.offers().offers.map { it.id })
            assertEquals(kept, waymark.offerCheck(assertNotNull(kept.id)))
            // The limits count characters: 120 emoji are 240 UTF-16 units and still fit.
            val longest = waymark.offerSave(null, offer("😀".repeat(120), notes = "n".repeat(2000)), MONDAY_10_MOSCOW)
            assertEquals("😀".repeat(120), longest.offerTitle)
        }
    }

    // ------------------------------------------------------------ self-check

    @Test
    fun `the self-check always offers a quick exit and any yes leads to help now`() {
        openProfile(dir).use { waymark ->
            val check = waymark.selfCheck()
            assertEquals((1u..8u).toList(), check.questions.map { it.number })
            assertEquals(Action.QuickExit, check.quickExit.action)
            assertEquals("Leave quickly", check.quickExit.label)
            assertEquals("Not sure", check.answerOptions[2].label)
            for (question in check.questions) {
                val result = waymark.selfCheckResult(listOf(SelfCheckAnswer(question.id, Answer.YES)))
                assertEquals(SelfCheckOutcome.SIGNS, result.outcome, question.id)
                val helpNow = assertNotNull(result.helpNow)
                assertEquals(Action.OpenHelpNow, helpNow.action)
                assertEquals("Get help now", helpNow.label)
                assertEquals(1, result.signs.size)
                assertEquals(Action.QuickExit, result.quickExit.action)
            }
        }
    }

    @Test
    fun `signs come in question order whatever order they were given`() {
        openProfile(dir).use { waymark ->
            val ids = waymark.selfCheck().questions.map { it.id }.take(3)
            val forwards = waymark.selfCheckResult(ids.map { SelfCheckAnswer(it, Answer.YES) })
            val backwards = waymark.selfCheckResult(ids.reversed().map { SelfCheckAnswer(it, Answer.YES) })
            assertEquals(3, forwards.signs.size)
            assertEquals(forwards, backwards)
        }
    }

    @Test
    fun `not sure is no sign but gives someone to call, and no answer is no sign`() {
        openProfile(dir).use { waymark ->
            val unsure = waymark.selfCheckResult(
                listOf(SelfCheckAnswer("debt", Answer.DONT_KNOW), SelfCheckAnswer("threats", Answer.NO)),
            )
            assertEquals(SelfCheckOutcome.UNSURE, unsure.outcome)
            assertNull(unsure.helpNow)
            assertEquals(emptyList(), unsure.signs)
            assertContains(unsure.contacts.map { it.action }, Action.OpenContact("hotline"))
            assertTrue(unsure.articles.isNotEmpty() && unsure.articles.all { it.action is Action.OpenArticle })
            assertEquals(Action.QuickExit, unsure.quickExit.action)

            val none = waymark.selfCheckResult(emptyList())
            assertEquals(SelfCheckOutcome.NO_SIGNS, none.outcome)
            assertNull(none.helpNow)
            assertEquals(Action.QuickExit, none.quickExit.action)
        }
    }

    @Test
    fun `the self-check speaks Russian and checks its answers`() {
        openProfile(dir, language = "ru").use { waymark ->
            val check = waymark.selfCheck()
            val result = waymark.selfCheckResult(listOf(SelfCheckAnswer(check.questions[0].id, Answer.YES)))
            assertContains(result.message, "не виноваты")
            assertEquals("Помощь сейчас", result.helpNow?.label)
            assertEquals("Быстро выйти", result.quickExit.label)
            for (answers in listOf(listOf("nope"), listOf("debt", "debt"))) {
                val error = assertFailsWith<WaymarkException.InvalidInput> {
                    waymark.selfCheckResult(answers.map { SelfCheckAnswer(it, Answer.NO) })
                }
                assertEquals("answers", error.field)
            }
        }
    }

    // ------------------------------------------------------------ myths and facts quiz

    /** Answers to every statement, the first [right] correct; truths learnt through `quizAnswer`. */
    private fun answersWith(waymark: Waymark, right: Int): List<QuizAnswer> =
        waymark.quiz().statements.mapIndexed { i, statement ->
            val truth = waymark.quizAnswer(statement.id, true).correct
            QuizAnswer(statement.id, if (i < right) truth else !truth)
        }

    @Test
    fun `each answer is judged and explained`() {
        openProfile(dir).use { waymark ->
            val quiz = waymark.quiz()
            assertEquals((1u..11u).toList(), quiz.statements.map { it.number })
            assertEquals(listOf(true, false), quiz.options.map { it.value })
            assertNull(quiz.best)
            assertEquals("No score yet", quiz.bestLabel)
            val myth = waymark.quizAnswer("only-sexual", false)
            assertTrue(myth.correct)
            assertEquals("Right." to "This is a myth.", myth.verdict to myth.truth)
            assertContains(myth.explanation, "forced labour")
            assertTrue(myth.readMore.action is Action.OpenArticle)
            val wrong = waymark.quizAnswer("legal-travel", false)
            assertFalse(wrong.correct)
            assertEquals("Not quite." to "This is true.", wrong.verdict to wrong.truth)
            val error = assertFailsWith<WaymarkException.NotFound> { waymark.quizAnswer("nope", true) }
            assertEquals("quiz statement", error.what)
            assertEquals("nope", error.id)
        }
    }

    @Test
    fun `the best score is kept and survives reopening the profile`() {
        openProfile(dir).use { waymark ->
            val seven = waymark.quizFinish(answersWith(waymark, 7), MONDAY_10_MOSCOW)
            assertEquals(QuizScore(7u, 11u), seven.score)
            assertEquals("You got 7 of 11 right.", seven.scoreLabel)
            assertTrue(seven.isNewBest)
            assertEquals("That is your best score so far.", seven.newBestLabel)
            val worse = waymark.quizFinish(answersWith(waymark, 3), at("2026-03-02T07:05:00Z"))
            assertEquals(QuizScore(3u, 11u), worse.score)
            assertFalse(worse.isNewBest)
            assertNull(worse.newBestLabel)
            assertEquals(QuizScore(7u, 11u), worse.best)
            assertEquals("Your best: 7 of 11", worse.bestLabel)
        }
        openProfile(dir).use { waymark ->
            assertEquals(QuizScore(7u, 11u), waymark.quiz().best)
            assertEquals("Your best: 7 of 11", waymark.quiz().bestLabel)
            assertTrue(waymark.quizFinish(answersWith(waymark, 11), at("2026-03-03T07:00:00Z")).isNewBest)
            assertEquals(QuizScore(11u, 11u), waymark.quiz().best)
        }
    }

    @Test
    fun `an incomplete or muddled quiz is refused and not scored`() {
        openProfile(dir, language = "ru").use { waymark ->
            val full = answersWith(waymark, 11)
            for (bad in listOf(full.dropLast(1), full + full[0], full + QuizAnswer("nope", true))) {
                val error = assertFailsWith<WaymarkException.InvalidInput> {
                    waymark.quizFinish(bad, MONDAY_10_MOSCOW)
                }
                assertEquals("answers", error.field)
            }
            assertNull(waymark.quiz().best)
            assertEquals("Результатов пока нет", waymark.quiz().bestLabel)
        }
    }

    private companion object {
        /**
         * A dishonest Russian ad. The emoji is outside the Basic Multilingual Plane: one code
         * point, two UTF-16 units, so every offset after it differs between the two counts.
         */
        const val DISHONEST_AD =
            "🔥 Работа в Турции для девушек! Официантки. Опыт не нужен. " +
                "Едем по туристической визе. Звоните +7 916 234-56-78"
    }
}

package org.waymark.android

import android.graphics.Color
import android.text.InputType
import android.text.SpannableString
import android.text.Spanned
import android.text.style.BackgroundColorSpan
import java.time.Instant
import org.waymark.core.AdAnalysisView
import org.waymark.core.Answer
import org.waymark.core.LinkView
import org.waymark.core.OfferAnswer
import org.waymark.core.OfferCheckView
import org.waymark.core.OfferField
import org.waymark.core.OfferInput
import org.waymark.core.OfferSaved
import org.waymark.core.OfferListView
import org.waymark.core.OfferReasonView
import org.waymark.core.OfferResultView
import org.waymark.core.QuizAnswer
import org.waymark.core.QuizFeedbackView
import org.waymark.core.QuizResultView
import org.waymark.core.QuizView
import org.waymark.core.SelfCheckAnswer
import org.waymark.core.SelfCheckResultView
import org.waymark.core.SelfCheckView
import org.waymark.core.TextSpan
import org.waymark.core.Waymark

/** The saved job-offer checks, and a new one. */
class OffersScreen : Screen<OfferListView>() {
    override fun load(core: Waymark, now: Instant): OfferListView = core.offers()

    override fun render(ui: Ui, model: OfferListView) = column(ui.context) {
        title(model.title)
        if (model.offers.isEmpty()) text(model.emptyLabel)
        for (offer in model.offers) {
            group {
                button("${offer.title} · ${offer.employer} · ${offer.country}") {
                    ui.open(OfferScreen(offer.id))
                }
                text(offer.levelTitle)
                note(offer.checkedLabel)
            }
        }
        button(ui.texts.add) { ui.open(OfferScreen(null)) }
        button(ui.texts.adCheckButton) { ui.open(AdScreen()) }
    }
}

/** Checks a job ad's text for warning signs, marks where they are, and can start an offer check. */
class AdScreen(private val ad: String = "") : Screen<AdAnalysisView?>() {
    override fun load(core: Waymark, now: Instant): AdAnalysisView? =
        if (ad.isBlank()) null else core.analyzeAd(ad)

    override fun render(ui: Ui, model: AdAnalysisView?) = column(ui.context) {
        val texts = ui.texts
        val field = field(
            texts.adTextLabel,
            ad,
            hint = texts.adTextHint,
            type = InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_MULTI_LINE,
        )
        button(texts.adCheckButton) { ui.replace(AdScreen(field.text.toString())) }
        if (model == null) return@column
        title(model.title)
        note(model.intro)
        text(model.summary)
        text(marked(ad, model.flags.flatMap { it.spans }))
        for (flag in model.flags) {
            group {
                heading(flag.title)
                text(flag.explanation)
                flag.spans.forEach { note(it.text) }
            }
        }
        if (model.phones.isNotEmpty()) heading(model.phonesLabel)
        for (phone in model.phones) text("${phone.span.text} · ${phone.kindLabel}")
        button(texts.adUseInOffer) {
            ui.open(OfferScreen(null, OfferInput("", "", "", "", model.answers, ad)))
        }
    }

    /** The ad with each warning sign's place marked; the core counts in characters. */
    private fun marked(text: String, spans: List<TextSpan>): CharSequence {
        val out = SpannableString(text)
        val characters = text.codePointCount(0, text.length)
        for (span in spans) {
            val start = span.start.toInt()
            val end = span.end.toInt()
            if (start < 0 || end > characters || start >= end) continue
            out.setSpan(
                BackgroundColorSpan(Color.argb(90, 230, 140, 20)),
                text.offsetByCodePoints(0, start),
                text.offsetByCodePoints(0, end),
                Spanned.SPAN_EXCLUSIVE_EXCLUSIVE,
            )
        }
        return out
    }
}

/**
 * One job-offer check: the offer's details, the questions, and the result as answers change.
 * A [draft] (answers read from a job ad) starts a new check from those answers.
 */
class OfferScreen(private val id: Long?, private val draft: OfferInput? = null) :
    Screen<OfferCheckView>() {
    override fun load(core: Waymark, now: Instant): OfferCheckView = when {
        id != null -> core.offerCheck(id)
        draft != null -> core.offerCheckPreview(draft)
        else -> core.offerCheckNew()
    }

    override fun render(ui: Ui, model: OfferCheckView) = column(ui.context) {
        val labels = model.fieldLabels
        title(model.title)
        text(model.intro)
        note(model.checkedLabel)
        val offerTitle = field(labels.title, model.offerTitle)
        val employer = field(labels.employer, model.employer)
        val country = field(labels.country, model.country)
        val notes = field(labels.notes, model.notes)
        val answers = model.questions.mapNotNull { q -> q.answer?.let { q.id to it } }
            .toMap(LinkedHashMap())
        fun input() = OfferInput(
            offerTitle.text.toString(),
            employer.text.toString(),
            country.text.toString(),
            notes.text.toString(),
            answers.map { (question, answer) -> OfferAnswer(question, answer) },
            draft?.adText,
        )
        lateinit var result: Column
        for (question in model.questions) {
            group {
                text("${question.number}. ${question.text}")
                note("${model.whyLabel}: ${question.why}")
                val options = model.answerOptions
                choice(options.map { it.label }, options.indexOfFirst { it.answer == question.answer }
                    .takeIf { it >= 0 }) { index ->
                    answers[question.id] = options[index].answer
                    val current = input()
                    ui.call({ it.offerCheckPreview(current) }) { preview ->
                        result.view.removeAllViews()
                        result.offerResult(ui, preview.result)
                    }
                }
            }
        }
        result = section()
        result.offerResult(ui, model.result)
        button(ui.texts.save) {
            val current = input()
            ui.call({ it.saveOffer(id, current, AppClock.now()) }) { outcome ->
                when (outcome) {
                    is OfferSaved.Saved -> ui.replace(OfferScreen(outcome.check.id))
                    is OfferSaved.Refused -> {
                        for (f in listOf(offerTitle, employer, country, notes)) f.error = null
                        for (error in outcome.errors) {
                            when (error.field) {
                                OfferField.TITLE -> offerTitle.error = error.message
                                OfferField.EMPLOYER -> employer.error = error.message
                                OfferField.COUNTRY -> country.error = error.message
                                OfferField.NOTES -> notes.error = error.message
                                // The ad was pasted on the screen before; its problem is news.
                                OfferField.AD_TEXT -> ui.toast(error.message)
                            }
                        }
                    }
                }
            }
        }
        if (id != null) {
            button(ui.texts.remove) { ui.call({ it.offerDelete(id) }) { ui.back() } }
        }
    }
}

private fun Column.offerResult(ui: Ui, result: OfferResultView) {
    heading(result.levelTitle)
    text("${result.adviceLabel}: ${result.advice}")
    reasons(ui, result.reasonsLabel, result.reasons)
    reasons(ui, result.unknownsLabel, result.unknowns)
    if (result.links.isNotEmpty()) heading(result.readMoreLabel)
    links(ui, result.links)
}

private fun Column.reasons(ui: Ui, label: String, reasons: List<OfferReasonView>) {
    if (reasons.isEmpty()) return
    heading(label)
    for (reason in reasons) {
        group {
            text(reason.text)
            note(reason.fromAdLabel)
            links(ui, reason.links)
        }
    }
}

/** One button per link the core gives, labelled by it. */
fun Column.links(ui: Ui, links: List<LinkView>) {
    for (link in links) button(link.label) { ui.perform(link.action) }
}

/** "Am I being exploited?": the questions, with the result following the answers. */
class SelfCheckScreen : Screen<Pair<SelfCheckView, SelfCheckResultView>>() {
    override fun load(core: Waymark, now: Instant) =
        core.selfCheck() to core.selfCheckResult(emptyList())

    override fun render(ui: Ui, model: Pair<SelfCheckView, SelfCheckResultView>) =
        column(ui.context) {
            val (check, first) = model
            title(check.title)
            text(check.intro)
            button(check.quickExit.label) { ui.perform(check.quickExit.action) }
            val answers = LinkedHashMap<String, Answer>()
            lateinit var result: Column
            for (question in check.questions) {
                group {
                    text("${question.number}. ${question.text}")
                    choice(check.answerOptions.map { it.label }, null) { index ->
                        answers[question.id] = check.answerOptions[index].answer
                        val given = answers.map { (id, answer) -> SelfCheckAnswer(id, answer) }
                        ui.call({ it.selfCheckResult(given) }) { view ->
                            result.view.removeAllViews()
                            result.selfCheckResult(ui, view)
                        }
                    }
                }
            }
            result = section()
            result.selfCheckResult(ui, first)
        }
}

private fun Column.selfCheckResult(ui: Ui, result: SelfCheckResultView) {
    heading(result.title)
    text(result.message)
    result.signs.forEach { text(it) }
    result.helpNow?.let { links(ui, listOf(it)) }
    links(ui, result.contacts)
    links(ui, result.articles)
}

/** Myths and facts: each statement judged as it is answered, the score at the end. */
class QuizScreen : Screen<QuizView>() {
    override fun load(core: Waymark, now: Instant): QuizView = core.quiz()

    override fun render(ui: Ui, model: QuizView) = column(ui.context) {
        title(model.title)
        text(model.intro)
        note(model.bestLabel)
        val answers = LinkedHashMap<String, Boolean>()
        lateinit var score: Column
        for (statement in model.statements) {
            group {
                text("${statement.number}. ${statement.statement}")
                val feedback = section()
                lateinit var options: android.widget.RadioGroup
                options = choice(model.options.map { it.label }, null) { index ->
                    if (statement.id in answers) return@choice
                    val value = model.options[index].value
                    answers[statement.id] = value
                    // One answer per statement: the core judges the first.
                    for (i in 0 until options.childCount) options.getChildAt(i).isEnabled = false
                    ui.call({ it.quizAnswer(statement.id, value) }) { view ->
                        feedback.quizFeedback(ui, view)
                        if (answers.size == model.statements.size) {
                            val all = answers.map { (id, answer) -> QuizAnswer(id, answer) }
                            ui.call({ it.quizFinish(all, AppClock.now()) }) { score.quizScore(it) }
                        }
                    }
                }
            }
        }
        score = section()
    }
}

private fun Column.quizFeedback(ui: Ui, view: QuizFeedbackView) {
    heading(view.verdict)
    text(view.truth)
    text(view.explanation)
    links(ui, listOf(view.readMore))
}

private fun Column.quizScore(result: QuizResultView) {
    heading(result.scoreLabel)
    note(result.bestLabel)
    note(result.newBestLabel)
}

"""The screening tools: the job-offer check and saved offers (`offer_check_new`,
`offer_check_preview`, `offer_save`, `offer_check`, `offers`, `offer_delete`), the ad-text
analyzer (`analyze_ad`), the self-check (`self_check`, `self_check_result`) and the myths quiz
(`quiz`, `quiz_answer`, `quiz_finish`)."""

import gc
from datetime import timedelta

import pytest
from waymark_core import (
    Action,
    AdAnalysisView,
    Answer,
    OfferAnswer,
    OfferInput,
    PhoneKind,
    QuizAnswer,
    QuizScore,
    RiskLevel,
    SelfCheckAnswer,
    SelfCheckOutcome,
    Waymark,
    WaymarkError,
    WaymarkOptions,
)

from support import MONDAY_10_MOSCOW, PROFILE_KEY, at

# A dishonest Russian ad. The emoji lies outside the Basic Multilingual Plane (two UTF-16 units,
# one character), and the Cyrillic letters around it are one unit each: offsets counted in any
# unit but characters would land in the wrong place.
DISHONEST_AD = (
    "🔥 Работа в Турции для девушек! Официантки. Опыт не нужен. "
    "Едем по туристической визе. Звоните +7 916 234-56-78"
)


def offer(title="Официантка", answers=(), ad_text=None, **fields):
    return OfferInput(
        title=title,
        employer=fields.get("employer", "Sun Travel"),
        country=fields.get("country", "Турция"),
        notes=fields.get("notes", "Встретились на ярмарке вакансий.\nПерезвонить в пятницу."),
        answers=[OfferAnswer(question_id=q, answer=a) for q, a in answers],
        ad_text=ad_text,
    )


def question(view, question_id):
    return next(q for q in view.questions if q.id == question_id)


# ---------------------------------------------------------------- ad-text analyzer


def test_a_dishonest_russian_ad_shows_each_flag_where_it_is(open_profile):
    view = open_profile(language="ru").analyze_ad(DISHONEST_AD)
    assert isinstance(view, AdAnalysisView)
    ids = [flag.id for flag in view.flags]
    for expected in ["tourist-visa", "young-women", "no-experience", "only-mobile"]:
        assert expected in ids, ids
    assert view.summary == f"Найдено тревожных признаков: {len(view.flags)}"
    assert view.title and view.intro and view.phones_label
    for flag in view.flags:
        assert flag.title and flag.explanation
        assert flag.spans, flag.id
        for span in flag.spans:
            # Python strings count characters, as the spans do.
            assert DISHONEST_AD[span.start : span.end] == span.text, flag.id
            assert 0 < span.start < span.end <= len(DISHONEST_AD)
    by_id = {flag.id: flag for flag in view.flags}
    assert by_id["no-experience"].spans[0].text == "Опыт не нужен"
    assert by_id["no-experience"].title == "Опыт и обучение не нужны"
    assert by_id["no-experience"].question_id == "no-experience"
    assert by_id["only-mobile"].spans[0].text == "+7 916 234-56-78"


def test_the_phone_in_the_ad_is_read_as_a_mobile_number_and_its_place_given(open_profile):
    view = open_profile(language="ru").analyze_ad(DISHONEST_AD)
    [phone] = view.phones
    assert phone.e164 == "+79162345678"
    assert phone.kind == PhoneKind.MOBILE
    assert phone.kind_label == "мобильный"
    assert DISHONEST_AD[phone.span.start : phone.span.end] == phone.span.text == "+7 916 234-56-78"


def test_the_ad_answers_the_questions_it_can(open_profile):
    view = open_profile(language="ru").analyze_ad(DISHONEST_AD)
    answers = {a.question_id: a.answer for a in view.answers}
    assert answers["only-mobile"] == Answer.YES
    assert answers["tourist-visa"] == Answer.YES
    assert set(answers) == {flag.question_id for flag in view.flags}


def test_the_analysis_is_in_the_profile_language_whatever_the_ads_language(open_profile):
    view = open_profile(language="en").analyze_ad(DISHONEST_AD)
    assert view.summary == f"Warning signs found: {len(view.flags)}"
    assert "no-experience" in [flag.id for flag in view.flags]
    assert view.phones[0].kind_label == "mobile"


def test_an_honest_ad_with_an_office_phone_has_no_flags(open_profile):
    view = open_profile().analyze_ad(
        "Registered nurse, Leeds. NMC registration and two years of experience required. "
        "Salary £28,407 per year. Call the office on 0113 392 6000."
    )
    assert view.flags == []
    assert view.answers == []
    assert view.summary.startswith("No warning signs found")
    assert view.phones[0].kind == PhoneKind.LANDLINE
    assert view.phones[0].e164 == "+441133926000"


@pytest.mark.parametrize("text", ["", "  \n ", "a" * 20_001], ids=["empty", "blank", "too-long"])
def test_blank_or_overlong_ad_text_is_refused(open_profile, text):
    with pytest.raises(WaymarkError.InvalidInput) as error:
        open_profile().analyze_ad(text)
    assert error.value.field == "text"


def test_the_longest_ad_text_is_read(open_profile):
    assert open_profile().analyze_ad("я" * 20_000).flags == []


# ---------------------------------------------------------------- job-offer questionnaire


def test_a_blank_check_has_every_question_and_the_answer_buttons(open_profile):
    view = open_profile().offer_check_new()
    assert view.id is None
    assert (view.checked_at, view.checked_label) == (None, None)
    assert len(view.questions) == 15
    assert [q.number for q in view.questions] == list(range(1, 16))
    assert all(q.answer is None and not q.from_ad and q.text and q.why for q in view.questions)
    assert [o.answer for o in view.answer_options] == [Answer.YES, Answer.NO, Answer.DONT_KNOW]
    assert view.answer_options[2].label == "Don’t know"
    assert view.field_labels.title and view.field_labels.notes
    assert view.answered_label == "0 of 15 questions answered"
    assert view.result.level == RiskLevel.LOW
    assert view.result.reasons == [] and view.result.unknowns == []


def test_a_check_answered_partly_with_dont_know_lists_what_to_find_out(open_profile):
    waymark = open_profile()
    view = waymark.offer_check_preview(
        offer(
            "Waitress",
            [("envelope", Answer.YES), ("names-responsible", Answer.DONT_KNOW), ("licence", Answer.DONT_KNOW)],
        )
    )
    assert view.id is None
    assert view.result.level == RiskLevel.MEDIUM
    assert [r.question_id for r in view.result.reasons] == ["envelope"]
    # In question order, not in the order given.
    assert [u.question_id for u in view.result.unknowns] == ["licence", "names-responsible"]
    assert all(u.text and u.from_ad_label is None for u in view.result.unknowns)
    assert question(view, "licence").answer == Answer.DONT_KNOW
    assert question(view, "tourist-visa").answer is None
    assert view.answered_label == "3 of 15 questions answered"
    assert waymark.offers().offers == [], "a preview saves nothing"


def test_not_knowing_everything_is_never_a_high_risk_by_itself(open_profile):
    waymark = open_profile()
    ids = [q.id for q in waymark.offer_check_new().questions]
    view = waymark.offer_check_preview(offer("Job", [(i, Answer.DONT_KNOW) for i in ids]))
    assert view.result.level == RiskLevel.MEDIUM
    assert view.result.reasons == []
    assert len(view.result.unknowns) == 15


def test_one_serious_sign_makes_the_risk_high_with_links_to_read_and_call(open_profile):
    view = open_profile().offer_check_preview(offer("Waitress", [("tourist-visa", Answer.YES)]))
    assert view.result.level == RiskLevel.HIGH
    assert view.result.level_title == "High risk: this offer looks like a trap"
    assert view.result.reasons[0].text == "You are asked to travel without a work visa, or on false documents."
    actions = [link.action for link in view.result.links]
    assert Action.OPEN_ARTICLE(id="contract-and-visa") in actions
    assert Action.OPEN_CONTACT(id="hotline") in actions
    assert all(link.label for link in view.result.links)


# ---------------------------------------------------------------- saved offers


def test_an_offer_is_saved_read_back_and_listed(open_profile):
    waymark = open_profile()
    saved = waymark.offer_save(
        None, offer("  Официантка  ", [("tourist-visa", Answer.YES), ("licence", Answer.DONT_KNOW)]), MONDAY_10_MOSCOW
    )
    assert saved.id is not None
    assert saved.offer_title == "Официантка", "fields are trimmed"
    assert saved.notes == "Встретились на ярмарке вакансий.\nПерезвонить в пятницу."
    assert saved.checked_at == MONDAY_10_MOSCOW
    assert saved.checked_label == "Checked 2 Mar 2026, 10:00"
    assert waymark.offer_check(saved.id) == saved
    [summary] = waymark.offers().offers
    assert (summary.id, summary.title, summary.employer, summary.country) == (
        saved.id,
        "Официантка",
        "Sun Travel",
        "Турция",
    )
    assert summary.level == RiskLevel.HIGH
    assert summary.level_title == saved.result.level_title
    assert summary.checked_at == MONDAY_10_MOSCOW
    assert summary.checked_label == "Checked 2 Mar 2026, 10:00"


def test_an_offer_is_updated_then_deleted(open_profile):
    waymark = open_profile(language="ru")
    first = waymark.offer_save(None, offer(answers=[("documents-kept", Answer.YES)]), MONDAY_10_MOSCOW)
    later = MONDAY_10_MOSCOW + timedelta(days=1, hours=2)
    updated = waymark.offer_save(first.id, offer(answers=[("documents-kept", Answer.NO)]), later)
    assert updated.id == first.id
    assert updated.result.level == RiskLevel.LOW
    assert updated.result.level_title == "Тревожных признаков почти нет"
    assert updated.checked_at == later
    assert [o.id for o in waymark.offers().offers] == [first.id]

    listed = waymark.offer_delete(first.id)
    assert listed.offers == []
    assert listed.empty_label == "Вы ещё не проверяли ни одного предложения."
    for call in (waymark.offer_check, waymark.offer_delete):
        with pytest.raises(WaymarkError.NotFound) as error:
            call(first.id)
        assert (error.value.what, error.value.id) == ("offer", str(first.id))


def test_offers_are_listed_most_recently_checked_first(open_profile):
    waymark = open_profile()
    old = waymark.offer_save(None, offer("Old"), at("2026-01-10T09:00:00Z"))
    new = waymark.offer_save(None, offer("New"), at("2026-02-10T09:00:00Z"))
    assert [o.title for o in waymark.offers().offers] == ["New", "Old"]
    waymark.offer_save(old.id, offer("Old"), at("2026-03-10T09:00:00Z"))
    assert [o.id for o in waymark.offers().offers] == [old.id, new.id]


def test_the_ad_fills_only_the_questions_left_open_and_that_is_kept(open_profile):
    waymark = open_profile()
    saved = waymark.offer_save(
        None, offer("Waitress", [("no-experience", Answer.NO)], ad_text=DISHONEST_AD), MONDAY_10_MOSCOW
    )
    assert (question(saved, "tourist-visa").answer, question(saved, "tourist-visa").from_ad) == (Answer.YES, True)
    assert (question(saved, "only-mobile").answer, question(saved, "only-mobile").from_ad) == (Answer.YES, True)
    assert (question(saved, "no-experience").answer, question(saved, "no-experience").from_ad) == (Answer.NO, False)
    assert question(saved, "licence").answer is None
    reason = next(r for r in saved.result.reasons if r.question_id == "tourist-visa")
    assert reason.from_ad_label == "from the ad’s text"
    assert waymark.offer_check(saved.id) == saved


BAD_OFFERS = [
    ("title", offer(title="   ")),
    ("title", offer(title="x" * 121)),
    ("title", offer(title="a\u0007b")),
    ("employer", offer(employer="x" * 121)),
    ("country", offer(country="Turkey\nIstanbul")),
    ("notes", offer(notes="x" * 2001)),
    ("notes", offer(notes="bell \u0007")),
    ("answers", offer(answers=[("no-such-question", Answer.YES)])),
    ("answers", offer(answers=[("licence", Answer.YES), ("licence", Answer.NO)])),
    ("text", offer(ad_text="   ")),
]


@pytest.mark.parametrize("field, bad", BAD_OFFERS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_OFFERS)])
def test_bad_offer_input_names_the_field_and_changes_nothing(open_profile, field, bad):
    waymark = open_profile()
    kept = waymark.offer_save(None, offer("Kept", [("envelope", Answer.YES)]), MONDAY_10_MOSCOW)
    for call in (
        lambda: waymark.offer_save(None, bad, MONDAY_10_MOSCOW),
        lambda: waymark.offer_save(kept.id, bad, MONDAY_10_MOSCOW + timedelta(hours=1)),
        lambda: waymark.offer_check_preview(bad),
    ):
        with pytest.raises(WaymarkError.InvalidInput) as error:
            call()
        assert error.value.field == field
        assert error.value.reason
    assert [o.id for o in waymark.offers().offers] == [kept.id]
    assert waymark.offer_check(kept.id) == kept


def test_the_longest_fields_are_accepted(open_profile):
    saved = open_profile().offer_save(
        None, offer("я" * 120, employer="ё" * 120, country="x" * 120, notes="n" * 2000), MONDAY_10_MOSCOW
    )
    assert saved.offer_title == "я" * 120
    assert len(saved.notes) == 2000


def test_updating_an_offer_that_does_not_exist_is_not_found_and_adds_nothing(open_profile):
    waymark = open_profile()
    with pytest.raises(WaymarkError.NotFound) as error:
        waymark.offer_save(99, offer("Job"), MONDAY_10_MOSCOW)
    assert (error.value.what, error.value.id) == ("offer", "99")
    assert waymark.offers().offers == []


# ---------------------------------------------------------------- self-check


def test_the_self_check_asks_its_questions_and_always_offers_a_quick_exit(open_profile):
    check = open_profile().self_check()
    assert len(check.questions) == 8
    assert [q.number for q in check.questions] == list(range(1, 9))
    assert check.quick_exit.action == Action.QUICK_EXIT()
    assert check.quick_exit.action.is_quick_exit()
    assert check.quick_exit.label == "Leave quickly"
    assert [o.answer for o in check.answer_options] == [Answer.YES, Answer.NO, Answer.DONT_KNOW]
    assert check.answer_options[2].label == "Not sure"


def test_any_yes_leads_straight_to_help_now_with_a_quick_exit(open_profile):
    waymark = open_profile()
    for q in waymark.self_check().questions:
        result = waymark.self_check_result([SelfCheckAnswer(question_id=q.id, answer=Answer.YES)])
        assert result.outcome == SelfCheckOutcome.SIGNS, q.id
        assert result.help_now is not None
        assert result.help_now.action == Action.OPEN_HELP_NOW()
        assert result.help_now.action.is_open_help_now()
        assert result.help_now.label == "Get help now"
        assert len(result.signs) == 1 and result.signs[0]
        assert result.quick_exit.action == Action.QUICK_EXIT()


def test_signs_come_in_question_order_whatever_order_they_were_given(open_profile):
    waymark = open_profile()
    ids = [q.id for q in waymark.self_check().questions]
    forwards = waymark.self_check_result([SelfCheckAnswer(question_id=i, answer=Answer.YES) for i in ids[:3]])
    backwards = waymark.self_check_result(
        [SelfCheckAnswer(question_id=i, answer=Answer.YES) for i in reversed(ids[:3])]
    )
    assert len(forwards.signs) == 3
    assert forwards == backwards


def test_not_sure_is_not_a_sign_but_gives_someone_to_call(open_profile):
    waymark = open_profile()
    unsure = waymark.self_check_result(
        [
            SelfCheckAnswer(question_id="debt", answer=Answer.DONT_KNOW),
            SelfCheckAnswer(question_id="threats", answer=Answer.NO),
        ]
    )
    assert unsure.outcome == SelfCheckOutcome.UNSURE
    assert unsure.help_now is None
    assert unsure.signs == []
    assert Action.OPEN_CONTACT(id="hotline") in [c.action for c in unsure.contacts]
    assert unsure.articles and all(a.action.is_open_article() for a in unsure.articles)
    assert unsure.quick_exit.action == Action.QUICK_EXIT()

    none = waymark.self_check_result([])
    assert none.outcome == SelfCheckOutcome.NO_SIGNS
    assert none.help_now is None
    assert none.quick_exit.action == Action.QUICK_EXIT()


def test_the_self_check_speaks_russian(open_profile):
    waymark = open_profile(language="ru")
    check = waymark.self_check()
    result = waymark.self_check_result([SelfCheckAnswer(question_id=check.questions[0].id, answer=Answer.YES)])
    assert "не виноваты" in result.message
    assert result.help_now.label == "Помощь сейчас"
    assert result.quick_exit.label == check.quick_exit.label == "Быстро выйти"


@pytest.mark.parametrize("answers", [["nope"], ["debt", "debt"]], ids=["unknown", "twice"])
def test_self_check_answers_are_checked(open_profile, answers):
    with pytest.raises(WaymarkError.InvalidInput) as error:
        open_profile().self_check_result([SelfCheckAnswer(question_id=i, answer=Answer.NO) for i in answers])
    assert error.value.field == "answers"


# ---------------------------------------------------------------- myths and facts quiz


def truths(waymark):
    """Each statement's truth, learnt through the API: answering "true" is right when it is true."""
    return {s.id: waymark.quiz_answer(s.id, True).correct for s in waymark.quiz().statements}


def answers_with(waymark, right):
    """Answers to every statement, the first `right` of them correct."""
    truth = truths(waymark)
    return [
        QuizAnswer(statement_id=s.id, answer=truth[s.id] if i < right else not truth[s.id])
        for i, s in enumerate(waymark.quiz().statements)
    ]


def test_the_quiz_has_its_statements_and_no_score_at_first(open_profile):
    quiz = open_profile().quiz()
    assert len(quiz.statements) == 11
    assert [s.number for s in quiz.statements] == list(range(1, 12))
    assert all(s.statement for s in quiz.statements)
    assert [o.value for o in quiz.options] == [True, False]
    assert quiz.best is None
    assert quiz.best_label == "No score yet"


def test_each_answer_is_judged_and_explained(open_profile):
    waymark = open_profile()
    myth = waymark.quiz_answer("only-sexual", False)
    assert myth.statement_id == "only-sexual"
    assert myth.correct
    assert (myth.verdict, myth.truth) == ("Right.", "This is a myth.")
    assert "forced labour" in myth.explanation
    assert myth.read_more.action.is_open_article()
    wrong = waymark.quiz_answer("legal-travel", False)
    assert not wrong.correct
    assert (wrong.verdict, wrong.truth) == ("Not quite.", "This is true.")


def test_an_unknown_statement_is_not_found(open_profile):
    with pytest.raises(WaymarkError.NotFound) as error:
        open_profile().quiz_answer("nope", True)
    assert (error.value.what, error.value.id) == ("quiz statement", "nope")


def test_the_best_score_is_kept_and_survives_reopening_the_profile(tmp_path, open_profile):
    path = tmp_path / "profile.sqlite"
    first = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    seven = first.quiz_finish(answers_with(first, 7), MONDAY_10_MOSCOW)
    assert seven.score == QuizScore(score=7, total=11)
    assert seven.score_label == "You got 7 of 11 right."
    assert seven.is_new_best
    assert seven.new_best_label == "That is your best score so far."
    worse = first.quiz_finish(answers_with(first, 3), MONDAY_10_MOSCOW + timedelta(minutes=5))
    assert worse.score == QuizScore(score=3, total=11)
    assert not worse.is_new_best
    assert worse.new_best_label is None
    assert worse.best == QuizScore(score=7, total=11)
    assert worse.best_label == "Your best: 7 of 11"
    del first
    gc.collect()

    reopened = open_profile(path=path)
    assert reopened.quiz().best == QuizScore(score=7, total=11)
    assert reopened.quiz().best_label == "Your best: 7 of 11"
    perfect = reopened.quiz_finish(answers_with(reopened, 11), MONDAY_10_MOSCOW + timedelta(days=1))
    assert perfect.is_new_best
    assert reopened.quiz().best == QuizScore(score=11, total=11)


def test_an_incomplete_or_muddled_quiz_is_refused_and_not_scored(open_profile):
    waymark = open_profile(language="ru")
    full = answers_with(waymark, 11)
    for bad in (full[:-1], full + [full[0]], full + [QuizAnswer(statement_id="nope", answer=True)]):
        with pytest.raises(WaymarkError.InvalidInput) as error:
            waymark.quiz_finish(bad, MONDAY_10_MOSCOW)
        assert error.value.field == "answers"
    assert waymark.quiz().best is None
    assert waymark.quiz().best_label == "Результатов пока нет"

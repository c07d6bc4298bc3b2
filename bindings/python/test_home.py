"""The home screen: `Waymark.home(now)`."""

from waymark_core import Action

from support import MONDAY_10_MOSCOW, SUNDAY_15_MOSCOW


def test_a_new_profile_shows_progress_the_first_rule_the_hotline_and_the_menu(open_profile):
    home = open_profile().home(MONDAY_10_MOSCOW)
    assert home.title == "Waymark"
    assert home.tagline
    assert home.language == "en"
    assert (home.checklist.done, home.checklist.total, home.checklist.label) == (0, 11, "0 of 11 done")
    assert home.next_step.heading == "Next step"
    assert home.next_step.action == Action.OPEN_CHECKLIST_ITEM(id="agency-licence")
    assert [entry.action for entry in home.menu] == [
        Action.OPEN_GUIDE(), Action.OPEN_CHECKLIST(), Action.OPEN_CHECKIN(), Action.OPEN_FAMILY(),
        Action.OPEN_OFFER_CHECK(), Action.OPEN_SELF_CHECK(), Action.OPEN_QUIZ(), Action.OPEN_OWN_CONTACTS(),
        Action.OPEN_SEARCH(),
    ]
    assert [entry.title for entry in home.menu][:3] == ["Guide", "Checklist", "Check-in"]
    assert home.checkin is None


def test_the_hotline_line_can_be_dialled_and_says_whether_it_is_open(open_profile):
    waymark = open_profile(time_zone="Asia/Tokyo")
    hotline = waymark.home(MONDAY_10_MOSCOW).hotline
    assert hotline.contact_id == "hotline"
    assert hotline.e164 == "+78003330016"
    assert hotline.call == Action.DIAL(uri="tel:+78003330016")
    assert hotline.call.is_dial()
    assert hotline.open_now is True
    assert hotline.status == "Usually answers at this hour"
    assert "Moscow time" in hotline.hours
    assert hotline.cost_note is not None
    closed = waymark.home(SUNDAY_15_MOSCOW).hotline
    assert closed.open_now is False
    assert closed.status == "Usually closed at this hour"


def test_the_next_step_moves_on_and_ends_with_the_red_flags(open_profile):
    waymark = open_profile()
    waymark.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    assert waymark.home(MONDAY_10_MOSCOW).next_step.action == Action.OPEN_CHECKLIST_ITEM(id="contract-understood")
    for item in waymark.checklist().items:
        waymark.checklist_mark_done(item.id, MONDAY_10_MOSCOW)
    home = waymark.home(MONDAY_10_MOSCOW)
    assert home.checklist.label == "11 of 11 done"
    assert home.next_step.action.is_open_article()
    assert home.next_step.action.id == "red-flags"


def test_the_home_screen_comes_in_russian(open_profile):
    home = open_profile(language="ru").home(MONDAY_10_MOSCOW)
    assert home.language == "ru"
    assert home.checklist.label == "Готово 0 из 11"
    assert home.hotline.status == "Обычно в это время отвечают"
    assert [entry.title for entry in home.menu][:3] == ["Справочник", "Список дел", "Связь с близкими"]


def test_the_menu_leads_to_search_titled_alike_in_each_language(open_profile):
    waymark = open_profile()
    for language, label in (("en", "Search"), ("ru", "Поиск")):
        waymark.set_language(language)
        entry = next(e for e in waymark.home(MONDAY_10_MOSCOW).menu if e.action.is_open_search())
        assert entry.action == Action.OPEN_SEARCH()
        texts = waymark.shell_texts()
        assert entry.title == texts.search_title == label
        assert waymark.search("паспорт").title == label

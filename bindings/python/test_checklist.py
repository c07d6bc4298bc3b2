"""The pre-departure checklist: `checklist`, `checklist_mark_done`, `checklist_undo`, own items."""

from datetime import datetime, timedelta, timezone

import pytest
from waymark_core import ChecklistProgress, WaymarkError

from support import MONDAY_10_MOSCOW, at


def item(view, item_id):
    return next(i for i in view.items if i.id == item_id)


def test_a_new_checklist_has_the_eleven_rules_in_order_nothing_done(open_profile):
    view = open_profile().checklist()
    assert view.title == "Checklist"
    assert view.progress == ChecklistProgress(done=0, total=11, label="0 of 11 done")
    assert [i.rule for i in view.items] == list(range(1, 12))
    assert [i.number for i in view.items] == list(range(1, 12))
    assert view.can_add_own_item
    assert (view.why_label, view.how_label, view.read_more_label) == ("Why it matters", "How to do it", "Read more")
    first = view.items[0]
    assert first.id == "agency-licence"
    assert (first.done, first.done_at, first.done_label) == (False, None, None)
    assert not first.is_own
    assert first.language == "en"
    assert first.why and first.how
    assert first.article.id == "check-the-agency"


def test_marking_done_keeps_the_exact_instant_and_the_first_time_and_undo_clears_it(open_profile):
    waymark = open_profile()
    first = at("2026-03-02T07:00:00.123Z")
    marked = waymark.checklist_mark_done("work-visa", first)
    done = item(marked, "work-visa")
    assert done.done
    assert done.done_at == first
    assert done.done_at.tzinfo is not None, "instants come back as aware UTC datetimes"
    assert done.done_label == "Done 2 Mar 2026, 10:00"
    assert marked.progress.done == 1

    again = waymark.checklist_mark_done("work-visa", first + timedelta(hours=1))
    assert item(again, "work-visa").done_at == first

    cleared = item(waymark.checklist_undo("work-visa"), "work-visa")
    assert (cleared.done, cleared.done_at, cleared.done_label) == (False, None, None)


def test_an_instant_with_any_offset_is_the_same_instant(open_profile):
    waymark = open_profile()
    in_moscow = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    assert item(waymark.checklist_mark_done("return-ticket", in_moscow), "return-ticket").done_at == MONDAY_10_MOSCOW


@pytest.mark.parametrize("moment", ["1969-07-20T20:17:40Z", "2100-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
def test_instants_before_1970_and_far_ahead_cross_unchanged(open_profile, moment):
    view = open_profile().checklist_mark_done("return-ticket", at(moment))
    assert item(view, "return-ticket").done_at == at(moment)


def test_a_time_without_a_zone_is_refused(open_profile):
    with pytest.raises(TypeError):
        open_profile().checklist_mark_done("return-ticket", datetime(2026, 3, 2, 10, 0))


def test_own_items_are_added_at_the_end_trimmed_can_be_done_and_removed(open_profile):
    waymark = open_profile()
    added = waymark.checklist_add_own_item("  Copy the employer's address  ", MONDAY_10_MOSCOW)
    assert added.progress.total == 12
    own = added.items[-1]
    assert own.title == "Copy the employer's address"
    assert own.number == 12
    assert own.is_own
    assert (own.rule, own.why, own.how, own.article, own.language) == (None, None, None, None, None)
    assert waymark.checklist_mark_done(own.id, MONDAY_10_MOSCOW).items[-1].done
    removed = waymark.checklist_remove_own_item(own.id)
    assert removed.progress.total == 11
    assert all(i.id != own.id for i in removed.items)


@pytest.mark.parametrize("text", ["", "   ", "x" * 201, "two\nlines"])
def test_bad_own_items_are_rejected_naming_the_field(open_profile, text):
    waymark = open_profile()
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.checklist_add_own_item(text, MONDAY_10_MOSCOW)
    assert error.value.field == "text"
    assert waymark.checklist().progress.total == 11


def test_the_longest_own_item_is_accepted(open_profile):
    assert open_profile().checklist_add_own_item("я" * 200, MONDAY_10_MOSCOW).items[-1].title == "я" * 200


def test_a_checklist_holds_at_most_fifty_own_items(open_profile):
    waymark = open_profile()
    for n in range(50):
        waymark.checklist_add_own_item(f"Item {n + 1}", MONDAY_10_MOSCOW)
    assert not waymark.checklist().can_add_own_item
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.checklist_add_own_item("One more", MONDAY_10_MOSCOW)
    assert error.value.field == "text"
    assert waymark.checklist().progress.total == 61


def test_built_in_items_cannot_be_removed_and_unknown_items_are_not_found(open_profile):
    waymark = open_profile()
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.checklist_remove_own_item("agency-licence")
    assert error.value.field == "item_id"
    calls = [
        lambda: waymark.checklist_mark_done("no-such-item", MONDAY_10_MOSCOW),
        lambda: waymark.checklist_undo("no-such-item"),
        lambda: waymark.checklist_remove_own_item("no-such-item"),
    ]
    for call in calls:
        with pytest.raises(WaymarkError.NotFound) as error:
            call()
        assert (error.value.what, error.value.id) == ("checklist item", "no-such-item")
    assert waymark.checklist().progress.done == 0


def test_the_checklist_comes_in_russian_with_russian_dates(open_profile):
    view = open_profile(language="ru").checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    assert view.title == "Список дел"
    assert view.items[0].language == "ru"
    assert view.items[0].done_label == "Сделано 02.03.2026, 10:00"

"""Search: `Waymark.search(query)`, with results as highlighted pieces and the action to open."""

import pytest
from waymark_core import Action, SearchKind, WaymarkError

from support import MONDAY_10_MOSCOW


def test_an_english_word_with_a_typo_finds_the_passport_item_and_the_red_flag(open_profile):
    view = open_profile().search("pasport")
    first = view.results[0]
    assert first.kind == SearchKind.CHECKLIST_ITEM
    assert first.action == Action.OPEN_CHECKLIST_ITEM(id="keep-your-passport")
    assert "".join(part.text for part in first.title_parts) == first.title
    assert [part.text for part in first.title_parts if part.highlighted] == ["passport"]
    flags = [r for r in view.results if r.kind == SearchKind.RED_FLAG]
    assert [f.id for f in flags] == ["documents-kept"]
    assert flags[0].kind_label == "Warning sign"


def test_a_language_without_texts_searches_russian_then_english(open_profile):
    waymark = open_profile(language="ky")
    assert {r.language for r in waymark.search("паспорт").results} == {"ru"}
    assert {r.language for r in waymark.search("passport").results} == {"en"}


def test_own_items_are_found_and_bad_queries_are_refused(open_profile):
    waymark = open_profile()
    waymark.checklist_add_own_item("Pack a thermos flask", MONDAY_10_MOSCOW)
    [own] = waymark.search("thermos").results
    assert own.language is None
    assert waymark.search("zzzqqq").results == []
    for bad in ["", "  ", "x" * 201]:
        with pytest.raises(WaymarkError.InvalidInput) as raised:
            waymark.search(bad)
        assert raised.value.field == "query"

"""The guide: `Waymark.guide()` and `Waymark.article(id)`, with the `Block` body and links."""

import pytest
from waymark_core import Action, CalloutTone, WaymarkError

from support import links, plain


def test_the_contents_list_every_section_and_article_in_order(open_profile):
    guide = open_profile().guide()
    assert guide.title == "Guide"
    assert [section.position for section in guide.sections] == list(range(1, len(guide.sections) + 1))
    first = guide.sections[0]
    assert first.id == "understand"
    assert (first.articles[0].id, first.articles[0].position) == ("what-is-trafficking", 1)
    ids = [article.id for section in guide.sections for article in section.articles]
    assert len(ids) == len(set(ids))
    assert "red-flags" in ids


def test_an_article_has_its_body_section_and_neighbours(open_profile):
    waymark = open_profile()
    first = waymark.article("what-is-trafficking")
    assert first.section_id == "understand"
    assert first.blocks
    assert first.previous is None
    assert first.next.id == "who-is-at-risk"
    assert (first.previous_label, first.next_label) == ("Previous", "Next")
    last = waymark.guide().sections[-1].articles[-1]
    assert waymark.article(last.id).next is None


def test_the_safety_rules_are_a_numbered_list_of_eleven_that_link_to_the_checklist(open_profile):
    rules = open_profile().article("safety-rules")
    lists = [block for block in rules.blocks if block.is_numbered_list() and len(block.items) == 11]
    assert len(lists) == 1
    assert plain(lists[0].items[0]).startswith("Make sure the agency has a licence")
    assert Action.OPEN_CHECKLIST_ITEM(id="keep-your-passport") in links(rules.blocks)


def test_callouts_carry_a_tone_and_a_localised_label_and_links_open_things(open_profile):
    waymark = open_profile()
    articles = [waymark.article(a.id) for s in waymark.guide().sections for a in s.articles]
    blocks = [block for article in articles for block in article.blocks]
    callouts = [block for block in blocks if block.is_callout()]
    assert callouts
    labels = {
        CalloutTone.NOTE: "Note",
        CalloutTone.TIP: "Tip",
        CalloutTone.IMPORTANT: "Important",
        CalloutTone.WARNING: "Warning",
    }
    for callout in callouts:
        assert callout.label == labels[callout.tone]
        assert callout.paragraphs
    all_links = links(blocks)
    assert Action.OPEN_CONTACT(id="hotline") in all_links
    assert Action.OPEN_ARTICLE(id="red-flags") in all_links
    spans = [span for block in blocks if block.is_paragraph() for span in block.text.spans]
    assert any(span.strong for span in spans)
    assert any(span.link is None for span in spans)


def test_a_language_without_texts_shows_russian_and_says_so(open_profile):
    waymark = open_profile(language="ky")
    assert waymark.language() == "ky"
    assert waymark.article("red-flags").language == "ru"


def test_an_unknown_article_is_not_found(open_profile):
    with pytest.raises(WaymarkError.NotFound) as error:
        open_profile().article("no-such-article")
    assert (error.value.what, error.value.id) == ("article", "no-such-article")

"""Own contacts, emergency numbers and "help now": `own_contacts`, `own_contact_add`,
`own_contact_edit`, `own_contact_remove`, `emergency_numbers`, `emergency_countries`, `help_now`,
`HomeView.help_now`, and the contact screen's opening hours in both zones."""

import re

import pytest
from waymark_core import (
    Action,
    ContactAction,
    CountryOption,
    EmergencyService,
    HelpStepKind,
    OwnContactInput,
    OwnContactKind,
    OwnContactKindOption,
    Reachability,
    WaymarkError,
)

from support import at

# Wednesday 4 March 2026, 23:00 in Istanbul and in Moscow: the hotline is closed.
WEDNESDAY_NIGHT = at("2026-03-04T20:00:00Z")
# Wednesday 4 March 2026, 15:00 in Moscow: the hotline is open.
WEDNESDAY_AFTERNOON = at("2026-03-04T12:00:00Z")


def contact(name, kind, country, phone, notes=""):
    return OwnContactInput(name=name, kind=kind, country=country, phone=phone, notes=notes)


def add(waymark, *args, **kwargs):
    return waymark.own_contact_add(contact(*args, **kwargs), WEDNESDAY_AFTERNOON)


def with_contacts(waymark):
    """One contact of each kind that "help now" uses, and an employer."""
    add(waymark, "Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67")
    add(waymark, "Embassy in Ankara", OwnContactKind.EMBASSY_OR_CONSULATE, "TR", "+90 312 439 21 22")
    add(waymark, "Boss", OwnContactKind.EMPLOYER, "TR", "+90 212 555 12 34")
    add(waymark, "Migrant help centre", OwnContactKind.SUPPORT_ORGANISATION, "TR", "+90 212 293 11 11")
    return waymark


def invalid(field, call, *args):
    with pytest.raises(WaymarkError.InvalidInput) as error:
        call(*args)
    assert error.value.field == field, error.value.reason
    return error.value


# ---- Own contacts ----


def test_an_empty_list_says_so_and_offers_every_kind_for_the_form(open_profile):
    view = open_profile().own_contacts()
    assert view.title == "Your contacts"
    assert view.contacts == []
    assert view.empty_text == "You have not added any contacts yet."
    assert [option.kind for option in view.kinds] == list(OwnContactKind)
    assert view.kinds[1] == OwnContactKindOption(kind=OwnContactKind.EMBASSY_OR_CONSULATE, label="Embassy or consulate")
    assert (view.notes_label, view.country_label) == ("Notes", "Country")


def test_numbers_in_local_forms_are_saved_in_e164_with_call_text_and_copy(open_profile):
    waymark = open_profile()
    add(waymark, "Embassy in Ankara", OwnContactKind.EMBASSY_OR_CONSULATE, "tr", "+90 (312) 439-21-22", "  Karyağdı Sok. 5  ")
    view = add(waymark, "Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67")
    embassy, mum = view.contacts
    assert [c.number for c in view.contacts] == [1, 2]
    assert (embassy.e164, embassy.display_number) == ("+903124392122", "+90 312 439 21 22")
    assert (embassy.country_code, embassy.country, embassy.kind_label) == ("TR", "Türkiye", "Embassy or consulate")
    assert embassy.notes == "Karyağdı Sok. 5"
    assert embassy.dialable_from_abroad is True
    assert (mum.e164, mum.notes) == ("+79161234567", "")
    # A mobile takes texts; a landline does not.
    assert mum.actions == [
        ContactAction(label="Call", action=Action.DIAL(uri="tel:+79161234567")),
        ContactAction(label="Text", action=Action.COMPOSE_SMS(uri="sms:+79161234567", number="+79161234567")),
        ContactAction(label="Copy number", action=Action.COPY_TEXT(text="+79161234567")),
    ]
    assert mum.actions[1].action.is_compose_sms()
    assert [a.action for a in embassy.actions] == [
        Action.DIAL(uri="tel:+903124392122"),
        Action.COPY_TEXT(text="+903124392122"),
    ]


def test_a_bad_number_is_invalid_input_naming_phone_and_nothing_is_stored(open_profile):
    waymark = open_profile()
    add(waymark, "Mum", OwnContactKind.FAMILY, "RU", "+7 916 123-45-67")
    invalid("phone", add, waymark, "A", OwnContactKind.OTHER, "DE", "call me maybe")
    invalid("phone", add, waymark, "A", OwnContactKind.OTHER, "DE", "")
    plus = invalid("phone", add, waymark, "A", OwnContactKind.OTHER, "DE", "+999 1234 5678")
    assert "dialling code" in plus.reason
    # Mum's number written another way is a duplicate.
    invalid("phone", add, waymark, "A", OwnContactKind.OTHER, "RU", "89161234567")
    invalid("name", add, waymark, "  ", OwnContactKind.OTHER, "DE", "030 12345678")
    invalid("country", add, waymark, "A", OwnContactKind.OTHER, "Germany", "030 12345678")
    invalid("notes", add, waymark, "A", OwnContactKind.OTHER, "DE", "030 12345678", "n" * 501)
    assert [c.name for c in waymark.own_contacts().contacts] == ["Mum"]


def test_contacts_are_edited_and_removed_by_id_and_an_unknown_id_is_not_found(open_profile):
    waymark = open_profile()
    add(waymark, "Embassy", OwnContactKind.EMBASSY_OR_CONSULATE, "TR", "+90 312 439 21 22")
    mum = add(waymark, "Mum", OwnContactKind.FAMILY, "RU", "8 916 123-45-67").contacts[1]
    edited = waymark.own_contact_edit(
        mum.id, contact("Mother", OwnContactKind.FAMILY, "RU", "+7 916 123 45 67"), WEDNESDAY_AFTERNOON
    )
    assert (edited.contacts[1].name, edited.contacts[1].id) == ("Mother", mum.id)
    # Editing onto the embassy's number is refused and changes nothing.
    invalid(
        "phone",
        waymark.own_contact_edit,
        mum.id,
        contact("Mother", OwnContactKind.FAMILY, "TR", "0312 439 21 22"),
        WEDNESDAY_AFTERNOON,
    )
    assert waymark.own_contacts().contacts[1].e164 == "+79161234567"

    embassy_id = edited.contacts[0].id
    left = waymark.own_contact_remove(embassy_id)
    assert [(c.name, c.number) for c in left.contacts] == [("Mother", 1)]
    for unknown in [embassy_id, "0", "abc"]:
        with pytest.raises(WaymarkError.NotFound) as gone:
            waymark.own_contact_remove(unknown)
        assert (gone.value.what, gone.value.id) == ("contact", unknown)
        with pytest.raises(WaymarkError.NotFound):
            waymark.own_contact_edit(
                unknown, contact("X", OwnContactKind.OTHER, "RU", "+7 916 000 00 00"), WEDNESDAY_AFTERNOON
            )


# ---- Emergency numbers ----


def test_emergency_numbers_come_general_number_first_with_a_source_and_a_date(open_profile):
    waymark = open_profile()
    turkey = waymark.emergency_numbers("tr")
    assert (turkey.country_code, turkey.country) == ("TR", "Türkiye")
    assert turkey.title == "Emergency numbers: Türkiye"
    assert [line.service for line in turkey.lines] == [
        EmergencyService.GENERAL,
        EmergencyService.POLICE,
        EmergencyService.AMBULANCE,
        EmergencyService.FIRE,
    ]
    general = turkey.lines[0]
    assert general.number == "112"
    # A short number is called and copied, never texted.
    assert [a.action for a in general.actions] == [Action.DIAL(uri="tel:112"), Action.COPY_TEXT(text="112")]
    assert turkey.source.startswith("https://")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", turkey.checked)
    assert turkey.checked in turkey.source_text
    assert turkey.confirmed and all(line.confirmed for line in turkey.lines)
    # Bahrain's numbers: no page found that states them, and the card says so.
    bahrain = waymark.emergency_numbers("BH")
    assert bahrain.source is None and not bahrain.confirmed
    assert bahrain.source_text.startswith("Not confirmed")
    # China has no general number: the police come first.
    china = waymark.emergency_numbers("CN").lines[0]
    assert (china.service, china.number) == (EmergencyService.POLICE, "110")
    with pytest.raises(WaymarkError.NotFound) as unknown:
        waymark.emergency_numbers("XX")
    assert unknown.value.id == "XX"


def test_the_emergency_country_picker_is_named_in_the_persons_language(open_profile):
    waymark = open_profile()
    english = waymark.emergency_countries()
    assert len(english) >= 40
    assert CountryOption(code="TR", name="Türkiye") in english
    waymark.set_language("ru")
    russian = waymark.emergency_countries()
    assert {c.code for c in russian} == {c.code for c in english}
    assert CountryOption(code="TR", name="Турция") in russian
    names = [c.name for c in russian]
    assert names == sorted(names), "sorted by name"


# ---- Help now ----


def built_in(step):
    """A built-in embassy or local line (the core's tests check their order): it opens its own card."""
    return isinstance(step.details, Action.OPEN_CONTACT) and step.details.id != "hotline"


def own(steps):
    return [s for s in steps if not built_in(s)]


def test_help_now_for_a_person_in_turkey_at_night_puts_reachable_help_first(open_profile):
    view = with_contacts(open_profile(time_zone="Europe/Istanbul")).help_now(WEDNESDAY_NIGHT, "tr")
    # The built-in consulates and Türkiye's line for foreigners sit among them.
    [yimer] = [s for s in view.steps if s.kind == HelpStepKind.LOCAL_LINE and s.number == "157"]
    assert yimer.source_text.startswith("Source: https://")
    assert [a.label for a in yimer.actions] == ["Call", "Copy number"]
    assert "Consulate General of Russia in Istanbul" in [s.title for s in view.steps]
    assert [(s.kind, s.number) for s in own(view.steps)] == [
        (HelpStepKind.EMERGENCY, "112"),
        (HelpStepKind.EMBASSY_OR_CONSULATE, "+90 312 439 21 22"),
        (HelpStepKind.SUPPORT_ORGANISATION, "+90 212 293 11 11"),
        (HelpStepKind.FAMILY, "+7 916 123-45-67"),
        (HelpStepKind.HOTLINE, "8-800-333-00-16"),
    ]
    assert "Boss" not in [s.title for s in view.steps], "an employer is not someone to turn to"
    assert (view.title, view.language) == ("Get help now", "en")
    assert (view.country_code, view.country) == ("TR", "Türkiye")
    assert (view.country_prompt, view.embassy_hint) == (None, None)
    assert len(view.emergency.lines) == 4
    assert len(view.what_to_say) == 4 and view.what_to_say_title

    emergency = view.steps[0]
    assert emergency.reachability == Reachability.REACHABLE
    assert (emergency.reach_note, emergency.opening, emergency.details) == (None, None, None)
    assert emergency.actions[0].action == Action.DIAL(uri="tel:112")

    hotline = view.steps[-1]
    assert hotline.reachability == Reachability.NOT_FROM_HERE
    assert "Türkiye" in hotline.reach_note and "Russia" in hotline.reach_note
    assert "inside Russia" in hotline.why
    assert hotline.opening.open_now is False
    assert hotline.details == Action.OPEN_CONTACT(id="hotline")


def test_help_now_in_moscow_puts_the_hotline_before_support_while_open_after_it_when_closed(open_profile):
    waymark = with_contacts(open_profile())
    afternoon = waymark.help_now(WEDNESDAY_AFTERNOON, "RU")
    assert [s.kind for s in own(afternoon.steps)] == [
        HelpStepKind.EMERGENCY,
        HelpStepKind.EMBASSY_OR_CONSULATE,
        HelpStepKind.HOTLINE,
        HelpStepKind.SUPPORT_ORGANISATION,
        HelpStepKind.FAMILY,
    ]
    opening = own(afternoon.steps)[2].opening
    assert opening.open_now is True
    assert opening.next_change_text == "Closes today at 18:30, Moscow time"
    assert opening.next_change == at("2026-03-04T15:30:00Z")
    evening = waymark.help_now(at("2026-03-04T17:00:00Z"), "RU")
    hotline = own(evening.steps)[3]
    assert hotline.kind == HelpStepKind.HOTLINE
    assert hotline.opening.next_change_text == "Opens tomorrow at 08:30, Moscow time"


def test_help_now_without_a_country_asks_for_it_and_a_bad_country_names_current_country(open_profile):
    waymark = open_profile(language="ru", time_zone="Asia/Tokyo")
    view = waymark.help_now(WEDNESDAY_AFTERNOON, None)
    assert view.title == "Помощь сейчас"
    assert (view.country_code, view.country, view.emergency) == (None, None, None)
    assert view.country_prompt is not None and view.embassy_hint is not None
    [only] = view.steps
    assert only.reachability == Reachability.UNKNOWN
    invalid("current_country", waymark.help_now, WEDNESDAY_AFTERNOON, "Narnia")


def test_the_home_screen_carries_help_now(open_profile):
    help_now = with_contacts(open_profile(time_zone="Europe/Istanbul")).home(WEDNESDAY_AFTERNOON).help_now
    assert help_now.title == "Get help now"
    assert help_now.country_prompt is not None, "the home screen does not know the country"
    assert HelpStepKind.EMBASSY_OR_CONSULATE in [s.kind for s in help_now.steps]


# ---- The contact screen's opening hours ----


def test_the_hotlines_opening_is_told_on_its_clock_and_on_the_persons(open_profile):
    waymark = open_profile(time_zone="Asia/Tokyo")
    # Friday 6 March 2026, 18:29 in Moscow is 00:29 on Saturday in Tokyo.
    opened = waymark.contact("hotline", at("2026-03-06T15:29:00Z")).opening
    assert (opened.open_now, opened.status) == (True, "Usually answers at this hour")
    assert opened.next_change == at("2026-03-06T15:30:00Z")
    assert opened.next_change_text == "Closes today at 18:30, Moscow time"
    assert opened.next_change_in_your_zone == "today at 00:30 your time (Asia/Tokyo)"
    assert opened.period_in_your_zone == "Fri at 14:30 to today at 00:30, your time (Asia/Tokyo)"
    assert "holiday" in opened.holidays_note

    closed = waymark.contact("hotline", at("2026-03-06T15:30:00Z")).opening
    assert closed.open_now is False
    assert closed.next_change == at("2026-03-09T05:30:00Z")
    assert closed.next_change_text == "Opens Mon at 08:30, Moscow time"
    assert closed.next_change_in_your_zone == "Mon at 14:30 your time (Asia/Tokyo)"

    # No hours known: no opening, rather than a guess.
    assert waymark.contact("info-centre", at("2026-03-06T15:30:00Z")).opening is None
    # A toll-free line is called and copied, not texted.
    phone = waymark.contact("hotline", at("2026-03-06T15:30:00Z")).phones[0]
    assert [a.action for a in phone.actions] == [
        Action.DIAL(uri="tel:+78003330016"),
        Action.COPY_TEXT(text="+78003330016"),
    ]

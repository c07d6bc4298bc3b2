"""The built-in contact directory: `Waymark.contact(id, now)`."""

import pytest
from waymark_core import Action, ContactRef, WaymarkError

from support import MONDAY_10_MOSCOW, SUNDAY_15_MOSCOW


def test_the_hotline_has_its_number_hours_in_moscow_time_and_its_state(open_profile):
    waymark = open_profile(time_zone="America/New_York")
    hotline = waymark.contact("hotline", MONDAY_10_MOSCOW)
    assert hotline.kind == "hotline"
    assert hotline.name == "Counter-trafficking hotline"
    assert hotline.country == "Russia"
    assert hotline.hours == "Mon–Fri, 08:30–18:30, Moscow time"
    assert (hotline.open_now, hotline.status) == (True, "Usually answers at this hour")
    [phone] = hotline.phones
    assert (phone.number, phone.e164, phone.toll_free) == ("8-800-333-00-16", "+78003330016", True)
    assert phone.cost_note is not None
    assert phone.call == Action.DIAL(uri="tel:+78003330016")
    assert hotline.services
    assert hotline.labels.phones == "Phone"
    sunday = waymark.contact("hotline", SUNDAY_15_MOSCOW)
    assert (sunday.open_now, sunday.status) == (False, "Usually closed at this hour")


def test_unknown_hours_no_phones_and_no_capacity_are_none_not_made_up(open_profile):
    centre = open_profile().contact("info-centre", MONDAY_10_MOSCOW)
    assert (centre.hours, centre.open_now, centre.status) == (None, None, None)
    assert (centre.capacity, centre.capacity_text, centre.referral_via) == (None, None, None)
    assert centre.phones == []
    assert centre.address == "2-ya Zvenigorodskaya Street 12, Moscow"


def test_the_shelter_has_a_capacity_and_is_reached_through_the_hotline(open_profile):
    shelter = open_profile().contact("shelter", MONDAY_10_MOSCOW)
    assert shelter.capacity == 8
    assert shelter.capacity_text == "Room for 8 people at a time"
    assert shelter.referral_via == ContactRef(id="hotline", name="Counter-trafficking hotline")
    assert shelter.address is None
    assert shelter.labels.referral == "How to get a place"


def test_contacts_come_in_russian(open_profile):
    hotline = open_profile(language="ru").contact("hotline", MONDAY_10_MOSCOW)
    assert hotline.language == "ru"
    assert hotline.country == "Россия"
    assert hotline.status == "Обычно в это время отвечают"
    assert hotline.name != "Counter-trafficking hotline"


def test_an_unknown_contact_is_not_found(open_profile):
    with pytest.raises(WaymarkError.NotFound) as error:
        open_profile().contact("embassy", MONDAY_10_MOSCOW)
    assert (error.value.what, error.value.id) == ("contact", "embassy")

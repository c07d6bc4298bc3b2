"""Check-ins, the traveller's side and the family's: the trip plan, the two PINs, check-ins and their
codes, sharing the plan, verifying received messages, and the notification planner."""

import re

import pytest
from waymark_core import (
    Action,
    AlertKind,
    CheckinCadence,
    CheckinHistoryKind,
    CheckinSchedule,
    DayOfWeek,
    FactLine,
    SlotStatus,
    TripChange,
    TripPlan,
    VerificationOutcome,
    WatchedTravellerSummary,
    WaymarkError,
)

from support import PROFILE_KEY, at

# Sunday 1 March 2026, 15:00 in Istanbul: the plan is entered the day before the trip.
DAY_BEFORE = at("2026-03-01T12:00:00Z")
# Monday 2 March 2026, 09:05 in Istanbul: inside the window of the first check-in (09:00).
FIRST_WINDOW = at("2026-03-02T06:05:00Z")
NORMAL_PIN, DURESS_PIN = "2468", "1357"
PHRASE = "How is aunt Valya?"


def plan(cadence=None, **changes):
    """Anna works in Istanbul; her family is in Moscow. She checks in at 09:00 and 21:00 Istanbul
    time (06:00Z and 18:00Z), window one hour, grace 30 minutes."""
    fields = dict(
        traveller_name="Anna",
        destination_country="tr",
        destination_city="Istanbul",
        starts=at("2026-03-02T00:00:00Z"),
        ends=at("2026-06-01T00:00:00Z"),
        home_time_zone="Europe/Moscow",
        destination_time_zone="Europe/Istanbul",
        employer="Hotel Marmara Star, housekeeping",
        agency=None,
        document_copies="with my sister Olga",
        schedule=CheckinSchedule(
            cadence=cadence or CheckinCadence.DAILY(times=["21:00", "09:00"]),
            time_zone="Europe/Istanbul",
            window_minutes=60,
            grace_minutes=30,
        ),
    )
    fields.update(changes)
    return TripPlan(**fields)


def with_schedule(**changes):
    base = plan().schedule
    schedule = CheckinSchedule(
        cadence=changes.get("cadence", base.cadence),
        time_zone=changes.get("time_zone", base.time_zone),
        window_minutes=changes.get("window_minutes", base.window_minutes),
        grace_minutes=changes.get("grace_minutes", base.grace_minutes),
    )
    return plan(schedule=schedule)


def code(message):
    """The six-digit code at the end of a check-in message."""
    return message.rsplit(" ", 1)[-1]


def invalid(field, call, *args):
    with pytest.raises(WaymarkError.InvalidInput) as error:
        call(*args)
    assert error.value.field == field, error.value.reason
    return error.value


@pytest.fixture
def traveller(open_profile, tmp_path):
    """Opens a traveller's profile by name, optionally with the plan and both PINs set."""

    def open_(name="anna", ready=True):
        waymark = open_profile(time_zone="Europe/Istanbul", path=tmp_path / name)
        if ready:
            waymark.set_trip_plan(plan(), DAY_BEFORE)
            waymark.set_checkin_pins(NORMAL_PIN, DURESS_PIN, PHRASE)
        return waymark

    return open_


@pytest.fixture
def family(open_profile, tmp_path):
    """Opens the family's profile, with the profile key unless told otherwise."""

    def open_(key=PROFILE_KEY):
        return open_profile(time_zone="Europe/Moscow", path=tmp_path / "family", key=key)

    return open_


def share(phone, family_phone, pin=NORMAL_PIN, now=DAY_BEFORE):
    """The traveller exports the plan (sealed with the words the core made up) and the family
    imports it with those words, as said on the phone."""
    export = phone.export_plan(pin, None)
    return family_phone.import_plan(export.payload, export.passphrase, now)


@pytest.fixture
def pair(traveller, family):
    """Anna's phone and her mother's, with the plan shared between them."""
    anna, mother = traveller(), family()
    traveller_id = share(anna, mother).id
    return anna, mother, traveller_id


# ---- The traveller's side ----


def test_without_a_plan_the_screen_asks_for_one_and_absent_values_are_none(traveller):
    waymark = traveller(ready=False)
    assert waymark.trip_plan() is None
    view = waymark.checkin_status(FIRST_WINDOW)
    assert view.action == Action.EDIT_TRIP_PLAN()
    assert view.title == "Check-in"
    assert (view.traveller_name, view.current, view.next) == (None, None, None)
    assert (view.last_checkin, view.last_checkin_at, view.streak) == (None, None, 0)
    assert waymark.checkin_history().entries == []
    invalid("plan", waymark.check_in, NORMAL_PIN, FIRST_WINDOW)
    invalid("plan", waymark.export_plan, NORMAL_PIN, None)


def test_the_plan_is_stored_as_a_record_datetimes_and_nones_included_then_pins_are_asked_for(traveller):
    waymark = traveller(ready=False)
    view = waymark.set_trip_plan(plan(), DAY_BEFORE)
    assert view.action == Action.SET_CHECKIN_PINS()
    assert view.headline == "Set your two check-in PINs before you travel."
    assert view.traveller_name == "Anna"
    invalid("pin", waymark.check_in, NORMAL_PIN, FIRST_WINDOW)

    stored = waymark.trip_plan()
    assert stored == plan(destination_country="TR"), "stored normalised, otherwise as given"
    assert stored.starts == at("2026-03-02T00:00:00Z") and stored.starts.tzinfo is not None
    assert stored.agency is None

    waymark.set_checkin_pins(NORMAL_PIN, DURESS_PIN, PHRASE)
    ready = waymark.checkin_status(DAY_BEFORE)
    assert ready.action == Action.CHECK_IN()
    assert ready.headline == "Next check-in: 2 Mar 2026, 09:00"
    assert (ready.last_checkin, ready.last_checkin_at) == ("No check-ins yet", None)
    assert ready.current is None
    nxt = ready.next
    assert nxt.index == 0
    assert (nxt.opens, nxt.due, nxt.overdue_at) == (
        at("2026-03-02T05:30:00Z"),
        at("2026-03-02T06:00:00Z"),
        at("2026-03-02T07:00:00Z"),
    )
    assert nxt.label == "Check-in due 2 Mar 2026, 09:00"
    assert nxt.other_side == "2 Mar 2026, 09:00 for your family (Moscow time)"
    assert nxt.status == SlotStatus.UPCOMING


def test_weekly_and_every_hours_cadences_round_trip_with_their_days(traveller):
    waymark = traveller(ready=False)
    weekly = plan(CheckinCadence.WEEKLY(days=[DayOfWeek.MONDAY, DayOfWeek.THURSDAY], times=["20:00"]))
    waymark.set_trip_plan(weekly, DAY_BEFORE)
    assert waymark.trip_plan().schedule == weekly.schedule
    waymark.set_trip_plan(plan(CheckinCadence.EVERY_HOURS(hours=6)), DAY_BEFORE)
    assert waymark.trip_plan().schedule.cadence == CheckinCadence.EVERY_HOURS(hours=6)
    # Every six hours from the start: the first check-in is due when the trip starts.
    assert waymark.checkin_status(DAY_BEFORE).next.due == at("2026-03-02T00:00:00Z")


@pytest.mark.parametrize(
    "field, bad",
    [
        ("traveller_name", plan(traveller_name="  ")),
        ("destination_country", plan(destination_country="Turkey")),
        ("home_time_zone", plan(home_time_zone="Moscow")),
        ("employer", plan(employer="line\nbreak")),
        ("ends", plan(ends=at("2026-03-02T00:00:00Z"))),
        ("times", plan(CheckinCadence.DAILY(times=["9am"]))),
        ("days", plan(CheckinCadence.WEEKLY(days=[], times=["09:00"]))),
        ("every_hours", plan(CheckinCadence.EVERY_HOURS(hours=0))),
        ("window_minutes", with_schedule(window_minutes=5)),
        ("time_zone", with_schedule(time_zone="UTC+3")),
    ],
)
def test_every_invalid_plan_field_is_named_and_nothing_is_saved(traveller, field, bad):
    waymark = traveller(ready=False)
    invalid(field, waymark.set_trip_plan, bad, DAY_BEFORE)
    assert waymark.trip_plan() is None


def test_pins_are_checked_named_by_field_and_set_only_once(traveller):
    waymark = traveller(ready=False)
    waymark.set_trip_plan(plan(), DAY_BEFORE)
    invalid("normal_pin", waymark.set_checkin_pins, "12a4", DURESS_PIN, PHRASE)
    invalid("duress_pin", waymark.set_checkin_pins, NORMAL_PIN, "123", PHRASE)
    invalid("duress_pin", waymark.set_checkin_pins, NORMAL_PIN, NORMAL_PIN, PHRASE)
    invalid("signal_phrase", waymark.set_checkin_pins, NORMAL_PIN, DURESS_PIN, " ")
    waymark.set_checkin_pins(NORMAL_PIN, DURESS_PIN, PHRASE)
    invalid("normal_pin", waymark.set_checkin_pins, "1111", "2222", "other")
    assert waymark.check_in(NORMAL_PIN, FIRST_WINDOW).status.streak == 1, "the first PINs still work"


def test_both_pins_check_in_alike_the_receipts_differing_only_in_the_code_digits(traveller):
    normal, duress = traveller("normal"), traveller("duress")
    a = normal.check_in(NORMAL_PIN, FIRST_WINDOW)
    b = duress.check_in(DURESS_PIN, FIRST_WINDOW)
    assert a.message.startswith("Hi! All good here, talk soon. ")
    assert re.fullmatch(r"\d{6}", code(a.message))
    assert a.message[:-6] == b.message[:-6]
    assert (a.headline, a.status) == (b.headline, b.status)
    assert a.share == Action.SHARE_TEXT(text=a.message)
    assert normal.checkin_history() == duress.checkin_history()

    assert a.status.current is None, "the first check-in is done"
    assert a.status.streak == 1
    assert a.status.last_checkin_at == FIRST_WINDOW
    assert a.status.last_checkin == "Last check-in: 2 Mar 2026, 09:05"
    [entry] = normal.checkin_history().entries
    assert (entry.at, entry.slot, entry.slot_label) == (FIRST_WINDOW, 0, "Check-in due 2 Mar 2026, 09:00")

    # On one phone, the two PINs make different codes for the same check-in.
    assert code(normal.check_in(DURESS_PIN, FIRST_WINDOW).message) != code(a.message)


def test_a_wrong_pin_is_invalid_input_naming_pin_and_changes_nothing(traveller):
    waymark = traveller()
    before = waymark.checkin_status(FIRST_WINDOW)
    error = invalid("pin", waymark.check_in, "0000", FIRST_WINDOW)
    assert error.reason == "wrong PIN"
    assert waymark.checkin_status(FIRST_WINDOW) == before
    assert waymark.checkin_history().entries == []
    invalid("pin", waymark.export_plan, "0000", None)


def test_the_screen_follows_a_check_in_through_open_and_overdue_and_one_outside_has_no_slot(traveller):
    waymark = traveller()
    assert waymark.checkin_status(at("2026-03-02T05:45:00Z")).current.status == SlotStatus.OPEN
    overdue = waymark.checkin_status(at("2026-03-02T07:05:00Z"))
    assert overdue.current.status == SlotStatus.OVERDUE
    assert overdue.next.index == 1
    waymark.check_in(NORMAL_PIN, at("2026-03-02T12:00:00Z"))
    [entry] = waymark.checkin_history().entries
    assert (entry.slot, entry.slot_label) == (None, "outside the schedule")


# ---- Sharing the plan ----


def test_the_plan_is_always_exported_sealed_with_made_up_words_or_the_person_s_passphrase(traveller, family):
    anna = traveller()
    made_up = anna.export_plan(NORMAL_PIN, None)
    assert made_up.payload.startswith("WAYMARK1S."), "sealed even without a passphrase"
    assert len(made_up.passphrase.split(" ")) == 4, made_up.passphrase
    assert made_up.passphrase in made_up.passphrase_hint
    assert made_up.bytes == len(made_up.payload.encode())
    assert made_up.fits_qr_code is True
    assert made_up.file_name == "waymark-plan.txt"
    assert made_up.show_qr_code == Action.SHOW_QR_CODE(text=made_up.payload)
    assert made_up.share == Action.SHARE_TEXT(text=made_up.payload)
    own = anna.export_plan(NORMAL_PIN, "correct horse")
    assert own.payload.startswith("WAYMARK1S.")
    invalid("passphrase", anna.export_plan, NORMAL_PIN, "short")

    mother = family()
    empty = mother.family_list(DAY_BEFORE)
    assert empty.travellers == [] and empty.empty_hint is not None

    invalid("passphrase", mother.import_plan, own.payload, None, DAY_BEFORE)
    invalid("passphrase", mother.import_plan, own.payload, "wrong horse", DAY_BEFORE)
    invalid("passphrase", mother.import_plan, made_up.payload, None, DAY_BEFORE)
    # A sealed payload cut short cannot be told from a wrong passphrase.
    cut = invalid("passphrase", mother.import_plan, made_up.payload[:-10], made_up.passphrase, DAY_BEFORE)
    assert "damaged" in cut.reason
    foreign = invalid("payload", mother.import_plan, "https://example.org/plan", None, DAY_BEFORE)
    assert "not a Waymark plan" in foreign.reason
    assert mother.family_list(DAY_BEFORE).travellers == [], "nothing stored"

    # Said on the phone and typed back in capitals with extra spaces, the words still open it.
    typed = "  " + made_up.passphrase.upper().replace(" ", "   ") + " "
    view = mother.import_plan(made_up.payload, typed, DAY_BEFORE)
    assert (view.name, view.destination) == ("Anna", "Istanbul, Türkiye")
    assert "«How is aunt Valya?»" in view.signal_phrase_reminder
    assert (view.needs_attention, view.help_signalled, view.pending_change) == (False, False, None)
    assert (view.current, view.last_checkin) == (None, None)
    assert view.next.index == 0
    assert view.steps == []
    assert [f.label for f in view.facts] == ["Name", "Where", "Employer", "Document copies", "Last check-in"]
    assert view.facts[3] == FactLine(label="Document copies", value="with my sister Olga")

    again = mother.import_plan(own.payload, "correct horse", DAY_BEFORE)
    assert again.id == view.id, "the same plan twice is one traveller"
    listed = mother.family_list(DAY_BEFORE)
    assert (listed.title, listed.empty_hint) == ("Watching over", None)
    assert listed.travellers == [
        WatchedTravellerSummary(
            id=view.id, name="Anna", destination=view.destination, headline=view.headline, needs_attention=False
        )
    ]


def test_normal_and_help_exports_look_alike_and_only_the_family_learns_which_it_was(traveller, family, open_profile, tmp_path):
    anna = traveller()
    normal = anna.export_plan(NORMAL_PIN, None)
    helped = anna.export_plan(DURESS_PIN, None)
    assert len(normal.payload) == len(helped.payload)
    assert normal.payload[:10] == helped.payload[:10] == "WAYMARK1S."
    assert normal.passphrase_hint.replace(normal.passphrase, "") == helped.passphrase_hint.replace(helped.passphrase, "")

    calm = family().import_plan(normal.payload, normal.passphrase, DAY_BEFORE)
    assert (calm.help_signalled, calm.needs_attention) == (False, False)
    other = open_profile(time_zone="Europe/Moscow", path=tmp_path / "other-family")
    alarmed = other.import_plan(helped.payload, helped.passphrase, DAY_BEFORE)
    assert (alarmed.help_signalled, alarmed.needs_attention) == (True, True)


# ---- Changing the plan once the PINs exist ----


def test_once_the_pins_exist_the_plan_changes_only_with_one_of_them(traveller):
    anna = traveller()
    moved = plan(destination_city="Antalya")
    refused = invalid("pin", anna.set_trip_plan, moved, DAY_BEFORE)
    assert "check-in PINs" in refused.reason
    invalid("pin", anna.change_trip_plan, moved, "0000", DAY_BEFORE)
    assert anna.trip_plan().destination_city == "Istanbul", "nothing changed"
    anna.change_trip_plan(moved, NORMAL_PIN, DAY_BEFORE)
    assert anna.trip_plan().destination_city == "Antalya"
    # The help PIN changes it just the same on this phone.
    anna.change_trip_plan(plan(destination_city="Izmir"), DURESS_PIN, DAY_BEFORE)
    assert anna.trip_plan().destination_city == "Izmir"


def test_a_weaker_plan_waits_for_the_family_to_call_then_is_accepted_or_kept(pair):
    anna, mother, traveller_id = pair
    anna.change_trip_plan(with_schedule(window_minutes=120), NORMAL_PIN, DAY_BEFORE)
    view = share(anna, mother)
    assert view.id == traveller_id
    pending = view.pending_change
    assert pending is not None and view.needs_attention
    [difference] = pending.differences
    assert difference.startswith("Wider window: 120 minutes instead of 60"), difference
    assert "signal phrase" in pending.ask
    assert pending.title and pending.accept_label and pending.keep_label
    kept = mother.family_keep_plan(traveller_id, DAY_BEFORE)
    assert kept.pending_change is None
    with pytest.raises(WaymarkError.InvalidInput):
        mother.family_keep_plan(traveller_id, DAY_BEFORE)

    anna.change_trip_plan(plan(destination_city="Antalya"), NORMAL_PIN, DAY_BEFORE)
    assert share(anna, mother).pending_change is not None
    accepted = mother.family_accept_plan_change(traveller_id, DAY_BEFORE)
    assert accepted.pending_change is None
    assert accepted.destination.startswith("Antalya")


# ---- The family's side ----


def test_pins_change_with_either_pin_alike_on_screen_and_the_family_tells_which_it_was(traveller, family):
    free, forced, mother = traveller("free"), traveller("forced"), family()
    ids = {
        name: share(phone, mother).id
        for name, phone in [("free", free), ("forced", forced)]
    }
    # Refused by field, and nothing changes.
    invalid("current_pin", free.change_checkin_pins, "0000", "1111", "2222")
    invalid("new_normal_pin", free.change_checkin_pins, NORMAL_PIN, "11", "2222")
    invalid("new_duress_pin", free.change_checkin_pins, NORMAL_PIN, "1111", "1111")

    # Changed freely with the normal PIN on one phone, forced with the duress PIN on the other:
    # the same result and the same screens.
    assert free.change_checkin_pins(NORMAL_PIN, "1111", "2222") is None
    assert forced.change_checkin_pins(DURESS_PIN, "1111", "2222") is None
    assert free.checkin_status(FIRST_WINDOW) == forced.checkin_status(FIRST_WINDOW)
    invalid("pin", free.check_in, NORMAL_PIN, FIRST_WINDOW)
    invalid("pin", forced.check_in, DURESS_PIN, FIRST_WINDOW)

    def family_sees(name, phone, pin, time):
        message = phone.check_in(pin, at(time)).message
        return mother.verify_checkin(ids[name], message, at(time)).outcome

    assert family_sees("free", free, "1111", "2026-03-02T06:05:00Z") == VerificationOutcome.GENUINE
    assert family_sees("free", free, "2222", "2026-03-02T18:05:00Z") == VerificationOutcome.GENUINE_UNDER_DURESS
    assert family_sees("forced", forced, "1111", "2026-03-02T06:05:00Z") == VerificationOutcome.GENUINE_UNDER_DURESS
    assert family_sees("forced", forced, "2222", "2026-03-02T18:05:00Z") == VerificationOutcome.GENUINE_UNDER_DURESS
    assert family_sees("forced", forced, NORMAL_PIN, "2026-03-03T06:05:00Z") == VerificationOutcome.GENUINE


def test_the_family_notices_a_missed_check_in_on_its_own_and_gets_the_steps(pair):
    _, mother, traveller_id = pair
    fine = mother.family_traveller(traveller_id, at("2026-03-02T05:00:00Z"))
    assert (fine.needs_attention, fine.steps) == (False, [])
    overdue = mother.family_traveller(traveller_id, at("2026-03-02T07:01:00Z"))
    assert (overdue.needs_attention, overdue.help_signalled) == (True, False)
    assert overdue.current.status == SlotStatus.OVERDUE
    assert [s.number for s in overdue.steps] == [1, 2, 3, 4, 5, 6]
    assert overdue.steps[0].title == "Call Anna"
    assert overdue.steps[1].action == Action.DIAL(uri="tel:+78003330016")
    # No embassy saved: the built-in consulate in Istanbul and the ministry's line for citizens
    # abroad, then Türkiye's 157 to pass on.
    assert overdue.steps[2].action == Action.DIAL(uri="tel:+905309410368")
    assert overdue.steps[3].action == Action.DIAL(uri="tel:+74956954545")
    assert overdue.steps[4].action is None, "157 works only inside Türkiye"
    [summary] = mother.family_list(at("2026-03-02T07:01:00Z")).travellers
    assert summary.needs_attention is True


def test_received_messages_are_verified_as_genuine_replayed_wrong_missing_outside_or_under_duress(pair):
    anna, mother, traveller_id = pair

    def verify(message, time):
        return mother.verify_checkin(traveller_id, message, at(time))

    normal = anna.check_in(NORMAL_PIN, FIRST_WINDOW).message
    genuine = verify(normal, "2026-03-02T06:06:00Z")
    assert genuine.outcome == VerificationOutcome.GENUINE
    assert genuine.headline == "Genuine check-in: Anna is fine."
    assert (genuine.needs_help, genuine.phrase_found) == (False, False)
    assert genuine.traveller.current is None, "the check-in is done on the family's side too"
    assert genuine.traveller.last_checkin is not None

    assert verify(normal, "2026-03-02T06:10:00Z").outcome == VerificationOutcome.REPLAYED
    wrong = "111111" if code(normal) == "000000" else "000000"
    assert verify(f"all fine {wrong}", "2026-03-02T06:11:00Z").outcome == VerificationOutcome.WRONG_CODE
    assert verify("all fine", "2026-03-02T06:12:00Z").outcome == VerificationOutcome.NO_CODE
    # At 05:00 the next morning no window is open: the code is for the evening check-in before,
    # long past.
    late = anna.check_in(NORMAL_PIN, at("2026-03-03T02:00:00Z")).message
    assert verify(late, "2026-03-03T02:01:00Z").outcome == VerificationOutcome.OUTSIDE_WINDOW

    duress = anna.check_in(DURESS_PIN, at("2026-03-03T18:05:00Z")).message
    help_ = verify(duress, "2026-03-03T18:20:00Z")
    assert help_.outcome == VerificationOutcome.GENUINE_UNDER_DURESS
    assert help_.headline == "Anna needs help."
    assert help_.needs_help and help_.traveller.help_signalled and help_.traveller.needs_attention
    assert len(help_.traveller.steps) == 6
    assert mother.family_traveller(traveller_id, at("2026-03-04T00:00:00Z")).help_signalled, "until handled"
    assert mother.family_mark_handled(traveller_id, at("2026-03-04T00:00:00Z")).help_signalled is False

    history = mother.family_history(traveller_id)
    assert history.title == "Messages from Anna"
    assert [e.outcome for e in history.entries] == [
        None,
        VerificationOutcome.GENUINE_UNDER_DURESS,
        VerificationOutcome.OUTSIDE_WINDOW,
        VerificationOutcome.NO_CODE,
        VerificationOutcome.WRONG_CODE,
        VerificationOutcome.REPLAYED,
        VerificationOutcome.GENUINE,
    ], "newest first; None is the help signal marked handled"
    assert history.entries[0].outcome_label == "Help signal marked as handled"
    assert history.entries[-1].at == at("2026-03-02T06:06:00Z")
    assert history.entries[-1].slot_label == "Check-in due 2 Mar 2026, 09:00"


def test_the_signal_phrase_in_a_message_means_help_whatever_the_code(pair):
    anna, mother, traveller_id = pair
    normal = anna.check_in(NORMAL_PIN, FIRST_WINDOW).message
    view = mother.verify_checkin(traveller_id, f"kak dela? how is aunt valya? {code(normal)}", at("2026-03-02T06:06:00Z"))
    assert view.outcome == VerificationOutcome.GENUINE, "the code itself is fine"
    assert view.phrase_found and view.needs_help and view.traveller.help_signalled
    [entry] = mother.family_history(traveller_id).entries
    assert entry.phrase_found is True


def test_an_unknown_traveller_is_not_found_by_any_family_call(family):
    mother = family()
    calls = [
        lambda: mother.family_traveller("nobody", FIRST_WINDOW),
        lambda: mother.verify_checkin("nobody", "123456", FIRST_WINDOW),
        lambda: mother.family_history("nobody"),
        lambda: mother.family_mark_handled("nobody", FIRST_WINDOW),
        lambda: mother.family_stop_watching("nobody", FIRST_WINDOW),
    ]
    for call in calls:
        with pytest.raises(WaymarkError.NotFound) as error:
            call()
        assert (error.value.what, error.value.id) == ("traveller", "nobody")


def test_stopping_watching_forgets_the_traveller_and_their_alerts(pair):
    _, mother, traveller_id = pair
    assert mother.plan_notifications(FIRST_WINDOW, 64, True).alerts
    remaining = mother.family_stop_watching(traveller_id, FIRST_WINDOW)
    assert remaining.travellers == []
    assert mother.plan_notifications(FIRST_WINDOW, 64, True).alerts == []
    with pytest.raises(WaymarkError.NotFound):
        mother.family_history(traveller_id)


# ---- The notification planner ----


def test_the_planner_orders_alerts_keeps_to_64_and_says_when_to_plan_again(pair):
    anna, mother, traveller_id = pair
    now = at("2026-03-02T00:00:00Z")
    everything = anna.plan_notifications(now, 1000, True)
    assert len(everything.alerts) == 14 * 3, "two check-ins a day for a week, three alerts each"
    assert everything.alerts == sorted(everything.alerts, key=lambda a: a.fire_at)
    assert all(a.fire_at > now for a in everything.alerts)
    assert everything.plan_again_at == at("2026-03-09T00:00:00Z")
    assert {a.kind for a in everything.alerts} == {
        AlertKind.CHECKIN_REMINDER,
        AlertKind.CHECKIN_DUE,
        AlertKind.CHECKIN_OVERDUE,
    }
    first = everything.alerts[0]
    assert (first.id, first.kind, first.fire_at) == (
        "checkin-0-reminder",
        AlertKind.CHECKIN_REMINDER,
        at("2026-03-02T05:30:00Z"),
    )
    assert (first.title, first.body) == ("Reminder", "You have a reminder until 2 Mar 2026, 10:00.")
    assert first.action == Action.OPEN_CHECKIN()

    five = anna.plan_notifications(now, 5, True)
    assert five.alerts == everything.alerts[:5]
    assert five.plan_again_at == five.alerts[4].fire_at, "plan again when the last one fires"

    # Without exact alarms, no alert at the due time: the reminder already lands in the window.
    inexact = anna.plan_notifications(now, 1000, False)
    assert len(inexact.alerts) == 14 * 2
    assert AlertKind.CHECKIN_DUE not in {a.kind for a in inexact.alerts}

    # Every six hours makes 84 alerts in the week: iOS keeps 64 pending.
    anna.change_trip_plan(plan(CheckinCadence.EVERY_HOURS(hours=6)), NORMAL_PIN, now)
    ios = anna.plan_notifications(now, 64, True)
    assert len(ios.alerts) == 64
    assert ios.plan_again_at == ios.alerts[63].fire_at

    # The family's phone plans from its own copy of the schedule.
    watching = mother.plan_notifications(now, 1000, True)
    assert {a.kind for a in watching.alerts} == {
        AlertKind.FAMILY_CHECKIN_DUE,
        AlertKind.FAMILY_OVERDUE,
        AlertKind.FAMILY_ESCALATION,
    }
    overdue = next(a for a in watching.alerts if a.kind == AlertKind.FAMILY_OVERDUE)
    assert overdue.id == f"watch-{traveller_id}-0-overdue"
    assert overdue.fire_at == at("2026-03-02T07:00:00Z")
    assert overdue.title == "No check-in from Anna"
    assert overdue.action == Action.OPEN_WATCHED_TRAVELLER(id=traveller_id)


def test_the_profile_key_is_32_bytes_and_only_the_key_the_profile_was_made_with_opens_it(traveller, family):
    traveller_id = share(traveller(), family()).id
    for size in (0, 31, 33):
        invalid("profile_key", family, bytes(size))
    # The family's secrets are sealed with the same key as the file: another key opens nothing.
    wrong = invalid("profile_key", family, bytes([7] * 32))
    assert "does not open" in wrong.reason
    relaunched = family()
    assert relaunched.family_traveller(traveller_id, FIRST_WINDOW).name == "Anna"


# ---- Pause, extend, end ----


def test_a_pause_crosses_the_ffi_and_only_the_normal_one_pauses_the_family_s_alarms(pair, traveller, family):
    anna, mother, traveller_id = pair
    sent = at("2026-03-03T10:00:00Z")
    until = anna.local_time_instant("2026-03-04 15:00")
    assert until == at("2026-03-04T12:00:00Z"), "Istanbul time, UTC+3"
    normal = anna.pause_check_ins(NORMAL_PIN, until, sent)
    help_ = anna.pause_check_ins(DURESS_PIN, until, sent)
    assert normal.headline == help_.headline and normal.status == help_.status
    assert normal.status.paused_until == until
    assert [c.change for c in normal.status.trip_changes] == [
        TripChange.PAUSE,
        TripChange.EXTEND,
        TripChange.END,
    ]
    assert re.fullmatch(r"\d{7}", code(normal.message))
    checked = mother.verify_checkin(traveller_id, normal.message, at("2026-03-03T10:01:00Z"))
    assert checked.outcome == VerificationOutcome.PAUSED and not checked.needs_help
    inside = mother.family_traveller(traveller_id, at("2026-03-03T19:30:00Z"))
    assert inside.current is None and not inside.needs_attention
    after = mother.family_traveller(traveller_id, at("2026-03-04T19:05:00Z"))
    assert after.current.status == SlotStatus.OVERDUE
    called = mother.verify_checkin(traveller_id, help_.message, at("2026-03-03T10:02:00Z"))
    assert called.outcome == VerificationOutcome.CHANGE_UNDER_DURESS and called.needs_help


def test_bad_pauses_extensions_and_a_second_end_are_invalid_input(traveller):
    anna = traveller()
    now = at("2026-03-03T10:00:00Z")
    invalid("until", anna.pause_check_ins, NORMAL_PIN, at("2026-03-03T09:00:00Z"), now)
    invalid("until", anna.pause_check_ins, NORMAL_PIN, at("2026-03-12T10:00:00Z"), now)
    invalid("last_day", anna.extend_trip, NORMAL_PIN, "2026-05-01", now)
    invalid("date_time", anna.local_time_instant, "tomorrow")
    ended = anna.end_trip(NORMAL_PIN, now)
    assert ended.status.trip_ended and ended.status.trip_changes == []
    invalid("trip", anna.end_trip, NORMAL_PIN, now)
    # The end is in her history, once.
    [entry] = anna.checkin_history().entries
    assert (entry.kind, entry.slot_label, entry.at) == (CheckinHistoryKind.END, "Ended the trip", now)

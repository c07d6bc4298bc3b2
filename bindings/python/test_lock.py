"""The app lock, the disguise and its calculator through the bindings: optional instants, enums
with data and the calculator's state travelling through the caller."""

import pytest
from waymark_core import CalculatorKey, ShellPlatform, WaymarkError, calculator_start

from support import at
from test_checkins import DAY_BEFORE, DURESS_PIN, NORMAL_PIN, PHRASE, plan

NOW = at("2026-03-02T06:00:00Z")


@pytest.fixture
def anna(open_profile, tmp_path):
    """Anna's phone with the plan, both PINs and the lock on; `anna(again=True)` relaunches it."""

    def open_():
        return open_profile(time_zone="Europe/Istanbul", path=tmp_path / "anna")

    first = open_()
    first.set_trip_plan(plan(), DAY_BEFORE)
    first.set_checkin_pins(NORMAL_PIN, DURESS_PIN, PHRASE)
    assert first.set_app_lock(NORMAL_PIN, True, NOW).enabled
    return open_


def test_the_lock_needs_the_pins_first(open_profile):
    fresh = open_profile()
    view = fresh.lock_status(NOW)
    assert (view.enabled, view.locked, view.available, view.retry_at, view.problem) == (False, False, False, None, None)
    assert view.title and view.pin_label and view.unlock_label and view.setting_label and view.setting_detail
    with pytest.raises(WaymarkError.InvalidInput):
        fresh.set_app_lock(NORMAL_PIN, True, NOW)


def test_a_relaunch_is_locked_wrong_pins_say_so_then_wait_and_either_pin_opens_alike(anna):
    locked = anna()
    assert locked.lock_status(NOW).locked
    for _ in range(4):
        wrong = locked.unlock("0000", NOW)
        assert (wrong.locked, wrong.problem, wrong.retry_at) == (True, "Wrong PIN.", None)
    waiting = locked.unlock("0000", NOW)
    assert waiting.retry_at == at("2026-03-02T06:00:30Z"), "an aware datetime comes back"
    assert "Try again after" in waiting.problem
    opened = locked.unlock(NORMAL_PIN, waiting.retry_at)
    assert (opened.locked, opened.problem) == (False, None)
    assert locked.trip_plan().destination_city == "Istanbul"

    by_help = anna()
    shown = by_help.unlock(DURESS_PIN, waiting.retry_at)
    assert shown == opened, "the same screen for both PINs"
    assert by_help.trip_plan() is None, "the harmless view"

    locked.lock_now()
    assert locked.lock_status(NOW).locked


def test_the_disguise_needs_a_pin_and_says_what_an_iphone_still_shows(anna):
    phone = anna()
    phone.unlock(NORMAL_PIN, NOW)
    off = phone.disguise_status(ShellPlatform.IOS)
    assert (off.on, off.available) == (False, True)
    with pytest.raises(WaymarkError.InvalidInput):
        phone.set_disguise("0000", True, ShellPlatform.IOS)
    on = phone.set_disguise(NORMAL_PIN, True, ShellPlatform.IOS)
    assert on.on and on.cover_name == "Calculator"
    assert "name under it" in on.still_visible
    assert on.detail and on.setting_label


def test_the_calculator_calculates_and_only_a_pin_then_equals_opens(anna):
    phone = anna()

    def press(*keys):
        state = calculator_start()
        outcome = None
        for key in keys:
            outcome = phone.calculator_enter(state, key, NOW)
            state = outcome.step.state
        return outcome

    d = lambda n: CalculatorKey.DIGIT(digit=n)  # noqa: E731
    total = press(d(1), d(2), CalculatorKey.ADD(), d(3), CalculatorKey.EQUALS())
    assert (total.step.display, total.opened, total.step.pin_candidate) == ("15", False, None)
    assert press(d(9), CalculatorKey.DIVIDE(), d(0), CalculatorKey.EQUALS()).step.display == "Error"
    assert phone.lock_status(NOW).locked
    opened = press(*[d(int(c)) for c in NORMAL_PIN], CalculatorKey.EQUALS())
    assert opened.opened and opened.step.display == "0"
    assert opened.step.pin_candidate is None, "the PIN never reaches the shell"
    assert not phone.lock_status(NOW).locked

"""What the mobile shells take from the core besides view models and texts: `qr_code` /
`read_qr_code`, `trip_day_start` / `trip_day_of` and `trip_plan_form`."""

import pytest
from waymark_core import (
    WaymarkError,
    qr_code,
    read_qr_code,
    trip_day_of,
    trip_day_start,
)

from support import at


def photograph(code, scale=3):
    side = (code.size + 2 * code.quiet_zone) * scale
    luma = bytearray(side * side)
    for y in range(side):
        for x in range(side):
            mx, my = x // scale - code.quiet_zone, y // scale - code.quiet_zone
            dark = 0 <= mx < code.size and 0 <= my < code.size and code.modules[my * code.size + mx]
            luma[y * side + x] = 30 if dark else 220
    return side, bytes(luma)


def test_a_plan_drawn_as_a_qr_code_reads_back_from_a_camera_frame():
    payload = "WAYMARK1S.c2VhbGVkIHBsYW4"
    code = qr_code(payload)
    assert len(code.modules) == code.size * code.size
    side, luma = photograph(code)
    assert read_qr_code(side, side, luma) == payload


def test_bad_frames_and_texts_are_refused():
    with pytest.raises(WaymarkError.NotFound):
        read_qr_code(40, 30, bytes([100]) * 1200)
    with pytest.raises(WaymarkError.InvalidInput) as bad:
        read_qr_code(40, 31, bytes(1200))
    assert bad.value.field == "luma"
    with pytest.raises(WaymarkError.InvalidInput):
        qr_code("x" * 2332)


def test_a_trip_day_starts_at_midnight_in_its_zone_across_a_clock_change():
    assert trip_day_start("2026-03-02", "Europe/Moscow") == at("2026-03-01T21:00:00Z")
    santiago = trip_day_start("2026-09-06", "America/Santiago")
    assert santiago == at("2026-09-06T04:00:00Z")
    assert trip_day_of(santiago, "America/Santiago") == "2026-09-06"
    with pytest.raises(WaymarkError.InvalidInput) as bad:
        trip_day_start("2026-03-02", "Moscow")
    assert bad.value.field == "time_zone"


def test_the_trip_plan_form_starts_from_a_draft_that_saves_once_completed(open_profile):
    waymark = open_profile(language="en", time_zone="Europe/Moscow")
    now = at("2026-03-01T22:30:00Z")
    form = waymark.trip_plan_form(now)
    assert form.is_draft
    assert (form.starts_day, form.dates_zone) == ("2026-03-02", "Europe/Moscow")
    assert [d.name for d in form.days][:2] == ["Mon", "Tue"]
    plan = form.plan
    plan.traveller_name, plan.destination_country, plan.destination_city = "Anna", "TR", "Istanbul"
    plan.destination_time_zone = "Europe/Istanbul"
    waymark.set_trip_plan(plan, now)
    saved = waymark.trip_plan_form(now)
    assert not saved.is_draft
    assert saved.plan.schedule.time_zone == "Europe/Istanbul"

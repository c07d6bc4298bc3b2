"""Releasing objects: the core object is freed when Python drops its last reference."""

import gc

from waymark_core import Waymark, WaymarkOptions

from support import MONDAY_10_MOSCOW, PROFILE_KEY


def test_dropping_the_last_reference_releases_the_profile_file(tmp_path):
    path = tmp_path / "profile.sqlite"
    wal = tmp_path / "profile.sqlite-wal"
    waymark = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    waymark.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    assert wal.exists(), "an open profile keeps its write-ahead log"
    del waymark
    gc.collect()
    assert not wal.exists(), "the last connection checkpointed and closed the log"


def test_records_stay_valid_after_the_object_that_made_them_is_gone(open_profile):
    view = open_profile().checklist()
    gc.collect()
    assert len(view.items) == 11
    assert view.items[0].id == "agency-licence"


def test_opening_and_dropping_many_times_leaks_nothing_that_stops_the_next_open(tmp_path):
    path = str(tmp_path / "profile.sqlite")
    options = WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY)
    for n in range(200):
        waymark = Waymark.open(path, options)
        if n % 50 == 0:
            waymark.checklist_add_own_item(f"Round {n}", MONDAY_10_MOSCOW)
        del waymark
    assert Waymark.open(path, options).checklist().progress.total == 15

"""Opening a profile, the preferences on it, and the languages: `Waymark.open` and friends."""

import gc
import shutil
from pathlib import Path

import pytest
from waymark_core import (
    EraseOutcome,
    ProfileAtRest,
    Waymark,
    WaymarkError,
    WaymarkOptions,
    profile_at_rest,
    supported_languages,
)

from support import MONDAY_10_MOSCOW, PROFILE_KEY


def test_a_new_profile_is_created_and_opens_again_with_its_data(open_profile, tmp_path):
    first = open_profile()
    first.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    del first
    assert (tmp_path / "profile.sqlite").is_file()
    item = next(i for i in open_profile().checklist().items if i.id == "agency-licence")
    assert item.done
    assert item.done_at == MONDAY_10_MOSCOW


def test_the_language_tag_is_resolved_and_an_unknown_one_falls_back_to_english(open_profile):
    assert open_profile(language="ru-RU").language() == "ru"
    assert open_profile(language="de").language() == "en"


def test_set_language_changes_every_screen_from_then_on(open_profile):
    waymark = open_profile()
    assert waymark.guide().title == "Guide"
    waymark.set_language("ru")
    assert waymark.language() == "ru"
    guide = waymark.guide()
    assert guide.title == "Справочник"
    assert {section.language for section in guide.sections} == {"ru"}


def test_a_malformed_language_is_rejected_with_the_field_and_changes_nothing(open_profile):
    waymark = open_profile(language="ru")
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.set_language("русский")
    assert error.value.field == "language"
    assert error.value.reason
    assert waymark.language() == "ru"
    with pytest.raises(WaymarkError.InvalidInput) as error:
        open_profile(language="")
    assert error.value.field == "language"


def test_set_time_zone_changes_how_local_times_are_shown(open_profile):
    waymark = open_profile(time_zone="Europe/Moscow")
    moscow = waymark.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW).items[0]
    assert "10:00" in moscow.done_label
    waymark.set_time_zone("Asia/Tokyo")
    tokyo = waymark.checklist().items[0]
    assert "16:00" in tokyo.done_label
    assert tokyo.done_at == MONDAY_10_MOSCOW


def test_a_time_zone_that_is_not_an_iana_name_is_rejected_and_the_old_one_kept(open_profile):
    waymark = open_profile()
    waymark.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.set_time_zone("GMT+3 Moscow")
    assert error.value.field == "time_zone"
    assert "10:00" in waymark.checklist().items[0].done_label
    with pytest.raises(WaymarkError.InvalidInput):
        open_profile(time_zone="Mars/Olympus")


def test_languages_are_listed_the_same_with_or_without_a_profile(open_profile):
    before = supported_languages()
    assert [lang.code for lang in before if lang.has_own_texts] == ["en", "ru", "uz"]
    assert next(lang for lang in before if lang.code == "ru").name == "Русский"
    # Uzbek is not yet reviewed by a native speaker, and its note says so in Uzbek.
    uz = next(lang for lang in before if lang.code == "uz")
    assert not uz.reviewed
    assert uz.note == "Tarjimani hali ona tilida soʻzlashuvchi tekshirmagan"
    assert next(lang for lang in before if lang.code == "ru").note is None
    assert any(not lang.has_own_texts for lang in before)
    assert open_profile().languages() == before


def test_content_info_names_the_embedded_pack(open_profile):
    info = open_profile().content_info()
    assert info.pack_id == "waymark.default"
    assert info.version >= 1


def test_a_file_that_is_not_a_profile_is_refused_and_left_alone(tmp_path, open_profile):
    path = tmp_path / "profile.sqlite"
    content = b"These are my notes, not a database.\n" * 200
    path.write_bytes(content)
    # Neither plain nor encrypted SQLite: not a profile, whatever the key.
    with pytest.raises(WaymarkError.ProfileUnreadable) as error:
        open_profile()
    assert "notes" not in str(error.value)
    assert path.read_bytes() == content


def test_a_folder_in_place_of_the_profile_file_is_a_storage_error(tmp_path):
    folder = tmp_path / "profile.sqlite"
    folder.mkdir()
    with pytest.raises(WaymarkError.Storage) as error:
        Waymark.open(str(folder), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    assert "is a directory" in error.value.reason
    assert error.value.shown.startswith("Waymark could not read or save its data")
    assert folder.is_dir()


def test_wrong_argument_types_are_refused_before_reaching_the_core(tmp_path):
    with pytest.raises(TypeError):
        Waymark.open(tmp_path / "profile.sqlite", WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))


def test_a_missing_or_short_profile_key_is_refused_before_anything_is_created(tmp_path):
    path = tmp_path / "profile.sqlite"
    for key in (b"", bytes(16), bytes(33)):
        with pytest.raises(WaymarkError.InvalidInput) as error:
            Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=key))
        assert error.value.field == "profile_key"
        assert error.value.shown
    assert list(tmp_path.iterdir()) == []


def test_a_wrong_profile_key_is_refused_and_leaves_every_file_as_it_was(tmp_path):
    path = tmp_path / "profile.sqlite"
    first = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    first.checklist_add_own_item("Copy of the contract for Olga", MONDAY_10_MOSCOW)
    del first
    gc.collect()
    before = {file.name: file.read_bytes() for file in tmp_path.iterdir()}
    assert "profile.sqlite" in before

    wrong = bytes([7] * 32)
    with pytest.raises(WaymarkError.InvalidInput) as error:
        Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=wrong))
    assert error.value.field == "profile_key"
    assert "does not open this profile" in error.value.reason
    assert error.value.shown
    assert {file.name: file.read_bytes() for file in tmp_path.iterdir()} == before

    again = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    assert "Copy of the contract for Olga" in [item.title for item in again.checklist().items]


def test_erase_all_data_removes_the_profile_and_the_next_open_is_a_first_run(tmp_path):
    path = tmp_path / "profile.sqlite"
    options = WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY)
    waymark = Waymark.open(str(path), options)
    waymark.checklist_add_own_item("Copy of the contract for Olga", MONDAY_10_MOSCOW)
    waymark.set_language("ru")
    assert path.is_file()

    outcome = waymark.erase_all_data()
    assert outcome == EraseOutcome(remove_device_data=True), "the shell removes its key and files too"
    assert list(tmp_path.iterdir()) == [], "the profile and every file beside it are gone"
    # Until the shell opens again, the erased object is empty and writes nothing to disk.
    assert waymark.checklist().progress.done == 0
    del waymark
    gc.collect()
    assert list(tmp_path.iterdir()) == []

    # A new key, as the shell makes after erasing: a first run.
    fresh = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=bytes([9] * 32)))
    assert fresh.language() == "en"
    assert "Copy of the contract for Olga" not in [item.title for item in fresh.checklist().items]
    assert fresh.checklist().progress.done == 0


def test_profile_at_rest_tells_when_a_new_key_may_be_made(tmp_path):
    path = tmp_path / "profile.sqlite"
    assert profile_at_rest(str(path)) == ProfileAtRest.MISSING
    # A profile the last release wrote unencrypted: a new key may be made; the open seals it.
    legacy = Path(__file__).resolve().parents[2] / "core/tests/data/legacy-profile.sqlite"
    shutil.copy(legacy, path)
    assert profile_at_rest(str(path)) == ProfileAtRest.UNENCRYPTED
    opened = Waymark.open(str(path), WaymarkOptions(language="en", time_zone="Europe/Moscow", profile_key=PROFILE_KEY))
    del opened
    gc.collect()
    assert profile_at_rest(str(path)) == ProfileAtRest.ENCRYPTED
    path.write_bytes(b"These are my notes, not a database.\n" * 200)
    assert profile_at_rest(str(path)) == ProfileAtRest.NOT_A_PROFILE

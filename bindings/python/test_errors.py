"""`WaymarkError` as Python sees it: one exception class with a subclass per variant."""

import pytest
from waymark_core import WaymarkError

from support import MONDAY_10_MOSCOW

# Every variant ends with `shown`: the words to show the person, in their language.
VARIANTS = {
    "InvalidInput": ("field", "reason", "shown"),
    "NotFound": ("what", "id", "shown"),
    "ProfileUnreadable": ("reason", "shown"),
    "Storage": ("reason", "shown"),
    "ContentRejected": ("kind", "reason", "shown"),
    "Internal": ("reason", "shown"),
}


def test_errors_from_the_core_are_one_exception_type_with_their_fields(open_profile):
    with pytest.raises(WaymarkError) as error:
        open_profile().article("nope")
    assert isinstance(error.value, WaymarkError.NotFound)
    assert isinstance(error.value, Exception)
    assert (error.value.what, error.value.id) == ("article", "nope")
    assert error.value.shown == (
        "This article is not in the guide. It may have been removed when the content was updated."
    )


def test_a_not_found_in_russian_reads_russian(open_profile):
    with pytest.raises(WaymarkError.NotFound) as error:
        open_profile(language="ru").article("nope")
    assert error.value.shown.startswith("Этой статьи нет в справочнике")
    assert "nope" not in error.value.shown


def test_an_unreadable_profile_is_explained_in_the_requested_language(open_profile, tmp_path):
    (tmp_path / "profile.sqlite").write_bytes(b"x" * 8192)
    with pytest.raises(WaymarkError.ProfileUnreadable) as error:
        open_profile(language="ru")
    assert error.value.shown.startswith("Waymark не может открыть файл с данными")
    assert "not a Waymark profile" in error.value.reason


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_variant_is_a_waymark_error_carrying_its_fields(name):
    # Internal cannot be provoked through the API: the shapes are checked here so shells can rely
    # on them. test_packs.py provokes ContentRejected.
    fields = VARIANTS[name]
    variant = getattr(WaymarkError, name)
    error = variant(*[f"{field} value" for field in fields])
    assert isinstance(error, WaymarkError)
    for field in fields:
        assert getattr(error, field) == f"{field} value"


def test_a_failed_call_leaves_the_object_usable(open_profile):
    waymark = open_profile()
    with pytest.raises(WaymarkError.InvalidInput):
        waymark.checklist_add_own_item("", MONDAY_10_MOSCOW)
    assert waymark.checklist().progress.total == 11


def test_an_invalid_input_is_explained_in_the_profiles_language_with_the_same_field(open_profile):
    waymark = open_profile(language="ru")
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.checklist_add_own_item("  ", MONDAY_10_MOSCOW)
    assert (error.value.field, error.value.reason) == ("text", "не может быть пустым")
    waymark.set_language("en")
    with pytest.raises(WaymarkError.InvalidInput) as error:
        waymark.checklist_add_own_item("  ", MONDAY_10_MOSCOW)
    assert (error.value.field, error.value.reason) == ("text", "must not be blank")


def test_opening_with_a_bad_time_zone_is_explained_in_the_requested_language(open_profile, tmp_path):
    with pytest.raises(WaymarkError.InvalidInput) as error:
        open_profile(language="ru", time_zone="Mars/Olympus")
    assert error.value.field == "time_zone"
    assert error.value.reason == "нужно название часового пояса IANA, например «Europe/Moscow»"
    assert error.value.shown == error.value.reason
    assert not (tmp_path / "profile.sqlite").exists()

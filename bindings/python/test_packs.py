"""Content packs: install a signed pack, see what is in use, go back to the built-in content."""

from pathlib import Path

import pytest
from waymark_core import (
    ContentSource,
    OwnContactInput,
    OwnContactKind,
    PackRejection,
    WaymarkError,
    content_pack_max_bytes,
)

from support import MONDAY_10_MOSCOW

# Written by `cargo xtask bindings`: the content one version newer than the built-in pack,
# signed with the test key that debug builds of the library trust.
TEST_PACK = Path(__file__).resolve().parent.parent / "generated" / "test-pack.waymark-pack"


def pack_bytes() -> bytes:
    assert TEST_PACK.is_file(), f"{TEST_PACK} is missing: run `cargo xtask bindings`"
    return TEST_PACK.read_bytes()


def test_a_signed_pack_installs_shows_in_status_and_resets(open_profile):
    waymark = open_profile(language="ru")
    before = waymark.content_info()
    assert before.source == ContentSource.EMBEDDED
    assert before.installed_at is None

    info = waymark.install_content_pack(pack_bytes(), MONDAY_10_MOSCOW)
    assert info.source == ContentSource.INSTALLED
    assert info.version == before.embedded_version + 1
    assert info.installed_at == MONDAY_10_MOSCOW
    assert info.languages == ["en", "ru", "uz"]
    assert waymark.content_info() == info
    view = waymark.content_pack_view()
    assert view.title == "Материалы"
    assert view.lines[0].value == "Установленное обновление"
    assert view.reset_label == "Вернуть встроенные материалы"

    # A new profile object on the same file sees it too.
    assert open_profile(language="en").content_info().source == ContentSource.INSTALLED

    info = waymark.reset_content_pack()
    assert info.source == ContentSource.EMBEDDED
    assert info.version == before.version
    assert waymark.content_pack_view().reset_label is None


def test_a_file_over_the_size_limit_is_refused_before_anything_else(open_profile):
    waymark = open_profile()
    limit = content_pack_max_bytes()
    assert len(pack_bytes()) < limit
    with pytest.raises(WaymarkError.ContentRejected) as error:
        waymark.install_content_pack(bytes(limit + 1), MONDAY_10_MOSCOW)
    assert error.value.kind == PackRejection.TOO_LARGE


@pytest.mark.parametrize(
    "damage, kind",
    [
        (lambda b: b[: len(b) // 2], PackRejection.TRUNCATED),
        (lambda b: b[:-96], PackRejection.UNSIGNED),
        (lambda b: b[:200] + bytes([b[200] ^ 1]) + b[201:], PackRejection.BAD_SIGNATURE),
        (lambda b: b"PK\x03\x04 not a pack", PackRejection.BAD_FORMAT),
    ],
)
def test_a_damaged_pack_is_refused_with_its_kind_and_changes_nothing(open_profile, damage, kind):
    waymark = open_profile()
    before = waymark.content_info()
    with pytest.raises(WaymarkError.ContentRejected) as error:
        waymark.install_content_pack(damage(pack_bytes()), MONDAY_10_MOSCOW)
    assert error.value.kind == kind
    assert error.value.reason
    # The person reads the words for the kind, not the English details.
    assert error.value.shown and error.value.shown != error.value.reason
    assert waymark.content_info() == before


def test_reinstalling_and_resetting_keep_the_persons_own_data(open_profile):
    waymark = open_profile()
    waymark.checklist_mark_done("agency-licence", MONDAY_10_MOSCOW)
    waymark.own_contact_add(
        OwnContactInput(
            name="Mum", kind=OwnContactKind.FAMILY, country="RU", phone="+7 916 123-45-67", notes=""
        ),
        MONDAY_10_MOSCOW,
    )
    waymark.install_content_pack(pack_bytes(), MONDAY_10_MOSCOW)
    # The same file again changes nothing; a reset then the file again installs it anew.
    waymark.install_content_pack(pack_bytes(), MONDAY_10_MOSCOW)
    waymark.reset_content_pack()
    waymark.install_content_pack(pack_bytes(), MONDAY_10_MOSCOW)
    assert next(i for i in waymark.checklist().items if i.id == "agency-licence").done
    assert [c.name for c in waymark.own_contacts().contacts] == ["Mum"]

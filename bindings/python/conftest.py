"""Puts the generated module (`cargo xtask bindings`) on the path and gives each test a profile."""

import gc
import sys
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parent.parent / "generated" / "python"
if not (GENERATED / "waymark_core.py").is_file():
    raise pytest.UsageError(f"no generated bindings in {GENERATED}: run `cargo xtask bindings` first")
sys.path.insert(0, str(GENERATED))

import waymark_core  # noqa: E402
from support import PROFILE_KEY  # noqa: E402


@pytest.fixture
def open_profile(tmp_path):
    """Opens `profile.sqlite` in the test's own folder; every object opened is released after."""
    opened = []

    def open_(language="en", time_zone="Europe/Moscow", path=None, key=PROFILE_KEY):
        waymark = waymark_core.Waymark.open(
            str(path or tmp_path / "profile.sqlite"),
            waymark_core.WaymarkOptions(language=language, time_zone=time_zone, profile_key=key),
        )
        opened.append(waymark)
        return waymark

    yield open_
    opened.clear()
    gc.collect()

"""The iOS shell calls the core by names and labels the generated Swift really has."""

from __future__ import annotations

from pathlib import Path

import pytest

from core_calls import FUNCTIONS, RECORDS, calls, mismatches, signatures

ROOT = Path(__file__).resolve().parents[3]
GENERATED = ROOT / "bindings" / "generated" / "swift" / "WaymarkCore.swift"
IOS_FILES = sorted((ROOT / "ios").rglob("*.swift"))


@pytest.fixture(scope="module")
def generated() -> str:
    assert GENERATED.is_file(), "run `cargo xtask bindings` first"
    return GENERATED.read_text(encoding="utf-8")


def test_the_generated_signatures_are_read(generated):
    known = signatures(generated)
    assert ("pin", "now") in known["checkIn"]
    assert ("now", "maxCount", "exactAlarmsAllowed") in known["planNotifications"]
    assert ("path", "options") in known["open"]
    assert ("text",) in known["qrCode"]
    assert ("language", "timeZone") in known["WaymarkOptions"]


def test_the_ios_shell_calls_the_core():
    found = [call for path in IOS_FILES for call in calls(path.read_text(encoding="utf-8"), RECORDS, FUNCTIONS)]
    names = {call.name for call in found}
    assert {"open", "setKeystoreKey", "home", "checkIn", "planNotifications"} <= names, names


@pytest.mark.parametrize("path", IOS_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_core_call_matches_the_generated_swift(generated, path):
    assert mismatches(generated, {str(path): path.read_text(encoding="utf-8")}, RECORDS, FUNCTIONS) == []


def test_a_wrong_label_or_name_is_reported(generated):
    source = (
        "let a = try await store.load { try $0.checkIn(pin: pin, at: Date()) }\n"
        "let b = try await store.load { try $0.checkinNow(pin: pin) }\n"
        "let c = WaymarkOptions(language: \"en\", zone: \"UTC\")\n"
        "let d = try await store.load { try $0.checkIn(pin: pin, now: Date()) }\n"
    )
    found = mismatches(generated, {"Bad.swift": source}, RECORDS, FUNCTIONS)
    assert len(found) == 3, found
    assert found[0].startswith("Bad.swift:1: `checkIn(pin:, at:)`")
    assert "no `checkinNow`" in found[1]
    assert found[2].startswith("Bad.swift:3:")


def test_nested_calls_and_strings_do_not_confuse_the_labels():
    source = 'x = try $0.verifyCheckin(id: id, message: f(a, b), now: Date())\ny = qrCode(text: "a, b(")\n'
    found = calls(source, RECORDS, FUNCTIONS)
    assert [(c.name, c.labels) for c in found] == [("verifyCheckin", ("id", "message", "now")), ("qrCode", ("text",))]

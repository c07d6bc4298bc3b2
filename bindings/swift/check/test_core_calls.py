"""The iOS shell calls the core by names and labels the generated Swift really has."""

from __future__ import annotations

from pathlib import Path

import pytest

import re

from core_calls import (
    FUNCTIONS,
    RECORDS,
    calls,
    enum_cases,
    mismatches,
    pattern_mismatches,
    signatures,
    switch_cases,
)

ROOT = Path(__file__).resolve().parents[3]
GENERATED = ROOT / "bindings" / "generated" / "swift" / "WaymarkCore.swift"
IOS_DIR = ROOT / "ios" / "Waymark"
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
    assert ("language", "timeZone", "profileKey") in known["WaymarkOptions"]


def test_the_ios_shell_calls_the_core():
    found = [call for path in IOS_FILES for call in calls(path.read_text(encoding="utf-8"), RECORDS, FUNCTIONS)]
    names = {call.name for call in found}
    assert {
        "open", "eraseAllData", "lockedAlertText", "home", "checkIn", "planNotifications",
        "profileAtRest", "eraseUnopenableProfile", "shellTextsWithoutProfile",
    } <= names, names


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


def test_the_generated_enums_are_read(generated):
    action = enum_cases(generated, "Action")
    assert action["openArticle"] == ("id",)
    assert action["quickExit"] == ()
    assert enum_cases(generated, "Block")["callout"] == ("tone", "label", "paragraphs")


def test_every_action_the_core_has_is_performed_by_its_exact_name(generated):
    # Swift checks the switch is exhaustive; this catches a renamed or new Action before a Mac does.
    action = set(enum_cases(generated, "Action"))
    performer = (IOS_DIR / "Sources" / "ActionPerformer.swift").read_text(encoding="utf-8")
    perform = performer[performer.index("func perform(") : performer.index("func openFromNotification")]
    assert switch_cases(perform) == action


def test_a_notification_tap_carries_the_core_s_token_for_its_action(generated):
    # The core writes and reads the token for every action (its own test covers each kind), so
    # the shell has no codec of its own that could miss a new action.
    coding = (IOS_DIR / "Platform" / "ActionCoding.swift").read_text(encoding="utf-8")
    assert "actionToken(action: action)" in coding
    assert "actionFromToken(token:" in coding
    assert "switch" not in coding
    assert "func actionToken(action: Action) -> String" in generated
    assert "func actionFromToken(token: String) -> Action?" in generated


def test_every_article_block_and_tone_is_rendered(generated):
    rich = (IOS_DIR / "Sources" / "RichTextView.swift").read_text(encoding="utf-8")
    wanted = set(enum_cases(generated, "Block")) | set(enum_cases(generated, "CalloutTone"))
    assert switch_cases(rich) == wanted


def test_switch_cases_reads_patterns_and_lists():
    source = "switch a {\ncase .one: x()\ncase let .two(id): y(id)\ncase .three, .four(_): z()\ndefault: w()\n}\n"
    assert switch_cases(source) == {"one", "two", "three", "four"}


IOS_SOURCES = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in IOS_FILES}


def test_every_enum_pattern_binds_what_the_generated_case_has(generated):
    assert pattern_mismatches(generated, IOS_SOURCES) == []


def test_a_pattern_that_drifted_from_the_bindings_is_reported(generated):
    # ContentRejected has (kind, reason, shown): binding only the reason would not compile.
    source = (
        "switch error {\n"
        "case let WaymarkError.ContentRejected(reason): return reason\n"
        "case let WaymarkError.ContentRejected(_, _, shown): return shown\n"
        "case let WaymarkError.Gone(reason): return reason\n"
        "case let .openArticle(id, extra): return id\n"
        "case .openArticle(let id): return id\n"
        "}\n"
    )
    found = pattern_mismatches(generated, {"Drift.swift": source})
    assert len(found) == 3, found
    assert found[0].startswith("Drift.swift:2: the pattern `WaymarkError.ContentRejected` binds 1 value(s)")
    assert "no case `Gone`" in found[1]
    assert found[2].startswith("Drift.swift:5:")


def test_the_shells_own_enums_are_not_checked_against_the_core(generated):
    source = "enum Sheet { case share(text: String, extra: Int) }\nswitch s {\ncase let .share(text, extra): x\n}\n"
    assert pattern_mismatches(generated, {"Own.swift": source}) == []

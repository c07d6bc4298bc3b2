"""Every generated and hand-written Swift file parses; the check itself catches broken Swift."""

from __future__ import annotations

from pathlib import Path

import pytest

import swift_syntax
from swift_syntax import blank_attribute_only_conditionals, problems

BINDINGS = Path(__file__).resolve().parents[2]
GENERATED = BINDINGS / "generated" / "swift"
GENERATED_MODULE = GENERATED / "WaymarkCore.swift"
HAND_WRITTEN = sorted((BINDINGS / "swift").rglob("*.swift"))
# The iOS shell's sources: parsed here because no Swift compiler runs on Linux CI.
IOS = BINDINGS.parent / "ios"
IOS_FILES = sorted(IOS.rglob("*.swift"))
SWIFT_FILES = sorted(GENERATED.glob("*.swift")) + HAND_WRITTEN + IOS_FILES

# What UniFFI emits before internal declarations, and the grammar cannot parse as it stands.
ATTRIBUTE_ONLY = """\
#if swift(>=5.8)
@_documentation(visibility: private)
#endif
public struct FfiConverterString {
    static func lift(_ value: Int) -> Int { value }
}
"""


def test_the_generated_swift_is_there():
    assert GENERATED_MODULE.is_file(), "run `cargo xtask bindings` first"
    assert (GENERATED / "WaymarkCoreFFI.h").is_file()
    assert (GENERATED / "WaymarkCoreFFI.modulemap").is_file()


def test_the_hand_written_swift_is_there():
    names = {path.name for path in HAND_WRITTEN}
    assert "Package.swift" in names
    assert any(name.endswith("Tests.swift") for name in names), names


@pytest.mark.parametrize("path", SWIFT_FILES, ids=lambda p: str(p.relative_to(BINDINGS.parent)))
def test_swift_file_parses_cleanly(path: Path):
    found = swift_syntax.check_file(path)
    assert found == [], "\n".join(f"{path}:{problem}" for problem in found)


def test_a_broken_generated_file_is_caught():
    source = GENERATED_MODULE.read_text(encoding="utf-8")
    lines = source.split("\n")
    # Drop the closing brace of the first public class: a mistake anywhere must be reported.
    start = next(i for i, line in enumerate(lines) if line.startswith("open class ") or line.startswith("public class "))
    end = next(i for i in range(start, len(lines)) if lines[i] == "}")
    broken = "\n".join(lines[:end] + lines[end + 1 :])
    assert problems(source) == []
    assert problems(broken) != []


def test_a_syntax_error_is_reported_on_its_line():
    source = ATTRIBUTE_ONLY + "\npublic func greet(name: String -> String {\n    name\n}\n"
    found = problems(source)
    assert found, "a missing parenthesis must be an error"
    assert found[0].line == 8, found


def test_the_grammar_gap_is_real_and_worked_around():
    raw_tree = swift_syntax._PARSER.parse(ATTRIBUTE_ONLY.encode())
    assert raw_tree.root_node.has_error, "the grammar parses this now: drop the workaround"
    assert problems(ATTRIBUTE_ONLY) == []


def test_blanking_keeps_every_line_in_place():
    blanked = blank_attribute_only_conditionals(ATTRIBUTE_ONLY)
    assert blanked.split("\n") == ["", "@_documentation(visibility: private)", "", *ATTRIBUTE_ONLY.split("\n")[3:]]


def test_conditionals_around_code_are_parsed_as_written():
    source = "#if canImport(WaymarkCoreFFI)\nimport WaymarkCoreFFI\n#endif\n"
    assert blank_attribute_only_conditionals(source) == source
    broken = "#if os(iOS)\n@MainActor\nfunc f( {\n#endif\n"
    assert blank_attribute_only_conditionals(broken) == broken
    assert problems(broken) != []


def test_nested_conditionals_are_left_to_the_parser():
    source = "#if swift(>=5.8)\n#if os(iOS)\n@available(iOS 15, *)\n#endif\n#endif\n"
    assert blank_attribute_only_conditionals(source).startswith("#if swift(>=5.8)\n")


def test_the_command_line_fails_on_a_broken_file(tmp_path, capsys):
    good = tmp_path / "Good.swift"
    good.write_text(ATTRIBUTE_ONLY, encoding="utf-8")
    bad = tmp_path / "Bad.swift"
    bad.write_text("struct A {\n    let x: Int =\n}\n", encoding="utf-8")
    assert swift_syntax.main([str(good)]) == 0
    assert swift_syntax.main([str(good), str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().out


def test_the_ios_shell_is_checked():
    names = {path.name for path in IOS_FILES}
    assert "WaymarkApp.swift" in names, "the iOS app sources moved: update IOS"
    assert "NotificationScheduler.swift" in names


def test_a_broken_ios_file_fails_the_check(tmp_path):
    source = (IOS / "Waymark" / "Sources" / "CoreStore.swift").read_text(encoding="utf-8")
    assert problems(source) == []
    # The class's closing brace forgotten, as a slip in an edit would leave it.
    end = source.rstrip().rindex("}")
    broken = source[:end] + source[end + 1 :]
    copy = tmp_path / "CoreStore.swift"
    copy.write_text(broken, encoding="utf-8")
    assert swift_syntax.main([str(copy)]) == 1
    # And a call missing its closing parenthesis.
    call = source.index("Waymark.open(")
    close = source.index(")", source.index("timeZone: timeZone", call))
    assert problems(source[:close] + source[close + 1 :]) != []

"""Checks the iOS shell's calls into the core against the generated Swift, where no Swift
compiler is available: every method, free function and record initialiser the app calls must
exist in bindings/generated/swift/WaymarkCore.swift with exactly the argument labels used.

A call is recognised by its receiver (`$0`, `waymark` or `opened` for the core object, `Waymark`
for its constructor), or by its name for the free functions and records.

Usage: python3 core_calls.py GENERATED.swift FILE.swift...   (exit status 1 on a mismatch)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

RECEIVERS = ("$0", "waymark", "opened", "Waymark")


@dataclass(frozen=True)
class Call:
    """One call in a shell file: its name, the labels in order, and where it is."""

    name: str
    labels: tuple[str, ...]
    line: int


def _split_top_level(text: str) -> list[str]:
    """Splits an argument list at its top-level commas."""
    parts, depth, current, quote = [], 0, [], False
    for char in text:
        if char == '"':
            quote = not quote
        if not quote:
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            elif char == "," and depth == 0:
                parts.append("".join(current))
                current = []
                continue
        current.append(char)
    if "".join(current).strip():
        parts.append("".join(current))
    return parts


def _balanced(source: str, open_at: int) -> str:
    """The text inside the parentheses that open at `open_at`."""
    depth = 0
    for index in range(open_at, len(source)):
        if source[index] == "(":
            depth += 1
        elif source[index] == ")":
            depth -= 1
            if depth == 0:
                return source[open_at + 1 : index]
    return source[open_at + 1 :]


def _argument_labels(arguments: str) -> tuple[str, ...]:
    labels = []
    for part in _split_top_level(arguments):
        match = re.match(r"\s*(\w+)\s*:(?!:)", part)
        labels.append(match.group(1) if match else "_")
    return tuple(labels)


def _parameter_labels(parameters: str) -> tuple[str, ...]:
    labels = []
    for part in _split_top_level(parameters):
        match = re.match(r"\s*(\w+)(?:\s+\w+)?\s*:", part)
        labels.append(match.group(1) if match else "_")
    return tuple(labels)


def signatures(generated: str) -> dict[str, set[tuple[str, ...]]]:
    """Every public method, static function, free function and record initialiser of the
    generated module, by name (initialisers by their type's name), with their label lists."""
    source = re.sub(r"/\*.*?\*/", "", generated, flags=re.S)
    found: dict[str, set[tuple[str, ...]]] = {}
    for match in re.finditer(r"^\s*(?:open |public )?(?:static )?func `?(\w+)`?\(", source, re.M):
        found.setdefault(match.group(1), set()).add(_parameter_labels(_balanced(source, match.end() - 1)))
    for struct in re.finditer(r"^public struct (\w+)", source, re.M):
        body_end = source.find("\n}\n", struct.end())
        body = source[struct.end() : body_end]
        for init in re.finditer(r"^    public init\(", body, re.M):
            labels = _parameter_labels(_balanced(body, init.end() - 1))
            found.setdefault(struct.group(1), set()).add(labels)
    return found


def calls(source: str, records: set[str], functions: set[str]) -> list[Call]:
    """The calls into the core in one shell file."""
    found = []
    receivers = "|".join(re.escape(r) for r in RECEIVERS)
    pattern = re.compile(
        rf"(?:(?<![\w.])(?:{receivers})\.`?(\w+)`?|(?<![\w.])({'|'.join(sorted(records | functions)) or '(?!)'}))\("
    )
    for match in pattern.finditer(source):
        name = match.group(1) or match.group(2)
        labels = _argument_labels(_balanced(source, match.end() - 1))
        found.append(Call(name, labels, source.count("\n", 0, match.start()) + 1))
    return found


def mismatches(generated: str, shell_sources: dict[str, str], records: set[str], functions: set[str]) -> list[str]:
    """One line per call whose name or labels the generated module does not have."""
    known = signatures(generated)
    problems = []
    for name, source in shell_sources.items():
        for call in calls(source, records, functions):
            options = known.get(call.name)
            if options is None:
                problems.append(f"{name}:{call.line}: no `{call.name}` in the generated Swift")
            elif call.labels not in options:
                wanted = " or ".join("(" + ", ".join(f"{l}:" for l in o) + ")" for o in sorted(options))
                got = "(" + ", ".join(f"{l}:" for l in call.labels) + ")"
                problems.append(f"{name}:{call.line}: `{call.name}{got}` but the core has `{call.name}{wanted}`")
    return problems


def enum_cases(generated: str, name: str) -> dict[str, tuple[str, ...]]:
    """The cases of the generated public enum `name`, with their associated values' labels."""
    source = re.sub(r"/\*.*?\*/", "", generated, flags=re.S)
    start = re.search(rf"^public\s+enum {name}\b[^{{]*\{{", source, re.M)
    if start is None:
        return {}
    body = source[start.end() : source.index("\n}\n", start.end())]
    cases = {}
    for case in re.finditer(r"^\s*case (\w+)(\()?", body, re.M):
        labels = _parameter_labels(_balanced(body, case.end() - 1)) if case.group(2) else ()
        cases[case.group(1)] = labels
    return cases


def switch_cases(source: str) -> set[str]:
    """The enum cases a shell file switches over (`case .x`, `case let .x(...)`, `case .x, .y`)."""
    found = set()
    for line in re.finditer(r"^\s*case\s+(?:let\s+)?(\.[^:]*):", source, re.M):
        found.update(re.findall(r"\.(\w+)", re.sub(r"\(.*?\)", "", line.group(1))))
    return found


def all_enum_cases(generated: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every public enum of the generated module, with its cases' associated value labels."""
    source = re.sub(r"/\*.*?\*/", "", generated, flags=re.S)
    names = re.findall(r"^public\s+enum (\w+)\b", source, re.M)
    return {name: enum_cases(generated, name) for name in names}


def shell_enum_cases(sources: dict[str, str]) -> set[str]:
    """The case names of the enums the shell itself declares (its routes, sheets...)."""
    found = set()
    for source in sources.values():
        for body in re.finditer(r"\benum \w+[^{]*\{(.*?)\n\}", source, re.S):
            for line in re.finditer(r"^\s*case ([^\n]*)", body.group(1), re.M):
                found.update(re.findall(r"(\w+)(?:\([^)]*\))?(?:\s*,|\s*$|\s*=)", line.group(1)))
    return found


# `case let .x(a, b)`, `case .x(let a, _)`, `case let Enum.x(a)`, `catch let Enum.x(a)`, also
# inside `if case` / `guard case`.
_PATTERN = re.compile(r"\b(?:case|catch)\s+(?:let\s+|var\s+)?(?:(\w+))?\.(\w+)\(")


def pattern_mismatches(generated: str, shell_sources: dict[str, str]) -> list[str]:
    """One line per enum pattern that binds a different number of values, or other labels, than
    the generated case has: Swift refuses such a pattern, and no compiler runs here."""
    enums = all_enum_cases(generated)
    own = shell_enum_cases(shell_sources)
    by_case: dict[str, set[tuple[str, ...]]] = {}
    for cases in enums.values():
        for case, labels in cases.items():
            by_case.setdefault(case, set()).add(labels)
    problems = []
    for name, source in shell_sources.items():
        for match in _PATTERN.finditer(source):
            enum, case = match.group(1), match.group(2)
            if enum is not None and enum not in enums:
                continue
            if enum is not None:
                if case not in enums[enum]:
                    line = source.count("\n", 0, match.start()) + 1
                    problems.append(f"{name}:{line}: `{enum}` has no case `{case}` in the generated Swift")
                    continue
                options = {enums[enum][case]}
            elif case in own or case not in by_case:
                continue
            else:
                options = by_case[case]
            bound = _split_top_level(_balanced(source, match.end() - 1))
            labels = tuple(
                (m.group(1) if (m := re.match(r"\s*(\w+)\s*:(?!:)", part)) else "_") for part in bound
            )
            fits = any(
                len(bound) == len(wanted) and all(l in ("_", w) for l, w in zip(labels, wanted))
                for wanted in options
            )
            if not fits:
                line = source.count("\n", 0, match.start()) + 1
                wanted = " or ".join("(" + ", ".join(o) + ")" for o in sorted(options))
                problems.append(
                    f"{name}:{line}: the pattern `{enum or ''}.{case}` binds {len(bound)} value(s) "
                    f"but the generated case has {wanted}"
                )
    return problems


# The records the shell builds and the free functions it calls.
RECORDS = {
    "WaymarkOptions", "TripPlan", "CheckinSchedule", "OfferInput", "OfferAnswer",
    "SelfCheckAnswer", "QuizAnswer", "OwnContactInput",
}
FUNCTIONS = {
    "tripDayOf", "tripDayStart", "tripDayEnd", "qrCode", "readQrCode", "lockedAlertText",
    "profileAtRest", "eraseUnopenableProfile", "shellTextsWithoutProfile",
}


def main(arguments: list[str]) -> int:
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    generated = Path(arguments[0]).read_text(encoding="utf-8")
    sources = {name: Path(name).read_text(encoding="utf-8") for name in arguments[1:]}
    found = mismatches(generated, sources, RECORDS, FUNCTIONS) + pattern_mismatches(generated, sources)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

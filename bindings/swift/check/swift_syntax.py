"""Syntax check for Swift files where no Swift compiler is available (Linux CI).

Parses each file with tree-sitter-swift and reports every ERROR or MISSING node with its line.

One known gap in the grammar is worked around: it cannot parse an `#if ... #endif` block whose
body is only attributes, which UniFFI emits around `@_documentation(visibility: private)`. Such
directive lines are blanked before parsing (line numbers stay the same); everything else, other
`#if` blocks included, is parsed as written.

Usage: python3 swift_syntax.py FILE.swift...   (exit status 1 when any file has an error)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import tree_sitter
import tree_sitter_swift

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))


@dataclass(frozen=True)
class Problem:
    """One place the grammar could not parse; line and column count from 1."""

    line: int
    column: int
    kind: str  # "ERROR" (unexpected text) or "MISSING <token>" (text the parser expected)

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.kind}"


def _directive(line: str) -> str | None:
    """The directive keyword of a compiler-control line (`#if`, `#elseif`, `#else`, `#endif`)."""
    stripped = line.strip()
    for keyword in ("#if", "#elseif", "#else", "#endif"):
        if stripped == keyword or stripped.startswith(keyword + " ") or stripped.startswith(keyword + "("):
            return keyword
    return None


def blank_attribute_only_conditionals(source: str) -> str:
    """Blanks the directive lines of every `#if` block whose branches hold only attributes.

    Only blocks without nested directives are touched, and only their `#if`/`#elseif`/`#else`/
    `#endif` lines: the attributes stay, attached to the declaration that follows, as they are
    for a compiler that takes the branch. Line breaks are kept, so reported lines do not move.
    """
    lines = source.split("\n")
    index = 0
    while index < len(lines):
        if _directive(lines[index]) != "#if":
            index += 1
            continue
        directives = [index]
        body: list[str] = []
        end = None
        cursor = index + 1
        while cursor < len(lines):
            keyword = _directive(lines[cursor])
            if keyword == "#endif":
                end = cursor
                break
            if keyword == "#if":
                break  # nested: leave the whole block to the parser
            if keyword is not None:
                directives.append(cursor)
            elif lines[cursor].strip():
                body.append(lines[cursor].strip())
            cursor += 1
        if end is not None and body and all(line.startswith("@") for line in body):
            for position in [*directives, end]:
                lines[position] = ""
            index = end + 1
        else:
            index += 1
    return "\n".join(lines)


def problems(source: str) -> list[Problem]:
    """Every ERROR and MISSING node in `source`, in document order."""
    tree = _PARSER.parse(blank_attribute_only_conditionals(source).encode("utf-8"))
    found: list[Problem] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing:
            found.append(Problem(node.start_point.row + 1, node.start_point.column + 1, f"MISSING {node.type}"))
        elif node.is_error:
            found.append(Problem(node.start_point.row + 1, node.start_point.column + 1, "ERROR"))
        # An error inside an error adds nothing a person can act on.
        if node.has_error and not node.is_error:
            stack.extend(reversed(node.children))
    return sorted(found, key=lambda p: (p.line, p.column))


def check_file(path: Path) -> list[Problem]:
    return problems(path.read_text(encoding="utf-8"))


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__, file=sys.stderr)
        return 2
    failed = False
    for name in arguments:
        for problem in check_file(Path(name)):
            print(f"{name}:{problem}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

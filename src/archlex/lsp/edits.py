"""Text edits that add YAML to a model file: a waiver in the manifest, a requirement after
the last one of a file. Plain text on purpose: the user's comments and layout stay."""

from __future__ import annotations

import json
import re

_WAIVERS = re.compile(r"^waivers:\s*(?P<empty>\[\s*\])?\s*(#.*)?$")


def yaml_text(value: str) -> str:
    """A double-quoted YAML scalar (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def waiver_lines(rule: str, target: str, reason: str, expires: str, indent: str) -> list[str]:
    """One waiver entry, indented as the list it joins."""
    return [
        f"{indent}- rule: {rule}",
        f"{indent}  target: {target}",
        f"{indent}  reason: {yaml_text(reason)}",
        f"{indent}  expires: {expires}",
    ]


def add_waiver(
    lines: list[str], rule: str, target: str, reason: str, expires: str
) -> tuple[int, int, list[str]]:
    """Where and what to write for a new waiver: (first line replaced, lines replaced, lines)."""
    for index, line in enumerate(lines):
        match = _WAIVERS.match(line)
        if match is None:
            continue
        if match.group("empty"):
            return index, 1, ["waivers:", *waiver_lines(rule, target, reason, expires, "  ")]
        entry = waiver_lines(rule, target, reason, expires, list_indent(lines, index))
        return _block_end(lines, index), 0, entry
    tail = [""] if lines and lines[-1].strip() else []
    entry = waiver_lines(rule, target, reason, expires, "  ")
    return len(lines), 0, [*tail, "waivers:", *entry]


def list_indent(lines: list[str], key_line: int) -> str:
    """The indentation of the items of the block list under a key (two spaces if none yet)."""
    for line in lines[key_line + 1 :]:
        if line.strip() and not line.lstrip().startswith("#"):
            stripped = line.lstrip()
            return line[: len(line) - len(stripped)] if stripped.startswith("-") else "  "
    return "  "


def _block_end(lines: list[str], key_line: int) -> int:
    """The line after the last one of the block that starts at `key_line`, blank lines after
    it left outside."""
    end = key_line + 1
    last = key_line + 1
    indent = _indent(lines[key_line])
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#"):
            is_dash = line.lstrip().startswith("-") and _indent(line) == indent
            if _indent(line) <= indent and not is_dash:
                break
            last = end + 1
        end += 1
    return last


def item_end(lines: list[str], item_line: int) -> int:
    """The line after the last one of the list item that starts at `item_line` (0-based)."""
    dash = _indent(lines[item_line])
    end = item_line + 1
    last = end
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#"):
            if _indent(line) <= dash:
                break
            last = end + 1
        end += 1
    return last


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())

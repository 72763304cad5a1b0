"""Reading a YAML line the way an editor feature needs: the scalar under the cursor, the field
it belongs to, the span a finding's position starts."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A plain scalar in a flow list or after `key:` ends at these (or at ` #`, a comment).
_PLAIN_END = re.compile(r"\s#|[,\]\}]")
_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)*(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s|$)")
_ITEM = re.compile(r"^(?P<indent>\s*)-(?:\s|$)")


@dataclass(frozen=True)
class Word:
    """A scalar on one line: its text (unquoted) and its 0-based code-point columns."""

    text: str
    start: int
    end: int


def scalar_end(line: str, start: int) -> int:
    """Where the scalar starting at `start` ends (after its closing quote, if quoted)."""
    if start >= len(line):
        return start
    quote = line[start]
    if quote in "\"'":
        closing = line.find(quote, start + 1)
        return len(line) if closing < 0 else closing + 1
    match = _PLAIN_END.search(line, start)
    end = match.start() if match else len(line)
    return max(start + 1, len(line[:end].rstrip()))


def scalar_spans(line: str) -> list[Word]:
    """Every value scalar of a line: after `key:` or `- `, or each item of a `[...]` list."""
    spans: list[Word] = []
    position = _value_start(line)
    while position < len(line):
        char = line[position]
        if char in " \t,[]{}-" and not _starts_word(line, position):
            position += 1
            continue
        if char == "#" and (position == 0 or line[position - 1] in " \t"):
            break
        end = scalar_end(line, position)
        raw = line[position:end]
        text = raw[1:-1] if raw[:1] in "\"'" and len(raw) > 1 else raw
        if raw[:1] in "\"'":
            spans.append(Word(text, position + 1, end - 1))
        else:
            spans.append(Word(text.strip(), position, end))
        position = end
    return spans


def _starts_word(line: str, position: int) -> bool:
    # `-` begins a scalar only when it is not a list item's dash (`- x`, `-` at the end).
    return line[position] == "-" and position + 1 < len(line) and line[position + 1] not in " \t"


def _value_start(line: str) -> int:
    key = _KEY.match(line)
    if key:
        return key.end()
    item = _ITEM.match(line)
    return item.end() if item else len(line)


def word_at(line: str, column: int) -> Word | None:
    """The value scalar under a 0-based column (its end counts, for a cursor after it)."""
    for span in scalar_spans(line):
        if span.start <= column <= span.end:
            return span
    return None


def field_of(lines: list[str], line_number: int) -> str | None:
    """The field the value on a line belongs to: its own `key:`, or the key above a block list."""
    line = lines[line_number]
    own = _KEY.match(line)
    if own:
        # A key at the left margin is an entity kind or a manifest setting, not a field.
        return own.group("key") if own.group("indent") or line.lstrip().startswith("-") else None
    item = _ITEM.match(line)
    if item is None:
        return None
    indent = len(item.group("indent"))
    for above in range(line_number - 1, -1, -1):
        key = _KEY.match(lines[above])
        if key and len(key.group("indent")) <= indent and not _ITEM.match(lines[above]):
            return key.group("key") if key.group("indent") else None
        if lines[above].strip() and len(lines[above]) - len(lines[above].lstrip()) < indent:
            return None
    return None


def parent_key(lines: list[str], line_number: int) -> str | None:
    """The key of the mapping a line sits in (`checks` for `  disable: [...]`)."""
    indent = len(lines[line_number]) - len(lines[line_number].lstrip())
    for above in range(line_number - 1, -1, -1):
        text = lines[above]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(text) - len(text.lstrip()) < indent:
            key = _KEY.match(text)
            return key.group("key") if key else None
    return None

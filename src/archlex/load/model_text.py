"""A model file's bytes as text, and what a YAML reader reports: both readers (yaml_reader,
fast_reader) start here. Imports no YAML library: the fast path's positions need only this."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_FILE_BYTES = 32 * 1024 * 1024
# One value (a description, say) of more than a mebibyte is a pasted file, not model text;
# it would make every page and document that shows it unusable.
MAX_SCALAR_CHARS = 1024 * 1024

# C0 controls but tab, LF and CR; DEL and C1 (NEL is a line break in YAML 1.1 and would move
# every line number after it); the Unicode line and paragraph separators; a stray BOM.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading a file, at a 1-based line and column."""

    rule: str
    message: str
    line: int
    column: int
    hint: str | None = None


class UnreadableYamlError(Exception):
    """The file cannot be read as YAML at all."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def decode_model_text(raw: bytes) -> str:
    """The file's text; raise UnreadableYamlError when it is too large, not UTF-8, or holds
    a character a model file may not."""
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableYamlError(
            YamlProblem(
                "yaml-syntax",
                f"file is {len(raw) / 2**20:.1f} MiB, over the limit of "
                f"{MAX_FILE_BYTES // 2**20} MiB for one model file",
                1,
                1,
                "split it into several files and include them from archlex.yaml",
            )
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw[: error.start].decode("utf-8", "replace"))
        raise UnreadableYamlError(
            YamlProblem(
                "yaml-syntax",
                f"byte 0x{raw[error.start]:02x} is not UTF-8",
                line,
                column,
                "save the file as UTF-8",
            )
        ) from None
    bad = _FORBIDDEN_CHARS.search(text)
    if bad is not None:
        line, column = _position(text[: bad.start()])
        raise UnreadableYamlError(
            YamlProblem(
                "yaml-syntax",
                f"control character U+{ord(bad.group()):04X} is not allowed in a model file",
                line,
                column,
                "delete it; it is invisible in most editors",
            )
        )
    return text


def _position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix`."""
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1

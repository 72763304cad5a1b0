"""Strings in the Structurizr DSL, written as Structurizr's parser reads them back."""

from __future__ import annotations

# Structurizr's parser reads a quoted string as it stands, then turns `\"` into `"` and `\n`
# into a line break; a backslash is otherwise itself, and there is no escape for it.
_BACKSLASH_N = "\\n"
_ZERO_WIDTH_SPACE = "\u200b"


def quoted(text: str) -> str:
    """A DSL string as Structurizr's parser reads it back: quotes escaped, backslashes as
    they are, line breaks and control characters as spaces, `${` broken up so it is not read
    as a substitution, and a backslash before an `n` kept from becoming a line break."""
    flat = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in text)
    flat = " ".join(flat.split()).replace("${", "$ {")
    # `C:\new` would read as `C:` and `ew` on two lines; nothing in the DSL writes a literal
    # `\n`, so an invisible zero-width space goes between them.
    flat = flat.replace(_BACKSLASH_N, "\\" + _ZERO_WIDTH_SPACE + "n")
    escaped = flat.replace('"', '\\"')
    # A closing quote after a backslash would be read as an escaped quote; the parser trims
    # the space that keeps it a quote.
    return f'"{escaped} "' if escaped.endswith("\\") else f'"{escaped}"'

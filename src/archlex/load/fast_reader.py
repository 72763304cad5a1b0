"""A fast way to read the plain YAML most model files are written in, or to say "not this one".

rapidyaml parses in C++ and emits JSON, which Python's C json decoder turns into data: about
ten times faster than libyaml composing Python nodes. It gives no positions, and JSON loses
some of what the reference reader (yaml_reader) keeps, so this path takes only files it reads
exactly as the reference would and answers None for every other file, which then goes through
the reference reader. Correctness never depends on it: a None costs time, never a difference.

Refused (None), because JSON or rapidyaml would read them differently or not at all:
anchors, aliases, merge keys and tags (`&`, `*`, `<<`, `!` anywhere, even in text), several
documents or directives, complex keys, tabs and carriage returns, escapes other than JSON's
and non-surrogate `\\uXXXX`, plain `~`/`Null`/`NULL` (null to the reference, text to JSON: refused
whenever the JSON holds that text), `true`/`false` inside a flow collection, a repeated key,
a file that is not a mapping or is empty, and anything rapidyaml or the JSON decoder rejects.
Every file is first parsed by libyaml's C parser alone (no Python objects, a tenth of the
reference's time), so the text this path accepts is exactly the YAML the reference accepts.
The reference reader also checks each file's size, encoding and characters; this path runs
the same check first (see `decode_model_text`), so it refuses what the reference refuses.
The reader's nesting limit needs no check here: the loader uses this data only when the whole
file validates against the schema, which nests far less deeply, and reads it again through the
reference reader otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from collections.abc import Iterator
from typing import Any

from archlex.load.model_text import (
    MAX_FILE_BYTES,
    MAX_SCALAR_CHARS,
    UnreadableYamlError,
    decode_model_text,
)

try:
    import ryml
except ImportError:  # pragma: no cover - rapidyaml has wheels for the supported platforms
    ryml = None

# Each check is a fast substring test (`_unsupported`: anchors, aliases, tags, tabs, carriage
# returns, merge keys); a regex runs only when its substring is there.
# Conservative: a match only sends the file to the reference reader.
_DOCUMENT = re.compile(rb"^(?:---|\.\.\.)(?:[ \n]|$)|^%", re.MULTILINE)
_COMPLEX_KEY = re.compile(rb"^[ -]*\?(?:[ \n]|$)", re.MULTILINE)
_ESCAPE = re.compile(rb"\\(?:[^\\\"/ntrbfu]|u[dD][89a-fA-F])")
# Printable ASCII, LF and CR: an ASCII file with nothing else needs no character check.
_PLAIN_ASCII = bytes([10, 13, *range(32, 127)])
# JSON from rapidyaml: plain true/false as a block mapping's value (newline-terminated, so not
# inside a JSON string, which cannot hold a raw newline) are turned back into the text typed.
_BOOLEANS = (
    (b": true,\n", b': "true",\n'),
    (b": true\n", b': "true"\n'),
    (b": false,\n", b': "false",\n'),
    (b": false\n", b': "false"\n'),
)
# What is left: a boolean elsewhere, or text that was perhaps a plain null.
_AMBIGUOUS = re.compile(rb'[\[,:]\s*(?:true|false)\s*[,\]}\n]|"(?:~|Null|NULL)"')


class _RefusedError(Exception):
    """The file is not one this path reads exactly."""


def available() -> bool:
    """Whether rapidyaml and libyaml could be imported."""
    return ryml is not None and _libyaml() is not None


def _libyaml() -> Any:
    """libyaml's C parser (PyYAML is imported only when a file is read: a finding's position
    in a file read before needs rapidyaml alone), or None without libyaml."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML's wheels hold libyaml
        return None
    return CParser


def read_fast(raw: bytes) -> dict[str, Any] | None:
    """The file's data exactly as the reference reader constructs it, or None to use that."""
    if ryml is None or len(raw) > MAX_SCALAR_CHARS:
        return None  # a file that could hold a value over the limit: the reference refuses it
    body = model_bytes(raw)
    if body is None or _unsupported(body) or not _valid_yaml(body):
        return None
    emitted = _emit_json(body)
    if emitted is None:
        return None
    if b": true" in emitted or b": false" in emitted:  # a copy per pattern only when present
        for plain, text_form in _BOOLEANS:
            emitted = emitted.replace(plain, text_form)
    if _ambiguous(emitted):
        return None
    try:
        # What json.loads does with these options, but one decoder for every file rather than
        # a decoder and its scanner made for each.
        data = _DECODER.decode(emitted.decode(json.detect_encoding(emitted), "surrogatepass"))
    except (ValueError, _RefusedError, RecursionError):
        return None
    return data if isinstance(data, dict) and data else None


def model_bytes(raw: bytes) -> bytes | None:
    """The file's bytes without a BOM, or None when the reference reader would refuse them."""
    if len(raw) <= MAX_FILE_BYTES and not raw.translate(None, _PLAIN_ASCII):
        return raw  # the common case, without decoding: ASCII holds no forbidden character
    try:
        return decode_model_text(raw).encode("utf-8")
    except UnreadableYamlError:
        return None


def _unsupported(body: bytes) -> bool:
    # One byte at a time (memchr) before any longer search, and each longer pattern only when
    # a byte it needs is there: these tests run on every file, and a search for two bytes
    # whose first is a line break is some ten times slower than one for a rare byte.
    if b"&" in body or b"*" in body or b"!" in body or b"\t" in body or b"\r" in body:
        return True
    if b"<" in body and b"<<" in body:
        return True
    if b"?" in body and _COMPLEX_KEY.search(body):
        return True
    if b"\\" in body and _ESCAPE.search(body):
        return True
    # A document marker holds `---` or `...`; a directive starts a line with `%` (which text
    # holds more often: "95%").
    directive = b"%" in body and (body[:1] == b"%" or b"\n%" in body)
    return bool((directive or b"---" in body or b"..." in body) and _DOCUMENT.search(body))


def _valid_yaml(body: bytes) -> bool:
    """Whether libyaml parses the text: rapidyaml accepts some text that libyaml does not
    (a stray `]` before a comment, ...), and which files are YAML is the reference's call.
    Only libyaml's C parser runs, creating no Python object: a tenth of the reference's time.
    """
    import yaml

    parser = _libyaml()
    if parser is None:  # pragma: no cover - without libyaml every file goes to the reference
        return False
    try:
        parser(body).raw_parse()
    except yaml.YAMLError:
        return False
    return True


def _ambiguous(emitted: bytes) -> bool:
    if (b"true" in emitted or b"false" in emitted) and _AMBIGUOUS.search(emitted):
        return True
    return (b"~" in emitted and b'"~"' in emitted) or b'"Null"' in emitted or b'"NULL"' in emitted


def _emit_json(body: bytes) -> bytes | None:
    """rapidyaml's JSON for the text, or None when it cannot parse it."""
    assert ryml is not None
    tree = _tree()
    with _quiet_stderr():
        try:
            tree.clear()
            tree.clear_arena()
            emitted = ryml.emit_json(ryml.parse_in_arena(body, tree))
        except Exception:  # rapidyaml raises its own exception types on what it cannot read
            return None
    if isinstance(emitted, str):
        return emitted.encode("utf-8")
    return bytes(emitted) if isinstance(emitted, (bytes, bytearray, memoryview)) else None


def _tree() -> Any:
    """One rapidyaml tree per thread, cleared before each file: a new tree per file grows
    its node and text buffers from nothing each time (a third of rapidyaml's time over a
    model of hundreds of files); the emitted JSON is the same."""
    tree = getattr(_PER_THREAD, "tree", None)
    if tree is None:
        assert ryml is not None
        tree = _PER_THREAD.tree = ryml.Tree()
    return tree


_PER_THREAD = threading.local()  # each thread's rapidyaml tree, gone with the thread


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its parse errors to the process's standard error before raising (a
    file libyaml accepts and rapidyaml does not: rare); the reference reader then reads the
    file, so that output is noise. Without a standard error to redirect, nothing is done."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        if not _DEVNULL:  # opened once: a model of hundreds of files would open it each time
            _DEVNULL.append(os.open(os.devnull, os.O_WRONLY | os.O_CLOEXEC))
        os.dup2(_DEVNULL[0], 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
    finally:
        os.close(saved)


_DEVNULL: list[int] = []  # a descriptor of os.devnull, kept for the process's life


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _RefusedError  # a repeated key: the reference reports it with its position
    return mapping


def _refuse_constant(name: str) -> Any:
    raise _RefusedError(name)


# Integers and floats stay the text typed (as the reference reader keeps plain scalars);
# NaN and Infinity are refused, and so is a repeated key. The decoder keeps no state between
# calls (its C scanner clears its memo after each).
_DECODER = json.JSONDecoder(
    parse_int=str, parse_float=str, parse_constant=_refuse_constant, object_pairs_hook=_mapping
)

"""YAML text archlex writes (page front matter, mkdocs.yml), the same whatever else the process
has imported.

PyYAML keeps its representers on its Dumper classes, and any library imported into the same
process may replace them for everyone: oyaml (which pyArchimate imports) dumps every `dict` in
insertion order, so `sort_keys=True` is silently ignored and the site's pages change. A long
process (`serve`, the language server, a test worker) must not write other bytes than the
command does, so archlex dumps with a private subclass holding PyYAML's own representers.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import yaml
from yaml.emitter import Emitter
from yaml.representer import SafeRepresenter
from yaml.resolver import Resolver


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper with its standard `dict` representer, whatever others changed."""


_Dumper.add_representer(dict, SafeRepresenter.represent_dict)


def yaml_text(data: object, *, sort_keys: bool) -> str:
    """Plain data as block YAML: Unicode kept, no line folding, keys sorted if asked."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=sort_keys, allow_unicode=True, width=10_000)


_PROBE = Emitter(io.StringIO(), allow_unicode=True)  # only its scalar analysis is used
_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
# Characters PyYAML's analysis finds neither special nor a line break (U+2028, U+2029 are).
_QUOTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff]+")
_LONGEST = 1000  # far below `width`: a scalar this long is never folded


@lru_cache(maxsize=8192)
def scalar_text(value: str) -> str | None:
    """The string as `yaml_text` writes it as a block mapping's value or a block sequence's
    item when that is one line (PyYAML's choice: plain if it reads back as a string, else
    single-quoted); None for any other (a line break, control characters, very long)."""
    if not value or len(value) > _LONGEST:
        return None
    if ": " in value and _QUOTABLE.fullmatch(value):
        # The common page title `ID: name`: ": " rules plain out, and printable characters
        # and no line break leave single quotes (the analysis below, a tenth of a page).
        return "'" + value.replace("'", "''") + "'"
    analysis = _PROBE.analyze_scalar(value)
    if analysis.multiline:
        return None
    resolved = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if resolved == _STR and analysis.allow_block_plain:
        return value
    if analysis.allow_single_quoted:
        return "'" + value.replace("'", "''") + "'"
    return None


def read_scalar(text: str) -> str | None:
    """The string `scalar_text` wrote as `text`; None when it writes no string so."""
    quoted = len(text) > 1 and text[0] == text[-1] == "'"
    value = text[1:-1].replace("''", "'") if quoted else text
    return value if scalar_text(value) == text else None

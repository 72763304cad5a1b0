"""YAML text archlex writes (page front matter, mkdocs.yml), the same whatever else the process
has imported.

PyYAML keeps its representers on its Dumper classes, and any library imported into the same
process may replace them for everyone: oyaml (which pyArchimate imports) dumps every `dict` in
insertion order, so `sort_keys=True` is silently ignored and the site's pages change. A long
process (`serve`, the language server, a test worker) must not write other bytes than the
command does, so archlex dumps with a private subclass holding PyYAML's own representers.
"""

from __future__ import annotations

import yaml
from yaml.representer import SafeRepresenter


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper with its standard `dict` representer, whatever others changed."""


_Dumper.add_representer(dict, SafeRepresenter.represent_dict)


def yaml_text(data: object, *, sort_keys: bool) -> str:
    """Plain data as block YAML: Unicode kept, no line folding, keys sorted if asked."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=sort_keys, allow_unicode=True, width=10_000)

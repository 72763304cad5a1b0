"""The YAML archlex writes does not change when another library has re-registered PyYAML's
global representers (oyaml, imported by pyArchimate, made `sort_keys=True` a no-op: an xdist
worker that had run the pyArchimate test wrote the site's pages with other front matter)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import yaml

from archlex.site.markdown import page
from archlex.toolkit.yaml_text import yaml_text

DATA = {"title": "Art 1", "tags": ["b", "a"], "alpha": {"z": 1, "y": 2}}


def _insertion_order(dumper: yaml.SafeDumper, data: dict[Any, Any]) -> yaml.Node:
    return dumper.represent_dict(data.items())  # oyaml's representer


def test_sorted_keys_survive_a_global_representer(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = yaml_text(DATA, sort_keys=True)
    assert expected.startswith("alpha:\n  y: 2\n  z: 1\ntags:")
    representers: dict[Any, Any] = {**yaml.SafeDumper.yaml_representers, dict: _insertion_order}
    monkeypatch.setattr(yaml.SafeDumper, "yaml_representers", representers)
    # What a plain safe_dump does now (and already does if this worker imported oyaml):
    assert yaml.safe_dump(DATA, sort_keys=True).startswith("title: Art 1\n")
    assert yaml_text(DATA, sort_keys=True) == expected


def test_a_page_is_the_same_after_importing_oyaml_first() -> None:
    pytest.importorskip("oyaml")
    script = (
        "import sys, oyaml; from archlex.site.markdown import page;"
        "sys.stdout.write(page('Art 1', ['verified', 'article'], ['Body.']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == page("Art 1", ["verified", "article"], ["Body."])
    assert done.stdout.startswith("---\ntags:\n- article\n- verified\ntitle: Art 1\n---\n")

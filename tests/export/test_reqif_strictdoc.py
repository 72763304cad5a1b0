"""StrictDoc's own ReqIF import (`strictdoc convert`) reads the export: 82 requirements, and
every `satisfies` and `traces` relation as a parent relation with its role.

StrictDoc is not a dev dependency: it brings pandas, plotly, FastAPI, uvicorn, Robot
Framework and tree-sitter grammars (a 466 MB virtualenv, 4.5 minutes to install here). The
test runs when a `strictdoc` executable is found ($ARCHLEX_STRICTDOC, else on PATH, else the
one the benchmarks install into benchmarks/.peers/strictdoc/venv), e.g.
`python3 -m venv /tmp/sd && /tmp/sd/bin/pip install strictdoc` and
`ARCHLEX_STRICTDOC=/tmp/sd/bin/strictdoc`. The `reqif` package's parser (test_reqif.py), which
StrictDoc reads ReqIF with, runs always.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from archlex.export.reqif import reqif_xml
from archlex.model import Model

PEER = Path(__file__).resolve().parents[2] / "benchmarks/.peers/strictdoc/venv/bin/strictdoc"
STRICTDOC = (
    os.environ.get("ARCHLEX_STRICTDOC")
    or shutil.which("strictdoc")
    or (str(PEER) if PEER.is_file() else None)
)


@pytest.mark.skipif(STRICTDOC is None, reason="StrictDoc is not installed (see the docstring)")
def test_strictdoc_converts_the_export(example: Model, tmp_path: Path) -> None:
    source = tmp_path / "requirements.reqif"
    source.write_text(reqif_xml(example), encoding="utf-8")
    done = subprocess.run(
        [str(STRICTDOC), "convert", str(source), str(tmp_path / "sdoc")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = (tmp_path / "sdoc" / "Requirements.sdoc").read_text(encoding="utf-8")
    uids = re.findall(r"^UID: (.+)$", text, flags=re.MULTILINE)
    assert uids == [r.id for r in example.requirements]
    satisfies = sum(len(set(r.satisfies)) for r in example.requirements)
    roles = re.findall(
        r"^  ROLE: (\w+)$", text, flags=re.MULTILINE
    )  # a relation's, not the grammar's
    assert roles.count("satisfies") == satisfies == 191
    traces = sum(
        any(p.traces(o.provision) for p in r.satisfies)
        for r in example.requirements
        for o in example.obligations
    )  # as the export joins them (archlex.export.reqif): counted, the example grows
    assert roles.count("traces") == traces > 300
    assert (tmp_path / "sdoc" / "Provisions_and_obligations.sdoc").is_file()

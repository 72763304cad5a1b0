"""`archlex build` on a small model with markup in its names: shown as text everywhere, and the
kept project built by the mkdocs command gives the same site (built for real, no mocks)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from archlex.api import check_model
from archlex.site.build import build_site, write_project
from archlex.site.mkdocs_workers import WORKERS_VARIABLE
from tests.conftest import MANIFEST, run_archlex

AS_OF = dt.date(2026, 1, 1)
HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_MODEL = f"""\
organisations:
  - {{id: ORG-1, name: "{HOSTILE}", kind: police}}
systems:
  - {{id: SYS-1, name: "{HOSTILE}", kind: national, owner: ORG-1, tags: ["{HOSTILE}", ops]}}
  - {{id: SYS-2, name: "[x](javascript:alert(2)) <script>alert(3)</script>", kind: national}}
flows:
  - {{id: F-1, from: SYS-1, to: SYS-2, name: "{HOSTILE}", legal_basis: ["2019/817 Art 20"]}}
requirements:
  - id: REQ-1
    title: "{HOSTILE}"
    satisfies: ["2019/817 Art 20"]
    allocated_to: [SYS-1]
roadmap:
  work_packages:
    - {{id: WP-1, name: "{HOSTILE}", start: 2026-01-01, end: 2026-06-30, delivers: [REQ-1]}}
"""
HOSTILE_MANIFEST = MANIFEST.replace("name: Test model", f'name: "{HOSTILE}"')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A small model with markup in its names, built by the real command (the model, the
    site and the kept project)."""
    root = tmp_path_factory.mktemp("hostile")
    model = root / "model"
    model.mkdir()
    (model / "archlex.yaml").write_text(HOSTILE_MANIFEST, encoding="utf-8")
    (model / "m.yaml").write_text(HOSTILE_MODEL, encoding="utf-8")
    site, project = root / "site", root / "project"
    arguments = ["--out", str(site), "--project", str(project), "--as-of", str(AS_OF)]
    arguments.append("--one-language")  # both languages: tests/browser/test_language_switch.py
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(WORKERS_VARIABLE, "2")  # the pages rendered in forked workers, however few
        result = run_archlex("build", str(model), *arguments)
    if "No such command" in result.stderr:  # until `build` is wired into the CLI
        build_site(check_model(model, model, today=AS_OF), site, AS_OF, project)
    else:
        assert result.returncode == 0, result.stderr
        assert f"Open {site / 'index.html'}" in result.stdout
    return model, site, project


def test_model_text_shows_as_text_on_every_page(hostile: tuple[Path, Path, Path]) -> None:
    _, site, _ = hostile
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8").lower()
        assert "<img src=x" not in html, page
        assert "<script>alert" not in html, page
        assert 'href="javascript:' not in html, page
    system = (site / "systems" / "SYS-1.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in system
    assert "<title>SYS-1: &lt;img src=x" in system  # the page title, from the front matter
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<img src=x" not in index
    # The system's own tags: on its page and on the tags page, as text.
    assert 'class="md-tag">&lt;img src=x onerror=alert(1)&gt;</a>' in system
    assert "ops" in (site / "tags.html").read_text(encoding="utf-8")


def test_the_kept_project_passes_mkdocs_build_strict(hostile: tuple[Path, Path, Path]) -> None:
    """The in-process build is strict already; the mkdocs command agrees on the kept project,
    and builds the same site, byte for byte, as archlex's pages rendered by workers."""
    _, site, project = hostile
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "privacy" not in config and "snippets" not in config and "!!" not in config
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "../strict-site"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    theirs = project.parent / "strict-site"
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (theirs / name).unlink()
    expected = {p.relative_to(theirs): p.read_bytes() for p in theirs.rglob("*") if p.is_file()}
    ours = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert ours - {Path(".archlex-output")} == set(expected)  # that one: what archlex wrote
    for relative, content in expected.items():
        assert (site / relative).read_bytes() == content, relative


def test_the_same_model_gives_the_same_project(
    hostile: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    model, _, project = hostile
    # In-process on purpose: this worker may have imported oyaml (pyArchimate's test), which
    # re-registers PyYAML's dict representer for everyone; the pages must not change
    # (toolkit/yaml_text.py).
    write_project(check_model(model, model, today=AS_OF), tmp_path, AS_OF)
    files = sorted(
        p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.suffix in (".md", ".yml")
    )
    assert Path("mkdocs.yml") in files and Path("docs/index.md") in files
    for name in files:
        assert (tmp_path / name).read_bytes() == (project / name).read_bytes(), name

"""`archlex catalog`: list, show and search over the bundled catalog and a model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archlex.api import load
from archlex.catalog.index import card_of, index_from_json, index_of, index_to_json
from archlex.catalog.search import article_eli, search, search_entries, show_provision
from archlex.errors import ArchlexError
from archlex.model import Model
from tests.conftest import EXAMPLE, REPO, run_archlex


@pytest.fixture(scope="module")
def example() -> Model:
    return load(EXAMPLE).model


def test_show_gives_title_chapter_eli_and_what_traces_it(example: Model) -> None:
    view = show_provision(example, "2019/818 art. 22")
    assert str(view.provision) == "2019/818 Art 22"
    assert "common identity repository" in view.article.title
    assert view.chapter is not None and view.chapter.number == "IV"
    assert view.eli == "http://data.europa.eu/eli/reg/2019/818/art_22/oj"
    assert view.requirements and all(
        any(p.regulation == "2019/818" and p.article == "22" for p in r.satisfies)
        for r in view.requirements
    )
    assert {f.to for f in view.flows} & {"eu.CIR", "eu.ESP", "ESP-GW-API", "ESP-GW"}


def test_show_a_paragraph_includes_the_article_level_entries(example: Model) -> None:
    article = show_provision(example, "2019/817 Art 20")
    paragraph = show_provision(example, "2019/817 Art 20(1)")
    assert {r.id for r in paragraph.requirements} <= {r.id for r in article.requirements}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Art 20", "is not a provision"),
        ("2019/999 Art 1", "no regulation"),
        ("2019/817 Art 120", "has no Article 120"),
    ],
)
def test_show_refuses_what_the_catalog_does_not_have(
    example: Model, text: str, message: str
) -> None:
    with pytest.raises(ArchlexError, match=message):
        show_provision(example, text)


def test_search_finds_manual_verification_first(example: Model) -> None:
    hits = search(example, "manual verification")
    assert hits
    assert hits[0].provision.endswith("Art 29")
    assert all("manual" in h.text.lower() and "verification" in h.text.lower() for h in hits)


def test_search_needs_every_word(example: Model) -> None:
    assert search(example, "verification xyzzy") == []
    with pytest.raises(ArchlexError):
        search(example, "  ,, ")


def test_eli_of_an_article_without_oj_suffix_is_the_acts() -> None:
    from archlex.model import Article, Regulation

    law = Regulation(id="LV-1", title="t", eli="https://likumi.lv/ta/id/1")
    assert article_eli(law, Article(number="3", title="x")) == "https://likumi.lv/ta/id/1"


def test_cli_show_search_and_list(tmp_path: Path) -> None:
    shown = run_archlex("catalog", "show", "2019/818 Art 22")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("2019/818 Art 22  Querying the common identity repository")
    assert "In the model (" in shown.stdout
    found = run_archlex("catalog", "search", "manual", "verification")
    assert found.returncode == 0 and "Art 29" in found.stdout.splitlines()[0]
    listed = run_archlex("catalog", "list", "2019/818")
    assert listed.returncode == 0 and "Art 75" in listed.stdout
    # Outside any model, only the bundled library is shown, without the model section.
    alone = run_archlex("catalog", "show", "2019/817 Art 20", cwd=tmp_path)
    assert alone.returncode == 0 and "In the model" not in alone.stdout
    missing = run_archlex("catalog", "show", "2019/817 Art 99")
    assert missing.returncode == 2 and "has no Article 99" in missing.stderr
    nothing = run_archlex("catalog", "search", "xyzzy")
    assert nothing.returncode == 1


# The catalog index: what `archlex catalog` answers from when the model is unchanged.


def test_a_narrowed_card_is_the_card_of_the_paragraph(example: Model) -> None:
    # Every paragraph any entry cites: the article's card narrowed to it must say exactly
    # what showing the paragraph from the model says.
    index = index_of(example, example.manifest.name)
    cited = {str(o.provision) for o in example.obligations} | {
        str(p) for r in example.requirements for p in r.satisfies
    }
    paragraphs = sorted(p for p in cited if "(" in p)
    assert len(paragraphs) > 50
    for paragraph in paragraphs:
        _, narrowed = index.card(paragraph)
        assert narrowed == card_of(show_provision(example, paragraph), in_model=True), paragraph


def test_index_survives_its_json_form(example: Model) -> None:
    index = index_of(example, example.manifest.name)
    again = index_from_json(json.loads(json.dumps(index_to_json(index))))
    assert again == index
    assert search_entries(again.entries, "manual verification") == search(
        example, "manual verification"
    )


def _catalog_run(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archlex", "catalog", *args],
        cwd=cwd,
        env={**os.environ, "ARCHLEX_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cached_answer_sees_every_edit(tmp_path: Path) -> None:
    model = tmp_path / "project" / "model"
    shutil.copytree(EXAMPLE, model, ignore=shutil.ignore_patterns("eu"))
    cache = tmp_path / "cache"
    first = _catalog_run("show", "2019/818 Art 22", cwd=model.parent, cache=cache)
    assert first.returncode == 0, first.stderr
    assert list((cache / "catalog").iterdir())  # the index was stored
    again = _catalog_run("show", "2019/818 Art 22", cwd=model.parent, cache=cache)
    assert again.stdout == first.stdout
    # An edited file: a requirement renamed.
    requirement = next(
        r
        for r in load(model).model.requirements
        if any(str(p).startswith("2019/818 Art 22") for p in r.satisfies)
    )
    files = [f for f in model.rglob("*.yaml") if f"title: {requirement.title}" in f.read_text()]
    assert files, requirement.id
    files[0].write_text(
        files[0].read_text().replace(f"title: {requirement.title}", "title: Renamed for the test")
    )
    edited = _catalog_run("show", "2019/818 Art 22", cwd=model.parent, cache=cache)
    assert "Renamed for the test" in edited.stdout
    # A new file that the manifest's include patterns pick up.
    (model / "requirements" / "added.yaml").write_text(
        "requirements:\n"
        "  - id: REQ-ADDED-FOR-TEST\n"
        "    title: Added for the test\n"
        "    type: functional\n"
        "    satisfies: [2019/818 Art 22(1)]\n"
    )
    added = _catalog_run("show", "2019/818 Art 22", cwd=model.parent, cache=cache)
    assert "REQ-ADDED-FOR-TEST" in added.stdout, added.stderr
    # A corrupt index is a miss, never an answer.
    for entry in (cache / "catalog").iterdir():
        entry.write_text('{"code": "x", "inputs": 1')
    corrupt = _catalog_run("show", "2019/818 Art 22", cwd=model.parent, cache=cache)
    assert corrupt.returncode == 0 and corrupt.stdout == added.stdout


def test_cached_answer_imports_neither_the_loader_nor_the_models(tmp_path: Path) -> None:
    # What makes the catalog answer fast: with an index stored, no pydantic model and no
    # YAML is loaded (timings are in benchmarks/bench_catalog.py, not in a test).
    cache = tmp_path / "cache"
    assert _catalog_run("show", "2019/818 Art 22", cwd=REPO, cache=cache).returncode == 0
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "archlex", "catalog", "show", "2019/818 Art 22"],
        cwd=REPO,
        env={**os.environ, "ARCHLEX_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in traced.stderr.splitlines()}
    assert "archlex.catalog.index" in imported
    assert not {"archlex.load", "archlex.model", "yaml", "archlex.check"} & imported

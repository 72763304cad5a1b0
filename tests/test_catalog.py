"""`archlex catalog`: list, show and search over the bundled catalog and a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import load
from archlex.catalog import article_eli, search, show_provision
from archlex.errors import ArchlexError
from archlex.model import Model
from tests.conftest import EXAMPLE, run_archlex


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

"""The bundled catalog's Latvian titles: shown in Latvian output, each with the Latvian text it
was read in as its source, and no more of them than a source was read for."""

from __future__ import annotations

import datetime as dt

import pytest

from archlex.api import check_model, in_language
from archlex.model.regulation import Regulation
from archlex.model.text import Text
from archlex.outcome import Report
from tests.conftest import EXAMPLE

# What the Latvian texts on EUR-Lex were read for (docs/i18n.md): 2019/817 Chapter I, Art 1
# and 2 (the consolidated LV text), and both acts' titles (OJ L 135, LV).
READ = {"2019/817": ({"I"}, {"1", "2"}), "2019/818": (set(), set())}


@pytest.fixture(scope="module")
def example() -> Report:
    """The worked example, checked once."""
    return check_model(EXAMPLE, EXAMPLE, today=dt.date(2026, 7, 1))


def _regulations(report: Report) -> dict[str, Regulation]:
    return {r.id: r for r in report.model.regulations}


def test_the_latvian_titles_are_shown_in_latvian(example: Report) -> None:
    latvian = _regulations(in_language(example, "lv"))
    english = _regulations(example)
    regulation = latvian["2019/817"]
    assert regulation.chapters[0].title == "Vispārīgi noteikumi"
    assert [a.title for a in regulation.articles[:3]] == ["Priekšmets", "Mērķi", "Scope"]
    assert english["2019/817"].articles[0].title == "Subject matter"
    assert latvian["2019/818"].title.startswith(
        "Eiropas Parlamenta un Padomes Regula (ES) 2019/818"
    )


def test_every_latvian_title_cites_the_latvian_text(example: Report) -> None:
    for regulation in example.model.regulations:
        chapters, articles = READ[regulation.id]
        translated = {c.number for c in regulation.chapters if _has_latvian(c.title)}
        assert translated == chapters, regulation.id
        numbered = {str(a.number) for a in regulation.articles if _has_latvian(a.title)}
        assert numbered == articles, regulation.id
        parts = [(c.title, c.source) for c in regulation.chapters]
        parts += [(a.title, a.source) for a in regulation.articles]
        for title, source in parts:
            if _has_latvian(title):
                assert source and "LV text" in source and "eur-lex" in source, title
        assert _has_latvian(regulation.title)


def _has_latvian(title: object) -> bool:
    return isinstance(title, Text) and "lv" in title.translations

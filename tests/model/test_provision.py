"""Provision references: the forgiving grammar, the canonical form, and tracing."""

from __future__ import annotations

import pytest

from archlex.model import Provision, parse_provision


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2019/817 Art 20(1)", "2019/817 Art 20(1)"),
        ("2019/817 art. 20 (1)", "2019/817 Art 20(1)"),
        ("2019/818 ART 22(1)(a)", "2019/818 Art 22(1)(a)"),
        ("2019/818 Article 22 (1) (A)", "2019/818 Art 22(1)(a)"),
        ("2019/817 Art 20a", "2019/817 Art 20a"),
        ("  2019/817   Art.20  ", "2019/817 Art 20"),
        ("LV-IeM-2020 Art 3(2)(b)(ii)", "LV-IeM-2020 Art 3(2)(b)(ii)"),
    ],
)
def test_forgiving_input_gives_the_canonical_form(written: str, canonical: str) -> None:
    provision = parse_provision(written)
    assert provision is not None and str(provision) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "",
        "Art 20",
        "2019/817",
        "2019/817 Art",
        "2019/817 Art x",
        "2019/817 Art 20(",
        "2019/817 Art 20(1)(a)(i)(x)",
        "2019/817 Para 20",
    ],
)
def test_text_that_is_not_a_provision_is_refused(written: str) -> None:
    assert parse_provision(written) is None


def test_article_and_its_paragraph_trace_each_other_but_not_siblings() -> None:
    article = Provision("2019/817", "20")
    paragraph = Provision("2019/817", "20", ("1",))
    point = Provision("2019/817", "20", ("1", "a"))
    assert article.contains(paragraph) and article.contains(point)
    assert not paragraph.contains(article)
    assert article.traces(paragraph) and paragraph.traces(article) and point.traces(article)
    assert not Provision("2019/817", "20", ("2",)).traces(paragraph)
    assert not Provision("2019/818", "20").traces(paragraph)
    assert not Provision("2019/817", "2").traces(Provision("2019/817", "20"))

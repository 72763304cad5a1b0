"""archlex.registry: one way to plug in an output, used by every family."""

from __future__ import annotations

import pytest

from archlex.diff.formats import DIFF_FORMATS
from archlex.errors import ArchlexError
from archlex.export.registry import EXPORTS
from archlex.formats import CHECK_FORMATS
from archlex.impact.formats import IMPACT_FORMATS
from archlex.imports.registry import IMPORTS
from archlex.registry import Registry
from archlex.render import PRODUCTS


def test_every_family_finds_its_modules_in_order() -> None:
    assert CHECK_FORMATS.names() == ["github", "json", "junit", "sarif", "text"]
    assert PRODUCTS.names() == ["diagrams", "matrix", "roadmap", "charts", "concept"]
    assert DIFF_FORMATS.names() == ["text", "markdown", "json"]
    assert IMPACT_FORMATS.names() == ["text", "json", "dot", "svg"]
    assert EXPORTS.names() == ["archimate", "structurizr", "reqif"]
    assert IMPORTS.names() == ["reqif", "xlsx", "csv", "review"]


def test_an_unknown_name_is_an_error_that_offers_the_closest() -> None:
    with pytest.raises(ArchlexError) as raised:
        DIFF_FORMATS.get("markdwn")
    assert raised.value.message == "there is no format 'markdwn'"
    assert raised.value.hint == "did you mean `markdown`?"
    with pytest.raises(ArchlexError) as raised:
        PRODUCTS.get("pdf")
    assert raised.value.hint == "products: diagrams, matrix, roadmap, charts, concept"


def test_a_registration_is_found_by_name_and_order() -> None:
    family: Registry[str] = Registry("thing", "archlex.toolkit")
    family.register("late", order=2)("b")
    family.register("early", order=1)("a")
    assert family.load() == {"early": "a", "late": "b"}
    assert family.get("late") == "b"

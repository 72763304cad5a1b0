"""The terminology register: every term sourced or marked, and the catalog agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import load
from archlex.errors import ArchlexError
from archlex.terminology import STATUSES, by_id, load_terminology
from tests.conftest import EXAMPLE


def test_every_term_has_a_source_unless_it_is_marked_unconfirmed() -> None:
    terms = load_terminology()
    assert len(terms) >= 30
    for term in terms:
        assert term.status in STATUSES
        assert term.source or term.status == "unconfirmed", term.en
        if term.status == "confirmed":
            assert "http" in term.source, term.en  # a page a reader can open


def test_the_components_are_named_as_in_2019_817_article_1() -> None:
    terms = by_id(load_terminology())
    assert terms["eu.ESP"].lv == "Eiropas meklēšanas portāls"
    assert terms["eu.CIR"].lv == "kopējs identitātes repozitorijs"
    assert terms["eu.sBMS"].abbreviation == "kopējais BMS"
    assert terms["eu.MID"].abbreviation == "MID"


def test_term_ids_name_entities_of_the_catalog() -> None:
    model = load(EXAMPLE).model
    for term_id in by_id(load_terminology()):
        assert model.get(term_id) is not None, term_id


def test_a_bad_status_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "terminology.yaml"
    path.write_text("terms:\n  - {en: portal, lv: portāls, status: maybe}\n", encoding="utf-8")
    with pytest.raises(ArchlexError, match=r"term 1 \(portal\) has status 'maybe'"):
        load_terminology(path)

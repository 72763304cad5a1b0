"""archlex ids as xs:IDs and DSL identifiers: valid, deterministic and never shared."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from archlex.export.ids import dsl_identifier, xml_id, xml_text

# An NCName as far as archlex's ids can reach it (ASCII name characters after a letter).
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
DSL = re.compile(r"^[A-Za-z_0-9]+$")
IDS = st.from_regex(r"^[\w./-]{1,40}$", fullmatch=True)


@given(IDS, IDS)
def test_two_ids_never_share_an_identifier(a: str, b: str) -> None:
    assert (xml_id(a) == xml_id(b)) == (a == b)
    assert (dsl_identifier(a) == dsl_identifier(b)) == (a == b)


@given(IDS)
def test_identifiers_are_valid(archlex_id: str) -> None:
    assert NCNAME.match(xml_id(archlex_id))
    assert DSL.match(dsl_identifier(archlex_id))


def test_examples_read_as_expected() -> None:
    assert xml_id("eu.ESP") == "id-eu.ESP"
    assert xml_id("2019/817") == "id-2019_2f_817"
    assert xml_id("a_b") == "id-a_5f_b"
    assert xml_id("Rīga") == "id-R_12b_ga"
    assert dsl_identifier("eu.ECRIS-TCN") == "e_eu_2e_ECRIS_2d_TCN"


def test_xml_text_removes_only_what_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x0bc\ufffe\ud800d\te\nf\r") == "abcd\te\nf\r"
    assert xml_text("<&>\"'") == "<&>\"'"

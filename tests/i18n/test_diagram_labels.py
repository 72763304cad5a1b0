"""The diagrams' own words follow the language they are drawn in, and only for that drawing."""

from __future__ import annotations

from dataclasses import dataclass

from archlex.model.system import SystemStatus
from archlex.render.diagrams.labels import in_diagram_language, speaking, text
from archlex.render.diagrams.style import DATA_MARKER, SPECIAL, STATUS_MARKER


def test_labels_are_english_outside_a_latvian_drawing() -> None:
    assert text("edge.flows", count=3) == "3 flows"
    with speaking("lv"):
        assert text("cluster.legend") == "Apzīmējumi"
        assert DATA_MARKER[SPECIAL] == "[ĪPAŠI]"
        assert STATUS_MARKER[SystemStatus.CHANGING] == "(mainās)"
        assert STATUS_MARKER[SystemStatus.EXISTING] == ""
    assert text("cluster.legend") == "Legend"
    assert DATA_MARKER[SPECIAL] == "[SPECIAL]"


def test_counts_take_the_latvian_plural_forms() -> None:
    with speaking("lv"):
        forms = [text("edge.flows", count=n) for n in (21, 3, 11, 0)]
    # Latvian: a number ending in 1 (not 11) takes the singular, zero its own form.
    assert forms == ["21 plūsma", "3 plūsmas", "11 plūsmas", "0 plūsmu"]


@dataclass
class _Context:
    language: str


@in_diagram_language
def _legend_title(context: _Context) -> str:
    return text("cluster.legend")


def test_a_function_of_a_render_context_speaks_its_language() -> None:
    assert _legend_title(_Context("lv")) == "Apzīmējumi"
    assert _legend_title(_Context("en")) == "Legend"
    assert text("cluster.legend") == "Legend"  # and only while it runs

"""The ArchiMate views: one per archlex diagram, every figure and line backed by the model,
laid out by Graphviz without figures overlapping."""

from __future__ import annotations

import dataclasses
from itertools import combinations
from typing import Any

from archlex.export.archimate import archimate_xml
from archlex.model import Model
from tests.export.test_archimate import NS, XSI_TYPE, parse

Box = tuple[int, int, int, int]


def views(text: str) -> dict[str, Any]:
    """The views of the document by identifier."""
    root = parse(text)
    return {v.get("identifier"): v for v in root.iterfind("a:views/a:diagrams/a:view", NS)}


def box(node: Any) -> Box:
    """A figure's x, y, w, h."""
    x, y, w, h = (int(node.get(k)) for k in ("x", "y", "w", "h"))
    return x, y, w, h


def inside(inner: Box, outer: Box) -> bool:
    """Whether one box lies within another."""
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share any area."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_a_view_per_diagram(example: Model, example_xml: str) -> None:
    found = set(views(example_xml))
    processes = {f"view-process-{p.id}" for p in example.processes}
    environments = {h.environment.value for n in example.nodes for h in n.hosts}
    technology = {f"view-technology-{e}" for e in environments}
    assert environments == {"production", "dr", "test", "acceptance"}
    assert found == {"view-context", "view-technical", *processes, *technology}


def test_figures_and_lines_are_backed_by_the_model(example_xml: str) -> None:
    root = parse(example_xml)
    elements = {e.get("identifier") for e in root.iterfind("a:elements/a:element", NS)}
    relationships = {
        r.get("identifier"): (r.get("source"), r.get("target"))
        for r in root.iterfind("a:relationships/a:relationship", NS)
    }
    for view in views(example_xml).values():
        figures = {n.get("identifier"): n for n in view.iterfind(".//a:node", NS)}
        for figure in figures.values():
            if figure.get(XSI_TYPE) == "Element":
                assert figure.get("elementRef") in elements
            else:
                assert figure.findtext("a:label", namespaces=NS)
        lines = list(view.iterfind("a:connection", NS))
        assert lines, view.get("identifier")
        for line in lines:
            ends = (
                figures[line.get("source")].get("elementRef"),
                figures[line.get("target")].get("elementRef"),
            )
            assert relationships[line.get("relationshipRef")] == ends


def test_figures_nest_inside_their_parents_and_never_overlap(example_xml: str) -> None:
    for view in views(example_xml).values():
        for parent in [view, *view.iterfind(".//a:node", NS)]:
            children = list(parent.iterfind("a:node", NS))
            if parent is not view:
                assert all(inside(box(c), box(parent)) for c in children)
            for a, b in combinations(children, 2):
                assert not overlap(box(a), box(b)), (view.get("identifier"), a.get("identifier"))


def test_the_context_view_draws_every_flow(example: Model, example_xml: str) -> None:
    context = views(example_xml)["view-context"]
    drawn = {line.get("relationshipRef") for line in context.iterfind("a:connection", NS)}
    assert len(drawn) == len(example.flows)


def test_a_latvian_model_gets_its_views_named_in_latvian(example: Model) -> None:
    manifest = example.manifest.model_copy(update={"language": "lv"})
    latvian = dataclasses.replace(example, manifest=manifest)
    root = parse(archimate_xml(latvian))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    names = {v.get("identifier"): v.find("a:name", NS) for v in root.iterfind(".//a:view", NS)}
    assert {n.get(lang) for n in names.values() if n is not None} == {"lv"}
    shown = {v: n.text for v, n in names.items() if n is not None}
    assert shown["view-context"] == "Konteksts"
    assert shown["view-technical"] == "Tehniskais skats pa zonām"
    assert shown["view-technology-production"] == "Tehnoloģijas: Produkcija"
    labels = {n.text for n in root.iterfind(".//a:view//a:label", NS)}
    assert "Nacionālās sistēmas" in labels and "National systems" not in labels
    english = parse(archimate_xml(example))
    assert {n.get(lang) for n in english.iterfind(".//a:view/a:name", NS)} == {"en"}

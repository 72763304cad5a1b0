"""The short cuts of the pages' Markdown (links, front matter, a diagram's lines) write what
the general code writes: relpath, PyYAML, a scan of every flow."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archlex.api import check_model
from archlex.model import Flow
from archlex.outcome import Report
from archlex.site.diagram_svg import DiagramLinks
from archlex.site.links import SiteMap, relative
from archlex.site.markdown import page, with_tags
from archlex.toolkit.escape import html_text
from archlex.toolkit.yaml_text import yaml_text

EXAMPLE = Path(__file__).resolve().parents[2] / "model"
AS_OF = dt.date(2026, 1, 1)

_PART = st.sampled_from(["", ".", "..", "a", "b", "A", "c.md", "index.md", "art-1"])
_PATH = st.lists(_PART, min_size=1, max_size=4).map("/".join)
# Letters, YAML's indicators and quotes, spaces, line breaks, control and wide characters.
_TEXT = st.text(st.sampled_from(list("aZ0 :#-'\"?!&*|>%@`{}[],.~\\\t\n\x85\u2028ā🙂")), max_size=12)
_WORDS = st.sampled_from(["true", "no", "~", "null", "1e3", "0x1F", "2026-01-01", "- a", "a: b"])


@given(_PATH, _PATH)
@example("systems/a.md", "systems/b.md")
@example("index.md", "flows/f.md")
@example("/abs/page.md", "flows/f.md")
def test_a_link_is_what_relpath_gives(source: str, target: str) -> None:
    if not target:
        return
    assert relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


@settings(max_examples=200)
@given(st.one_of(_TEXT, _WORDS), st.lists(st.one_of(_TEXT, _WORDS), max_size=3))
@example("RKIS: Border Control", ["system", "it's"])
@example("\x85", [])
@example("---\n", [])  # a line that would end the front matter
@example("a\n---\nb: c", ["t"])
@example("", ["---\n"])  # a tag's line too (found by this test in CI)
def test_the_front_matter_is_what_yaml_writes_and_reads(title: str, tags: list[str]) -> None:
    written = page(title, tags, ["Body."])
    meta: dict[str, object] = {"title": html_text(" ".join(title.split()))}  # on one line
    if tags:
        meta["tags"] = sorted({html_text(" ".join(t.split())) for t in tags})  # on one line
    assert written.startswith("---\n" + yaml_text(meta, sort_keys=True) + "---\n\n# ")
    # An entity's own tags: its page's front matter read by PyYAML, the tags added, written.
    read = yaml.safe_load(written.split("---\n", 2)[1])
    own = {"extra", *(html_text(" ".join(t.split())) for t in tags)}
    read["tags"] = sorted(set(read.get("tags", [])) | own)
    more = with_tags(written, ["extra", *tags])
    assert more.startswith("---\n" + yaml_text(read, sort_keys=True) + "---\n\n# ")


@pytest.fixture(scope="module")
def report() -> Report:
    """The example, checked."""
    return check_model(EXAMPLE, EXAMPLE, today=AS_OF)


def _scan(links: DiagramLinks, ends: list[str]) -> list[Flow]:
    """The flows between two boxes as found before the index: every flow looked at."""
    a, b = (links._members.get(e, {e}) | {e} for e in ends)
    flows = sorted({f.id: f for f in sorted(links.model.flows, key=lambda f: f.id)}.items())
    found = []
    for _, flow in flows:
        starts, stops = {flow.from_, flow.via}, {flow.to, flow.via}
        joins = (starts & a and stops & b) or (starts & b and stops & a)
        if joins and flow.id in links.site.pages:
            found.append(flow)
    return found


def test_the_flows_between_two_boxes_are_those_a_scan_finds(report: Report) -> None:
    model = report.model
    links = DiagramLinks(model, SiteMap.build(model))
    boxes = sorted({*links._members, *(c.id for s in model.systems for c in s.components)})
    boxes += [d.id for d in model.data]
    found = 0
    for tail in boxes:
        for head in boxes:
            between = links._flows_between([tail, head])
            assert between == _scan(links, [tail, head]), (tail, head)
            found += len(between) > 1
    assert found  # some pairs of boxes have several flows between them

"""A page's front matter read without PyYAML (archlex.site.front_matter) is what PyYAML's safe
loader reads, as mkdocs' `Page.read_source` gives it, or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import meta

from archlex.site import front_matter as front_matter_module
from archlex.site.front_matter import FrontMatter, front_matter
from archlex.site.markdown import _front_matter, page

TAKEN = [
    "title: 'A.REQ-1: Keep it'\ntags:\n- national\n- system\n",
    "hide:\n- navigation\n- toc\ntitle: Context\n",
    "tags:\n- '2026'\ntitle: '1.5'\n",
]
LEFT = [  # forms PyYAML reads otherwise, or archlex does not write
    "title: x\ntags:\n",  # a key without items is null
    "title: 1\n",  # an int
    "title: yes\n",  # a bool
    "title: 'it''s'\n",  # PyYAML writes it plain
    "title: a\ntitle: b\n",  # the last one wins in PyYAML
    "title: x\n- y\n",  # an item without its key
    "tags: [a, b]\n",  # a flow sequence
    "  title: x\n",  # indented
    "Title: x\n",  # a key archlex does not write
    "title: \n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_the_front_matter_archlex_writes_reads_as_pyyaml_reads_it(text: str) -> None:
    data = front_matter(text)
    assert data is not None and list(data.items()) == list(yaml.safe_load(text).items())


@pytest.mark.parametrize("text", LEFT)
def test_other_front_matter_is_left_to_pyyaml(text: str) -> None:
    assert front_matter(text) is None


WORDS = st.sampled_from(["a", "1", "yes", "null", "x: y", "it's", "#", "- a", "~", "Ķ", "'q'"])


@given(
    title=st.lists(WORDS, min_size=1, max_size=3).map(" ".join),
    tags=st.lists(st.lists(WORDS, min_size=1, max_size=2).map(" ".join), max_size=3),
)
def test_written_pages_read_as_pyyaml_reads_them(title: str, tags: list[str]) -> None:
    """Each page archlex writes: PyYAML's reading, or None."""
    found = meta.YAML_RE.match(page(title, tags, ["Text."]))
    assert found is not None
    data = front_matter(found.group(1))
    theirs = yaml.safe_load(found.group(1))
    assert data is None or list(data.items()) == list(theirs.items())
    hidden = _front_matter({"title": title, "hide": ["navigation", "toc"]})
    found = meta.YAML_RE.match(hidden)
    assert found is not None
    data = front_matter(found.group(1))
    assert data is None or list(data.items()) == list(yaml.safe_load(found.group(1)).items())


class _Page:
    """What `read_source` reads of an mkdocs page."""

    def __init__(self, path: Path) -> None:
        self.file = type("File", (), {"content_string": path.read_text(), "src_path": "p.md"})
        self.markdown: str | None = None
        self.meta: dict[str, Any] = {}


class _Config:
    plugins = type("Plugins", (), {"on_page_read_source": staticmethod(lambda **_: None)})


def test_a_reader_that_differs_is_put_out_of_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A front matter read otherwise than PyYAML reads it is caught on the first page: that
    page and every later one get PyYAML's reading."""
    source = tmp_path / "p.md"
    source.write_text("---\ntitle: 'A: b'\ntags:\n- x\n---\n\n# A: b\n", encoding="utf-8")
    reader = FrontMatter()
    page = _Page(source)
    reader.read_source(page, _Config())  # type: ignore[arg-type]
    assert (page.markdown, page.meta) == ("# A: b\n", {"title": "A: b", "tags": ["x"]})
    assert reader.read == 1 and reader.trusted.checking
    monkeypatch.setattr(front_matter_module, "front_matter", lambda text: {"title": "other"})
    for _ in range(2):
        page = _Page(source)
        reader.read_source(page, _Config())  # type: ignore[arg-type]
        assert page.meta == {"title": "A: b", "tags": ["x"]}
    assert reader.trusted.off and reader.read == 1

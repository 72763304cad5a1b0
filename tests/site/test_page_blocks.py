"""The block converter (archlex.site.page_blocks) gives what mkdocs' `Page.render` gives, or
nothing: its HTML, table of contents, title, anchors, links and warnings are compared with
Python-Markdown's page by page, on chosen and on generated pages, and in a whole site."""

from __future__ import annotations

import importlib
import logging
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archlex.site import page_blocks, page_markdown
from archlex.site.build import run_mkdocs
from archlex.site.page_links import PageLinks
from archlex.site.page_markdown import PageMarkdown
from archlex.site.page_search import PageSearch
from archlex.site.search_sections import sections
from archlex.site.trusted import Trusted
from tests.site.spied import spied
from tests.site.test_page_shell import _mkdocs, _same_sites

CONFIG = """\
site_name: Blocks
use_directory_urls: false
theme: {name: material}
nav: [{Home: index.md}]
not_in_nav: /e/*.md
plugins: [search, tags]
markdown_extensions: [tables, admonition, {toc: {permalink: true}}]
"""
FIGURE = (  # a diagram's figure as archlex inlines it (archlex.site.pages_diagrams)
    '<figure class="archlex-diagram" data-archlex-diagram="">\n'
    '<div class="archlex-diagram__view" tabindex="0" aria-label="A &amp; B">\n'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">\n'
    '<g id="d-a-node1" class="node"><title>A to B</title>\n'
    '<a href="../e/p1.html" xlink:title="Box &amp; 1">'
    '<text x="1">A  &lt;b&gt; &#45;&gt;</text></a>\n'
    "</g>\n</svg>\n</div>\n<figcaption>A &amp; B</figcaption>\n</figure>"
)
TAKEN = {  # pages the converter writes
    "odd heading": "# A.REQ-1: Keep it (99.8 %) > 'up' / \"on\" — now?\n\nText.\n",
    "duplicate headings": "# Same\n\n## Same\n\n## Same\n\n### Same 1\n\n## \\*\n\n## \\*\n",
    "latvian": "# Valsts robežsardzes sistēma: ĶŅĢ\n\n## Ārējā pārbaude\n\n- **Teksts:** ūdens\n",
    "links with anchors": "# L\n\n- [a](p1.md#x) [b](../index.md) [c](p1.md#x) [d](#top)\n"
    "- [e](https://example.org/a_b?c=1) [f](p1.md)\n",
    "tables": "# T\n\n| A | B \\| C | *D* |\n| --- | :-: | --: |\n| [x](p1.md) | a \\| b |  |\n"
    "| **y** | \\*z\\* | c |\n",
    "paragraphs": "# P\n\nOne line\nand **two** *words*.\n\n\n\nThird \\[not a link\\].\n",
    "no h1 first": "Intro text.\n\n# Title later\n\n## Part\n",
    "missing target": "# M\n\n- [gone](missing.md) [gone too](../nowhere/x.md#a)\n",
    "empty cells and dashes": "# E\n\n| A | B |\n| --- | --- |\n| - | 1-2 |\n\n- a - b\n",
    "image": "# I\n\n![alt](x.png)\n",
    "figure": f"# F\n\n- item\n\n{FIGURE}\n\n[![Alt: one](p1.md)](p1.md#x)\n\nAfter.\n",
    "figure first, blank lines inside": FIGURE.replace("<svg", "<p>a</p>\n\n\n<svg") + "\n",
    "figure last": f"# L\n\n{FIGURE}",
    "raw html": "# R\n\n<div id='x'>raw</div>\n",
    "inline tags": '# T\n\n**A:** [B](p1.md)<span class="c" data-x="" hidden=""> · '
    '<a href="p1.html" download="p.png">PNG</a></span>\n\n| **[a](p1.md)**<br>b | c |\n'
    "| --- | --- |\n| *x*<br>**y** | z |\n",
    "code spans": "# C\n\nRun ` archlex check ` and `a*b*` here.\n\n- `x` **y** \\`z\\`\n",
    "comment": "# C\n\n<!-- docx: page-break -->\n\n## Next\n\n<!-- last -->\n",
    "code": "# C\n\nSome `code`.\n",
    "lazy item": "# Z\n\n- a\ncontinued\n",
    "lazy line": "# Z\n\n- a\n- b\ncontinued *here*\nand here.\n\nText.\n",
}
EITHER = {  # pages the converter may take or leave, but if it takes them, it writes them right
    "one column": "# T\n\n| A |\n| --- |\n| x |\n",
    "trailing spaces": "# T\n\nLine one \nline two \n\n- item\n",
    "heading hashes inside": "# a #b\n\n##  spaced  out\n",
    "non-breaking spaces": "# \u00a0T\u00a0x\n\nA\u00a0b\n",
    "numbers": "# N\n\n2019/817 Art 1.\n1) first\n",
    "rule row with spaces": "# R\n\n| A | B |\n|---|:---:|\n| 1 | 2 |\n",
}
FALLBACK = {  # pages Python-Markdown converts
    "admonition": '# A\n\n!!! note "Heads up"\n    Text.\n',
    "raw html inline at a line's start": "# R\n\n<span>raw</span> text\n",
    "figure without a blank line after": f"# F\n\n{FIGURE}\nText.\n",
    "unbalanced figure": "# U\n\n<figure><div>a</figure>\n",
    "valueless id": "# V\n\n<div id>a</div>\n",
    "inline tag with an id": '# I\n\nA <span id="s">b</span>.\n',
    "fence in a block": "# F\n\n<div>\n```\nx\n```\n</div>\n",
    "code with an ampersand": "# C\n\n`a & b`\n",
    "emphasis across a tag": "# E\n\n*a <br> b*\n",
    "comment of two lines": "# C\n\n<!-- a\nb -->\n",
    "svg title with a reference": "# T\n\n<div><svg><title>a &amp; b</title></svg></div>\n",
    "entity": "# E\n\nR&amp;D\n",
    "loose list": "# L\n\n- a\n\n- b\n",
    "nested list": "# N\n\n- a\n    - b\n",
    "quote": "# Q\n\n> quoted\n",
    "ordered": "# O\n\n1. one\n",
    "setext": "Title\n=====\n",
    "rule": "# H\n\n---\n",
    "attribute list": "# H {: #own }\n",
    "hard break": "# B\n\nline  \nnext\n",
    "table without border": "# T\n\nA | B\n--- | ---\n1 | 2\n",
    "underscore": "# U\n\nsnake_case\n",
    "closing hashes": "# Closed #\n",
}


# the pages of a site built in strict mode, as archlex builds (no missing targets)
_STRICT = {
    name: text
    for name, text in (TAKEN | EITHER | FALLBACK).items()
    if name not in ("missing target", "image", "valueless id")  # mkdocs keeps its None id
}


def _project(root: Path, pages: dict[str, str]) -> Path:
    docs = root / "docs"
    (docs / "e").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nHello.\n", encoding="utf-8")
    (docs / "e" / "p1.md").write_text("# One\n\n## X\n", encoding="utf-8")
    for n, text in enumerate(pages.values()):
        front = f"---\ntitle: Page {n}\ntags: [t{n % 2}]\n---\n\n"
        (docs / "e" / f"c{n}.md").write_text(front + text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def _loaded(config_file: Path) -> tuple[Any, Any]:
    from mkdocs.config import load_config

    from archlex.site.mkdocs_build import _read_pages

    config = load_config(str(config_file), site_dir=str(config_file.parent / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    return config, _read_pages(config, None)[0]


def _both(config: Any, files: Any, page: Any, caplog: pytest.LogCaptureFixture) -> tuple[Any, Any]:
    """The page converted here (None if not) and by `Page.render`, each with its warnings."""
    from mkdocs.structure.pages import _RelativePathTreeprocessor

    kept = PageMarkdown(config)
    kept._instance()
    assert kept.converter is not None  # the tags plugin's attribute lists are allowed for
    relative = _RelativePathTreeprocessor(page.file, files, config)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        made = kept.converter.convert(page.markdown, partial(PageLinks().link, relative))
        ours = None if made is None else _parts(made, relative.links_to_anchors, caplog)
        caplog.clear()
        page.render(config, files)
        messages = [record.getMessage() for record in caplog.records]
        theirs: tuple[Any, ...] = (page.content, str(page.toc), page._title_from_render)
        theirs += (page.present_anchor_ids, page.links_to_anchors, messages)
    return ours, theirs


def _parts(made: page_blocks.Converted, links: Any, caplog: Any) -> tuple[Any, ...]:
    from mkdocs.structure.toc import get_toc

    toc = str(get_toc(made.tokens))  # type: ignore[arg-type]
    messages = [record.getMessage() for record in caplog.records]
    return (made.content, toc, made.title, made.anchors, links, messages, made.blocks)


@pytest.fixture(scope="module")
def chosen(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    root = tmp_path_factory.mktemp("blocks")
    return _loaded(_project(root, TAKEN | EITHER | FALLBACK))


@pytest.mark.parametrize("name", list(TAKEN | EITHER | FALLBACK))
def test_a_page_converts_as_python_markdown_converts_it_or_falls_back(
    name: str, chosen: tuple[Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    config, files = chosen
    n = list(TAKEN | EITHER | FALLBACK).index(name)
    page = files.get_file_from_path(f"e/c{n}.md").page
    ours, theirs = _both(config, files, page, caplog)
    if name in FALLBACK:
        assert ours is None, name
        return
    if name in EITHER and ours is None:
        return
    assert ours is not None and ours[:-1] == theirs, name
    if name == "missing target":
        assert len(theirs[-1]) == 2 and "not found among documentation files" in theirs[-1][0]
    module = importlib.import_module("material.plugins.search.plugin")
    _same_search(module, config, page, ours[-1])


def _same_search(module: Any, config: Any, page: Any, blocks: Any = ()) -> None:
    """The sections made directly (the raw `blocks` taken whole) give the search plugin's own
    entries."""
    index = config.plugins["material/search"].search_index
    index.entries.clear()
    made = sections(page.content, module, frozenset(module.Parser().keep), blocks)
    if made is None:  # a block with an element the parser treats otherwise: parsed by it
        assert any(block.texts is None for block in blocks)
        return
    for section in made:
        index.create_entry_for_section(section, page.toc, page.url, page)
    ours = list(index.entries)
    index.entries.clear()
    type(index).add_entry_from_context(index, page)
    assert ours == index.entries and ours


WORDS = st.sampled_from(
    [
        *("Robežsardze", "A.REQ-1:", "(99.8 %)", "x > y", "'q'", "Same", "same", "#", "\\*"),
        *("**bold**", "*it*", "[p1](p1.md)", "[a](p1.md#x)", "[gone](no.md)", "ĶŅ", "a-b"),
        *("—", "\\|"),
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
BLOCK = st.one_of(
    st.tuples(st.integers(1, 6), TEXT).map(lambda h: f"{'#' * h[0]} {h[1]}"),
    st.lists(TEXT, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(TEXT, min_size=1, max_size=2).map("\n".join),
    st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=3).map(
        lambda rows: "| A | B |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(source=st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join))
def test_generated_pages_convert_as_python_markdown_converts_them(
    source: str, chosen: tuple[Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    config, files = chosen
    page = files.get_file_from_path("e/c0.md").page
    page.markdown = source
    ours, theirs = _both(config, files, page, caplog)
    assert ours is None or ours[:-1] == theirs, source
    if ours is not None:
        module = importlib.import_module("material.plugins.search.plugin")
        _same_search(module, config, page, ours[-1])


def test_the_whole_site_is_the_one_mkdocs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built with the converter and the direct search sections, the site (search index among its
    files) is `mkdocs build`'s, byte for byte."""
    config = _project(tmp_path / "project", _STRICT)
    made = spied(monkeypatch)
    run_mkdocs(config, tmp_path / "ours")
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")
    kept, search = made
    assert isinstance(kept, PageMarkdown) and isinstance(search, PageSearch)
    assert kept.converted >= len(TAKEN) - 1 and not kept.blocks["e"].off
    assert search.direct_pages >= len(TAKEN) - 1 and not search.direct.off
    # the pages with raw HTML (figures, inline tags, comments): checked apart, and taken
    assert not kept.blocks["e <raw>"].off and not kept.blocks["e <raw>"].checking
    assert not search.direct_raw.off and not search.direct_raw.checking


def test_a_converter_that_differs_is_put_out_of_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A converter giving other HTML is caught by its first checked page; the site is still
    mkdocs' own."""
    config = _project(tmp_path / "project", _STRICT)
    made = spied(monkeypatch)
    convert = page_blocks.BlockConverter.convert

    def wrong(self: page_blocks.BlockConverter, *args: Any) -> page_blocks.Converted | None:
        converted = convert(self, *args)
        if converted is None:
            return None
        return page_blocks.Converted(
            converted.content + "<p>x</p>", *list(vars(converted).values())[1:]
        )

    monkeypatch.setattr(page_blocks.BlockConverter, "convert", wrong)
    run_mkdocs(config, tmp_path / "ours")
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")
    kept = made[0]
    assert isinstance(kept, PageMarkdown) and kept.blocks["e"].off
    assert kept.converted == len(kept.blocks)  # each folder's first page differed: no more


def test_a_fast_way_is_trusted_after_its_checks_and_never_after_a_difference() -> None:
    way = Trusted(2)
    assert way.take() and way.checking
    way.agreed()
    assert way.checking
    way.agreed()
    assert way.take() and not way.checking
    way.disagreed()
    assert not way.take() and not way.checking


def test_a_large_page_is_not_converted_while_its_folder_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page over `CHECKED_LARGEST` goes the old way while its folder's converter is still to
    be checked (a check renders it both ways): with every page large, none is converted."""
    config = _project(tmp_path / "project", _STRICT)
    monkeypatch.setattr(page_markdown, "CHECKED_LARGEST", 0)
    made = spied(monkeypatch)
    run_mkdocs(config, tmp_path / "ours")
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")
    kept = made[0]
    assert isinstance(kept, PageMarkdown) and kept.converted == 0 and kept.blocks["e"].checking

"""Large raw HTML blocks (a diagram's inline SVG) kept out of Python-Markdown by stand-ins
(archlex.site.raw_blocks) and their text given to the search index directly
(archlex.site.search_text): the site is the one mkdocs' own build writes, byte for byte, and a
block Python-Markdown would not copy as written converts the old way."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.site.build import run_mkdocs
from archlex.site.page_markdown import PageMarkdown
from archlex.site.page_search import PageSearch
from archlex.site.raw_blocks import stood_in
from archlex.site.trusted import Trusted
from tests.site.spied import spied
from tests.site.test_page_shell import _mkdocs, _project, _same_sites


def _svg(n: int, extra: str = "") -> str:
    """A figure with an SVG of linked, titled boxes, as the diagram pages inline it."""
    boxes = "".join(
        f'<g id="d{n}-node{i}" class="node"><title>N{i}</title>\n'
        f'<a href="../a/p{i % 12}.html" xlink:title="Box &amp; {i}">\n'
        f'<polygon fill="#fff" points="0,0 1,{i}" />\n'
        f'<text x="{i}" y="2">Box {i} &#45;&gt; &lt;b&gt; &#x27;q&#x27;</text>\n</a>\n</g>\n'
        for i in range(40)
    )
    return (
        f'<figure class="archlex-diagram" data-archlex-diagram="">\n<div class="view">\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">\n{boxes}{extra}</svg>\n'
        "</div>\n</figure>"
    )


# What comes around or inside a block: each page's site must be mkdocs' own all the same.
PAGES = {
    "plain": _svg(0),
    "two": f"{_svg(1)}\n\nBetween **them**.\n\n{_svg(2)}",
    "incomplete reference": _svg(3, "<text>a &#45 b</text>\n"),
    "comment": _svg(4, "<!-- drawn by dot -->\n"),
    "unclosed before": f'<div class="open">\n\n{_svg(5)}',
    "after text": f"Some text\n{_svg(6)}",
    "paragraph inside": _svg(7).replace("<svg", "<p>A <em>caption</em></p>\n<svg"),
    "heading inside": _svg(8).replace("<svg", '<h2 id="in">In</h2>\n<svg'),
    "tab": _svg(9).replace('class="node"', 'class="node"\t'),
}


def _diagrams(root: Path) -> Path:
    """The shells' test project with a folder of diagram pages, and a page linking into one."""
    config = _project(root)
    folder = root / "docs" / "d"
    folder.mkdir()
    for n, body in enumerate(PAGES.values()):
        front = f"---\ntitle: Diagram {n}\nhide: [navigation, toc]\n---\n\n"
        (folder / f"svg{n}.md").write_text(f"{front}# Diagram {n}\n\n{body}\n\nAfter.\n")
    links = "[box](../d/svg0.md#d0-node3) [other](../d/svg2.md#d2-node39)\n"
    (root / "docs" / "a" / "links.md").write_text(f"# Links\n\n{links}")
    text = config.read_text(encoding="utf-8").replace("/b/*.md", "/b/*.md\n  /d/*.md")
    config.write_text(text, encoding="utf-8")
    return config


def test_pages_with_stood_in_blocks_are_the_pages_mkdocs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _diagrams(tmp_path / "project")
    made = spied(monkeypatch)
    run_mkdocs(config, tmp_path / "ours")
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")  # the search index among the files
    kept, search = made
    assert isinstance(kept, PageMarkdown) and isinstance(search, PageSearch)
    assert not kept.stand_ins["d"].checking  # two pages checked both ways, none differed
    assert not any(way.off for way in kept.stand_ins.values()), kept.stand_ins  # nor elsewhere
    assert search.shortcuts >= 6 and not search.shortcut.checking and not search.shortcut.off


def test_each_block_converts_as_python_markdown_converts_it(tmp_path: Path) -> None:
    """Each page through the kept instance, stand-ins trusted, is the page mkdocs renders."""
    from mkdocs.config import load_config

    from archlex.site.mkdocs_build import _read_pages

    config = load_config(str(_diagrams(tmp_path / "project")), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = _read_pages(config, None)[0]
    kept = PageMarkdown(config)
    for way in (kept.trusted, kept.simple, kept.stand_ins.setdefault("d", Trusted())):
        way.trust()  # trusted: no checks
    stood = {"plain": 1, "two": 2, "unclosed before": 1, "paragraph inside": 1, "heading inside": 1}
    for n, name in enumerate(PAGES):
        page = files.get_file_from_path(f"d/svg{n}.md").page  # type: ignore[union-attr]
        assert page is not None and page.markdown is not None
        kept.render(page, files)
        ours = (page.content, str(page.toc), page.title, page.present_anchor_ids)
        page.render(config, files)
        assert ours == (page.content, str(page.toc), page.title, page.present_anchor_ids), name
        blocks = stood_in(page.markdown, kept._instance().is_block_level)
        assert (len(blocks.blocks) if blocks else 0) == stood.get(name, 0), name
        assert any(a.endswith("-node39") for a in ours[3] or ()), name  # ids in the block

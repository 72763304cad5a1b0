"""The entity pages' theme written into shells of material's template (archlex.site.page_shell):
the site is the one mkdocs' own build writes, byte for byte, and a template whose output a shell
cannot give (a filter on the title, the page's own address) is rendered as mkdocs renders it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.site import mkdocs_workers
from archlex.site.build import run_mkdocs
from archlex.site.mkdocs_workers import WORKERS_VARIABLE
from archlex.site.page_shell import PageShells

CONFIG = """\
site_name: Shells & <b>sites</b>
use_directory_urls: false
strict: true
theme: {name: material, custom_dir: overrides, features: [navigation.top, toc.follow]}
nav: [{Home: index.md}, {Tags: tags.md}]
not_in_nav: |
  /a/*.md
  /b/*.md
plugins: [search, tags]
markdown_extensions: [tables, {toc: {permalink: true}}]
"""
HOSTILE = 'R&amp;D &lt;script&gt;alert(1)&lt;/script&gt; "quoted"'


def _page(n: int) -> str:
    """An entity-like page: title, tags, and 0 to 3 sections (one with a sub-section)."""
    tags = ["", "tags: [draft]\n", f"tags: ['{HOSTILE}', agreed, t{n % 3}]\n"][n % 3]
    sections = "".join(f"\n## Part {s} &amp; {HOSTILE}\n\nText {s}.\n" for s in range(n % 4))
    deeper = "\n### Deeper\n\nMore.\n" if n == 7 else ""
    front = f"---\ntitle: 'Page {n}: {HOSTILE}'\n{tags}---\n\n"
    return f"{front}# Page {n}\n\n[Home](../index.md)\n{sections}{deeper}"


def _project(root: Path, main_html: str = "") -> Path:
    docs = root / "docs"
    for folder in ("a", "b"):
        (docs / folder).mkdir(parents=True)
        for n in range(12):
            (docs / folder / f"p{n}.md").write_text(_page(n), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nHello.\n", encoding="utf-8")
    (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    (docs / "b" / "untitled.md").write_text("# No front matter\n\nText.\n", encoding="utf-8")
    for n in range(4):  # pages that hide the sidebars, as the diagram pages do
        hidden = f"---\ntitle: Hidden {n}\nhide: [navigation, toc]\n---\n\n# Hidden {n}\n"
        (docs / "b" / f"hidden{n}.md").write_text(hidden, encoding="utf-8")
    (root / "overrides").mkdir()
    if main_html:
        (root / "overrides" / "main.html").write_text(main_html, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return root / "mkdocs.yml"


def _built(config: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Build with archlex's page writing in this process; the pages written from shells."""
    made: list[PageShells] = []

    class Counted(PageShells):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(mkdocs_workers, "PageShells", Counted)
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    run_mkdocs(config, site)
    return sum(shells.written for shells in made)


def _mkdocs(config: Path, site: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config), site_dir=str(site)))


def _same_sites(ours: Path, theirs: Path) -> None:
    expected = {
        p.relative_to(theirs): p.read_bytes()
        for p in theirs.rglob("*")
        if p.is_file() and not p.name.startswith("sitemap.xml")
    }
    written = {p.relative_to(ours) for p in ours.rglob("*") if p.is_file()}
    assert {p for p in written if not p.name.startswith("sitemap.xml")} == set(expected)
    for relative, content in expected.items():
        assert (ours / relative).read_bytes() == content, relative


def test_pages_from_shells_are_the_pages_mkdocs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path / "project")
    written = _built(config, tmp_path / "ours", monkeypatch)
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")  # the search index among the files
    # Of each folder's 12 pages, the one with a sub-section is rendered by the template, and
    # so are the first two of each shape (sections or not, tags or not: 1, 2, 3 and 5 pages
    # here), which check the shell: 0 + 0 + 1 + 3 pages a folder from the shells alone, and
    # 2 of the 4 pages that hide the sidebars.
    assert written == 10
    page = (tmp_path / "ours" / "a" / "p5.html").read_text(encoding="utf-8")
    assert "<title>Page 5: R&amp;D &lt;script&gt;" in page
    assert 'class="md-tag">R&amp;D &lt;script&gt;' in page


@pytest.mark.parametrize(
    "template",
    [
        '{% extends "base.html" %}{% block htmltitle %}'
        "<title>{{ page.title | striptags if page }}</title>{% endblock %}",
        '{% extends "base.html" %}{% block extrahead %}'
        '<meta name="page" content="{{ page.url if page }}">{% endblock %}',
    ],
    ids=["filtered title", "own address"],
)
def test_a_template_a_shell_cannot_give_is_rendered_as_mkdocs_renders_it(
    template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _project(tmp_path / "project", template)
    written = _built(config, tmp_path / "ours", monkeypatch)
    _mkdocs(config, tmp_path / "theirs")
    _same_sites(tmp_path / "ours", tmp_path / "theirs")
    assert written == 0


def test_the_kept_markdown_instance_renders_pages_as_each_page_renders_itself(
    tmp_path: Path,
) -> None:
    from mkdocs.config import load_config

    from archlex.site.mkdocs_build import _read_pages
    from archlex.site.page_markdown import PageMarkdown

    config = load_config(str(_project(tmp_path / "project")), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = _read_pages(config, None)[0]
    kept = PageMarkdown(config)
    for file in files.documentation_pages():
        page = file.page
        assert page is not None
        kept.render(page, files)
        ours = (page.content, str(page.toc), page.title, page.present_anchor_ids)
        links = page.links_to_anchors
        page.render(config, files)
        assert ours == (page.content, str(page.toc), page.title, page.present_anchor_ids)
        assert links == page.links_to_anchors
    assert kept.enabled and kept.kept is not None  # past its checks, the instance is used


SEARCH_HTML = {
    "plain": '<h1 id="t">T &amp; <code>x</code><a class="headerlink" href="#t">&para;</a></h1>\n'
    "<p>A &lt;b&gt; <strong>bold</strong><br />next &#39;q&#39;</p>\n<ul>\n<li>one</li>\n</ul>\n"
    '<h2 id="s" title="a &amp; b &gt; c">Part</h2>\n<P CLASS="X">Upper</P>'
    '<img alt="" src="i.png" />'
    '<div data-search-exclude="">hidden</div><table><tr><td>cell</td></tr></table>',
    "comment": "<p>a</p><!-- c --><p>b</p>",
    "script": "<p>a</p><script>var x = '<p>';</script><p>b</p>",
    "unquoted": "<p class=x>a</p>",
    "stray": "<p>a < b</p>",
    "svg title": '<p>a</p>\n<svg viewBox="0 0 1 1"><title>t</title><text>u &amp;\n v</text>'
    '<g> <a href="x"><text> </text></a></g></svg>\n<p>b</p>',
    "svg title with a reference": "<svg><title>t &amp; u</title><text>u</text></svg>",
    "svg with a kept tag": "<svg><text><code>c</code> d</text></svg>",
    "svg in a heading": '<h2 id="s">T <svg><g><text>x\ny</text></g></svg></h2><p>b</p>',
    "svg excluded": '<div data-search-exclude=""><svg><text>x</text></svg></div><p>b</p>',
}
# Pages the fast split reads, and of those the pages with an SVG taken as text alone.
SPLIT = {"plain": (1, 0), "svg title": (1, 1), "svg with a kept tag": (1, 0)}
SPLIT |= {"svg in a heading": (1, 1), "svg excluded": (1, 1)}


@pytest.mark.parametrize("name", list(SEARCH_HTML))
def test_search_entries_are_the_plugins_own(name: str, tmp_path: Path) -> None:
    """The fast split of a page's HTML gives the search plugin's entries; HTML that is not plain
    tags and text is parsed by the plugin's own way."""
    from mkdocs.config import load_config

    from archlex.site.mkdocs_build import _read_pages
    from archlex.site.page_search import PageSearch

    config = load_config(str(_project(tmp_path / "project")), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = _read_pages(config, None)[0]
    page = files.get_file_from_path("a/p5.md").page  # type: ignore[union-attr]
    assert page is not None
    page.render(config, files)
    page.content = SEARCH_HTML[name]
    search = PageSearch(config)
    own = type(search.index).add_entry_from_context
    own(search.index, page)
    expected = list(search.index.entries)
    search.index.entries.clear()
    search.plain.trust()  # trusted: the fast split, where HTML is plain
    search.shortcut.trust()
    with search:
        search.index.add_entry_from_context(page)
    assert search.index.entries == expected and expected
    assert (search.split, search.shortcuts) == SPLIT.get(name, (0, 0))

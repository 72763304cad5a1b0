"""The theme of the site's entity pages written by string assembly into a shell of
mkdocs-material's page template, instead of the template rendered again for every page.

An entity page (a requirement, a flow, a provision ...) is outside the navigation and has only
a title, a table of contents of one heading with its sections, tags and its content; everything
else material writes around them (head, header, navigation, footer) is the same for every such
page of a folder. So the template is rendered once per *shape* (folder, template, whether the
content has its own heading, whether there are sections and tags) with marked stand-ins for
the page's own parts, the HTML around the marks kept as the shell, and each page of that shape
is the shell filled with its own title, anchors, tags and content.

A shape is used only after it has proved itself: filled with values that any filter in the
template would change (`&amp;`, `<`, quotes) it must equal the template rendered with those
values, and the first pages of the shape in each process are rendered both ways and compared.
Anything else (a page in the navigation, other front matter, nested sections, plugins archlex
does not configure) is rendered by the template, as mkdocs does. The plugins' `on_page_context`
runs for every page as in mkdocs' `_build_page`: the search plugin indexes the page there.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from archlex.site.trusted import Trusted

if TYPE_CHECKING:
    from collections.abc import Sequence

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in the theme's own text
_MARK = re.compile(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}")
_URL_SCHEME = "archlex-shell:"  # keeps mkdocs' `url` filter off a tag's stand-in address
_PLUGINS = {"search", "tags", "offline", "material/search", "material/tags", "material/offline"}
_TAGS_PAGE = "tags.html#tag:a&b"  # a tag's address in the site, for the tricky values
_TRICKY = "A &amp; &lt;b&gt; \"q\" 'a' <code>x</code>"

log = logging.getLogger(__name__)


def _mark(name: str) -> str:
    return f"{_OPEN}{name}{_CLOSE}"


@dataclass(frozen=True)
class _Parts:
    """A page's own parts: title, heading anchor, content, sections and tags."""

    title: str
    heading: str  # the id of the page's first heading (the skip link)
    content: str
    sections: list[tuple[str, str]]  # (anchor id, title as HTML)
    tags: list[tuple[str, str]]  # (name, URL relative to the page)

    def values(self) -> dict[str, str]:
        """The text for each mark of a shell."""
        values = {"title": self.title, "heading": self.heading, "content": self.content}
        values["content<h1"] = self.content
        for n, (anchor, title) in enumerate(self.sections):
            values[f"toc.{n}.id"], values[f"toc.{n}.title"] = anchor, title
        for n, (name, url) in enumerate(self.tags):
            values[f"tag.{n}.name"], values[f"tag.{n}.url"] = name, url
        return values


@dataclass
class _Shell:
    """A template rendered with marks, and where the second and later sections and tags go."""

    base: str  # one section and one tag (where the shape has any)
    lists: dict[str, tuple[int, str]]  # "toc"/"tag" -> (where in base, the block of item 1)
    trusted: Trusted = field(default_factory=Trusted)
    _pieces: dict[tuple[int, int], list[str]] = field(default_factory=dict)

    def fill(self, parts: _Parts) -> str:
        """The page: the shell's text with the page's parts in place of the marks."""
        counts = (len(parts.sections), len(parts.tags))
        pieces = self._pieces.get(counts)
        if pieces is None:
            pieces = self._pieces[counts] = _MARK.split(self._expand(*counts))
        values = parts.values()
        out = pieces[:]
        for n in range(1, len(out), 2):
            out[n] = values[out[n]]
        return "".join(out)

    def _expand(self, sections: int, tags: int) -> str:
        """The shell with a block for each section and tag after the first, latest place first."""
        text = self.base
        wanted = {"toc": sections, "tag": tags}
        for name, (at, block) in sorted(self.lists.items(), key=lambda kv: -kv[1][0]):
            extra = "".join(
                block.replace(_mark(f"{name}.1.")[:-1], _mark(f"{name}.{n}.")[:-1])
                for n in range(1, wanted[name])
            )
            text = text[:at] + extra + text[at:]
        return text


class PageShells:
    """The shells of one build's pages, made as pages of each shape come (per process)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.enabled = set(config.plugins) <= _PLUGINS and not config.extra.get("tags")
        tags = config.plugins.get("material/tags") or config.plugins.get("tags")
        if tags is not None and getattr(tags.config, "tags_name_variable", "tags") != "tags":
            self.enabled = False
        self.shells: dict[tuple[Any, ...], _Shell | None] = {}
        self.written = 0  # pages written from a shell alone (the rest: by the template)

    def render(self, page: Page, context: Any, env: jinja2.Environment) -> str:
        """The page's HTML: from its shape's shell where there is one, else the template."""
        name = page.meta.get("template", "main.html")
        template = env.get_template(name)
        shape = _shape(page, context, name) if self.enabled else None
        if shape is None:
            return template.render(context)
        if shape not in self.shells:
            self.shells[shape] = _made(page, context, template)
        shell = self.shells[shape]
        if shell is None:
            return template.render(context)
        html = shell.fill(_parts(page, context))
        if shell.trusted.checking:  # the template's page is written; the shell kept if it agrees
            rendered = template.render(context)
            if rendered == html:
                shell.trusted.agreed()
            else:
                log.debug("page shell of %s differs from the template: not used", shape)
                shell.trusted.disagreed()
                self.shells[shape] = None
            return rendered
        self.written += 1
        return html


def write_page(
    page: Page,
    config: MkDocsConfig,
    pages: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
    shells: PageShells,
) -> None:
    """Build and write one page as mkdocs' `_build_page` does, its HTML from `shells`."""
    from mkdocs import utils
    from mkdocs.commands.build import get_context
    from mkdocs.exceptions import BuildError

    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, pages, config, page)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = shells.render(page, context, env)
        output = config.plugins.on_post_page(output, page=page, config=config)
        if output.strip():
            destination = page.file.abs_dest_path
            utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), destination)
    except Exception as error:
        message = f"Error building page '{page.file.src_uri}':"
        if not isinstance(error, BuildError):
            message += f" {error}"
        logging.getLogger("mkdocs.commands.build").error(message)
        raise
    finally:
        page.active = False
        config._current_page = None


def _shape(page: Page, context: Any, template: str) -> tuple[Any, ...] | None:
    """What the page's shell depends on; None for a page the template renders."""
    meta = page.meta
    if not set(meta) <= {"title", "tags", "hide"} or not isinstance(meta.get("title"), str):
        return None
    hide = meta.get("hide", [])
    if not isinstance(hide, list) or not all(isinstance(part, str) for part in hide):
        return None
    if page.parent is not None or page.previous_page or page.next_page or page.is_homepage:
        return None
    if page.canonical_url or page.edit_url or page.content is None:
        return None
    items = list(page.toc)
    if len(items) != 1 or items[0].level != 1:
        return None
    if any(child.children or hasattr(child, "typeset") for child in items[0].children):
        return None
    tags = context.get("tags") or []
    if any(not tag.url or tag.hidden for tag in tags):
        return None
    folder = posixpath.dirname(page.url)
    sections = bool(items[0].children)
    return template, folder, tuple(hide), "<h1" in page.content, sections, bool(tags)


def _parts(page: Page, context: Any) -> _Parts:
    """The page's own parts, as the template writes them."""
    from mkdocs.utils import normalize_url

    heading = next(iter(page.toc))
    base = context["base_url"]
    return _Parts(
        page.meta["title"],
        heading.id,
        page.content or "",
        [(child.id, child.title) for child in heading.children],
        [(tag.name, normalize_url(str(tag.url), page, base)) for tag in context.get("tags") or []],
    )


def _made(page: Page, context: Any, template: jinja2.Template) -> _Shell | None:
    """The shell of the page's shape, if it fills to what the template writes."""
    sections, tags = bool(next(iter(page.toc)).children), bool(context.get("tags"))
    has_h1 = "<h1" in (page.content or "")
    base = _rendered(page, context, template, _marked(sections, tags, has_h1, 1, 1), None)
    lists: dict[str, tuple[int, str]] = {}
    for name, wanted in (("toc", sections), ("tag", tags)):
        if wanted:
            more = (2, 1) if name == "toc" else (1, 2)
            two = _rendered(page, context, template, _marked(sections, tags, has_h1, *more), None)
            found = _insertion(base, two)
            if found is None:
                return None
            lists[name] = found
    shell = _Shell(base, lists)
    tricky = _tricky(page, sections, tags, has_h1)
    if shell.fill(tricky) != _rendered(page, context, template, tricky, _TAGS_PAGE):
        log.debug("page shell of %s: a filter changes the page's own text", page.url)
        return None
    return shell


def _marked(sections: bool, tags: bool, has_h1: bool, n_toc: int, n_tags: int) -> _Parts:
    """Marks in place of a page's parts."""
    return _Parts(
        _mark("title"),
        _mark("heading"),
        _mark("content<h1" if has_h1 else "content"),
        [(_mark(f"toc.{n}.id"), _mark(f"toc.{n}.title")) for n in range(n_toc if sections else 0)],
        [(_mark(f"tag.{n}.name"), _mark(f"tag.{n}.url")) for n in range(n_tags if tags else 0)],
    )


def _tricky(page: Page, sections: bool, tags: bool, has_h1: bool) -> _Parts:
    """Parts of the shape whose text any escaping or tag stripping would change."""
    from mkdocs.utils import normalize_url

    content = f'<h1 id="h">{_TRICKY}</h1>' if has_h1 else f"<p>{_TRICKY}</p>"
    listing = normalize_url(_TAGS_PAGE, page)
    return _Parts(
        _TRICKY,
        "h-1",
        content + "\n<p>&amp;</p>",
        [(f"s-{n}", f"{_TRICKY} {n}") for n in range(3 if sections else 0)],
        [(f"{_TRICKY} {n}", listing) for n in range(3 if tags else 0)],
    )


def _rendered(
    page: Page, context: Any, template: jinja2.Template, parts: _Parts, tag_url: str | None
) -> str:
    """The template rendered for the page with `parts` in place of its own (tags at
    `tag_url` in the site, or at their marks, kept from the `url` filter)."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    heading = AnchorLink("heading", parts.heading, 1)
    heading.children = [AnchorLink(title, anchor, 2) for anchor, title in parts.sections]
    tags = [
        SimpleNamespace(name=name, url=tag_url or _URL_SCHEME + url, hidden=False)
        for name, url in parts.tags
    ]
    kept = page.meta, page.content, page.toc
    page.meta = {**page.meta, "title": parts.title}
    page.content, page.toc = parts.content, TableOfContents([heading])
    try:
        html: str = template.render({**context, "tags": tags} if tags else context)
    finally:
        page.meta, page.content, page.toc = kept
    return html.replace(_URL_SCHEME + _OPEN, _OPEN)


def _insertion(one: str, two: str) -> tuple[int, str] | None:
    """Where `two` (two items of a list) is `one` (one item) with a block inserted, and the
    block; None if it is not."""
    end = min(len(one), len(two))
    at = next((n for n in range(end) if one[n] != two[n]), end)
    block = two[at : at + len(two) - len(one)]
    if one[:at] + block + one[at:] != two:
        return None
    return at, block

"""The diagrams on the site: a page per diagram, the index of them, and the interactive figure
(the SVG inline, every box and line a link, zoom buttons and keys) other pages embed.

The figure is raw HTML in the Markdown page: mkdocs leaves it as it is, so the links in it are
written as the built pages' addresses (`.html`). The pan and zoom script is
`assets/diagram.js`; without it the figure is a plain inline SVG whose links still work.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from archlex.i18n import Translator
from archlex.site.context import SiteContext
from archlex.site.diagram_svg import InteractiveSvg
from archlex.site.links import relative, slug
from archlex.site.markdown import page
from archlex.toolkit.escape import html_text, md_cell

FOLDER = "diagrams"
SKIP_LINKS = 20  # a diagram with more links than this has a link past it


def diagram_assets(assets: frozenset[str]) -> list[str]:
    """The SVGs the diagrams product drew, by name."""
    return sorted(a for a in assets if a.startswith(f"{FOLDER}/") and a.endswith(".svg"))


def diagram_page_path(asset: str) -> str:
    """The site page of one diagram: `diagrams/context.svg` -> `diagrams/context.md`."""
    stem = asset.removeprefix(f"{FOLDER}/").removesuffix(".svg")
    return f"{FOLDER}/{slug(stem)}.md"


def diagram_makers(context: SiteContext) -> dict[str, Callable[[], str]]:
    """What writes the diagrams' index and each diagram's page, by path (each written on call)."""
    assets = diagram_assets(context.assets)
    makers: dict[str, Callable[[], str]] = {
        f"{FOLDER}/index.md": partial(diagrams_index, context, assets)
    }
    if context.docs is not None:
        for asset in assets:
            makers[diagram_page_path(asset)] = partial(diagram_page, context, asset)
    return makers


def diagrams_index(context: SiteContext, assets: list[str]) -> str:
    """Every diagram by its title, a link to its page (or its SVG) and its downloads."""
    tr = context.tr
    here = f"{FOLDER}/index.md"
    titles = context.diagram_titles
    lines = []
    for asset in assets:
        title = titles.get(asset, _stem(asset))
        target = diagram_page_path(asset) if context.docs is not None else asset
        files = _downloads(asset, here, context.assets)
        lines.append(f"- [{md_cell(title)}]({relative(here, target)}) · {files}")
    empty = "*" + tr._("No diagrams were drawn.") + "*"
    intro = tr._("Open a diagram to zoom it; every box and line links to its page.")
    return page(
        tr._("Diagrams"), [tr._("diagram")], [intro, "\n".join(lines)] if lines else [empty]
    )


def diagram_page(context: SiteContext, asset: str) -> str:
    """One diagram, interactive, with its downloads."""
    tr = context.tr
    path = diagram_page_path(asset)
    title = context.diagram_titles.get(asset, _stem(asset))
    download = "**" + tr._("Download:") + "** " + _downloads(asset, path, context.assets)
    figure = diagram_figure(context, asset, path, caption=False)
    # Untagged: the Diagrams page lists them all, so the tags page need not.
    return _wide(page(title, [], [download, figure]))


def _wide(markdown: str) -> str:
    """The page without the navigation and contents columns, so a big view gets the width."""
    return markdown.replace("---\n", "---\nhide:\n- navigation\n- toc\n", 1)


def diagram_figure(context: SiteContext, asset: str, path: str, caption: bool = True) -> str:
    """The diagram inline as an interactive figure on the page at `path` (with its title under
    it if `caption`); an image when the SVG cannot be read."""
    title = context.diagram_titles.get(asset, _stem(asset))
    source = context.docs / asset if context.docs is not None else None
    if source is None or not source.is_file():
        return f"![{md_cell(title)}]({relative(path, asset)})"
    prefix = "d-" + slug(_stem(asset)) + "-"
    svg = context.diagram_svg(asset, prefix).at(path)
    return interactive_figure(context.tr, svg, title, prefix, caption)


def interactive_figure(
    tr: Translator,
    svg: InteractiveSvg,
    title: str,
    prefix: str,
    caption: bool = True,
    is_read_from_corner: bool = False,
) -> str:
    """A drawing placed on its page (`svg`, its ids starting with `prefix`) as the figure
    assets/diagram.js zooms and pans, labelled `title` (under it too if `caption`); one that
    `is_read_from_corner` (a chart whose labels are on its left) is zoomed by the buttons and
    keys at its top left corner, not its middle."""
    label = html_text(title)
    style = f' style="max-width:{html_text(svg.width)}"' if svg.width else ""
    buttons = [
        ("in", "+", tr._("Zoom in"), "+"),
        ("out", "\u2212", tr._("Zoom out"), "-"),
        ("reset", "\u2922", tr._("Show the whole diagram"), "0"),
    ]
    toolbar = tr._("Zoom the diagram")
    tools = "".join(
        f'<button type="button" class="archlex-diagram__button" data-zoom="{action}" '
        f'aria-label="{html_text(name)}" title="{html_text(name)} ({key})">{sign}</button>'
        for action, sign, name, key in buttons
    )
    past = prefix + "past"
    skip, landing = "", ""
    if svg.links > SKIP_LINKS:  # a keyboard user need not tab through every box and line
        text = html_text(tr._("Skip the diagram's %(count)s links") % {"count": svg.links})
        skip = f'<a class="archlex-skip" href="#{past}">{text}</a>\n'
        landing = f'<span id="{past}" class="archlex-skip__target" tabindex="-1"></span>\n'
    corner = ' data-archlex-zoom-from="corner"' if is_read_from_corner else ""
    return (
        f'<figure class="archlex-diagram" data-archlex-diagram=""{corner}>\n{skip}'
        f'<div class="archlex-diagram__tools" role="toolbar" '
        f'aria-label="{html_text(toolbar)}" hidden="">{tools}</div>\n'
        f'<div class="archlex-diagram__view" tabindex="0" role="group" '
        f'aria-label="{label}"{style}>\n'
        f"{svg.markup}\n</div>\n{landing}"
        + (f"<figcaption>{label}</figcaption>\n" if caption else "")
        + "</figure>"
    )


def _downloads(asset: str, here: str, assets: frozenset[str]) -> str:
    """The diagram's SVG and PNG links. `archlex build` draws a PNG only for the diagrams a
    document prints; for the others the PNG is made from the SVG in the browser
    (assets/diagram.js), so its link is hidden until the script shows it."""
    png = asset.removesuffix(".svg") + ".png"
    files = [f for f in (asset, png) if f in assets]
    links = " · ".join(f"[{Path(f).suffix[1:].upper()}]({relative(here, f)})" for f in files)
    if png in assets or asset not in assets:
        return links
    name = html_text(Path(png).name)
    return (
        f'{links}<span class="archlex-png" data-archlex-png="" hidden=""> · '
        f'<a href="{html_text(relative(here, asset))}" download="{name}">PNG</a></span>'
    )


def _stem(asset: str) -> str:
    return asset.removeprefix(f"{FOLDER}/").removesuffix(".svg")

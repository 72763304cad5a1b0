"""The live preview of `archlex serve`: after an edit, the pages it touches, written and served
in about a second; the rest (diagrams, the concept, the products' pages) by a full build after.

`Preview.open` starts from a full build that kept its mkdocs project (`build_site(project=)`);
`apply` takes the report of the edited model, finds the pages the edit touches
(archlex.site.edit_map), writes their Markdown again, and renders with mkdocs only those whose
Markdown changed (archlex.site.live). The drawings and products stay as the full build left
them, so a page embeds the previous drawing until the next full build replaces it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archlex.localized import in_language
from archlex.outcome import Report
from archlex.site.context import SiteContext
from archlex.site.edit_map import (
    SUMMARY_PAGES,
    EditMap,
    changed_ids,
    finding_targets,
    page_links,
)
from archlex.site.links import SiteMap
from archlex.site.live import LiveSite
from archlex.site.page_cache import PageCache
from archlex.site.pages import PRODUCT_PAGES, page_makers, product_index
from archlex.site.pages_diagrams import FOLDER as DIAGRAMS


@dataclass
class Preview:
    """The served site, the report it shows, and the links between its pages."""

    report: Report
    as_of: dt.date
    live: LiveSite
    site: SiteMap
    edit_map: EditMap
    assets: frozenset[str]
    texts: dict[str, str]  # each generated page's Markdown as served

    @classmethod
    def open(
        cls,
        report: Report,
        as_of: dt.date,
        project: Path,
        out: Path,
        scratch: Path,
        cache: PageCache | None,
    ) -> Preview:
        """The preview of the site a full build of `report` wrote into `out`, keeping its mkdocs
        project in `project`; `scratch` is a folder next to `out` for the pages being written."""
        live = LiveSite.open(project, scratch, out, cache)
        localized = in_language(report)
        site = SiteMap.build(localized.model)
        assets = product_assets(live.docs)
        context = SiteContext(localized, site, as_of, assets, docs=live.docs)
        paths = page_makers(context).keys()
        pages = {path: (live.docs / path).read_text(encoding="utf-8") for path in paths}
        return cls(report, as_of, live, site, EditMap.build(pages), assets, pages)

    def apply(self, report: Report) -> list[str] | None:
        """Show the edited model: the docs-relative pages written again (none when the edit
        changed nothing the pages show); None when the edit is structural and needs a full
        build."""
        ids = changed_ids(self.report.model, report.model)
        localized = in_language(report)
        site = SiteMap.build(localized.model)
        if ids is None or site != self.site:
            return None
        own = {self.site.pages[i] for i in ids if i in self.site.pages}
        touched = self.edit_map.around(own) | self._mentioning(ids - self.site.pages.keys())
        targets = finding_targets(self.report.findings, report.findings)
        if targets is not None or self.report.coverage != report.coverage:
            touched |= {*SUMMARY_PAGES, *(site.pages[t] for t in targets or () if t in site.pages)}
        context = SiteContext(localized, site, self.as_of, self.assets, docs=self.live.docs)
        makers = {p: m for p, m in page_makers(context).items() if not _is_drawing(p)}
        changed = self._written(touched & makers.keys(), makers)
        linked = {link for path in own & changed.keys() for link in page_links(path, changed[path])}
        changed |= self._written((linked - touched) & makers.keys(), makers)
        for path, text in changed.items():
            self.edit_map.update(path, text)
            self.texts[path] = text
        if changed:
            self.live.rebuild(changed)
        self.report = report
        return sorted(changed)

    def _written(self, paths: set[str], makers: dict[str, Callable[[], str]]) -> dict[str, str]:
        """The pages whose Markdown is now other than the served one's, with their new text."""
        changed = {}
        for path in sorted(paths):
            text = makers[path]()
            if text != self.texts.get(path):
                changed[path] = text
        return changed

    def _mentioning(self, ids: set[str]) -> set[str]:
        """The pages that name any of these ids (entities without a page of their own: a
        risk, a decision, an access grant), as a word of their Markdown."""
        if not ids:
            return set()
        words = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
        named = re.compile(rf"(?<![\w.-])(?:{words})(?![\w-])")
        return {path for path, text in self.texts.items() if named.search(text)}


def _is_drawing(path: str) -> bool:
    """A diagram's own page: its drawing follows with the full build."""
    return path.startswith(f"{DIAGRAMS}/") and path != f"{DIAGRAMS}/index.md"


def product_assets(docs: Path) -> frozenset[str]:
    """The files the products wrote into a kept project's docs folder, as `write_project`
    listed them before it wrote the pages (the products' Markdown became their index pages)."""
    found = {
        path
        for path in (p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
        if not path.endswith(".md") and not path.startswith("assets/archlex/")
    }
    found |= {path for path in PRODUCT_PAGES if (docs / product_index(path)).is_file()}
    return frozenset(found)

"""`archlex build`: write the mkdocs project from the model, build it, move the site into place.

The steps: render the other products into the docs folder, write the generated pages and
mkdocs.yml, build with mkdocs-material in strict mode into a staging folder next to `out`,
drop the sitemap (no `site_url`, and its gzip header carries a date), and swap the staging
folder into place. A failed build leaves `out` as it was. Each further language is a site of
its own in `<code>/` (built the same way), and every page has a switch to the same page in the
other languages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.i18n import LANGUAGES, translator
from archlex.localized import in_language
from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.render.concept.product import DOCX_LATER, DOCX_SETTING, docx_writer_of
from archlex.render.diagrams.product import PNG_DOCUMENTS, PNG_SETTING
from archlex.render.output import render_products
from archlex.render.registry import RenderContext
from archlex.site.links import SiteMap
from archlex.site.mkdocs_config import (
    DIAGRAM_SCRIPT,
    OVERRIDES,
    SCRIPT,
    SHIM,
    STYLE,
    language_switch,
    mkdocs_yaml,
)
from archlex.site.mkdocs_workers import page_workers
from archlex.site.page_cache import PageCache
from archlex.site.pages import PRODUCT_PAGES, product_index, product_page, site_pages
from archlex.toolkit.beside import run_beside
from archlex.toolkit.drawings import drawings_cached_in, drawings_shared
from archlex.toolkit.escape import html_text
from archlex.toolkit.staging import check_output_folder, staged_output

# Written by mkdocs but not reproducible (the gzip header holds the build date) and of no
# use without a `site_url`.
_DROPPED = ("sitemap.xml", "sitemap.xml.gz")
CONCEPT_DOCX = "concept/concept.docx"


@dataclass(frozen=True)
class BuiltSite:
    """What a build wrote: the site folder, its page count, the mkdocs project if kept, and
    how many pages were taken from the cache."""

    out: Path
    pages: int
    project: Path | None
    reused: int = 0


def build_site(
    report: Report,
    out: Path,
    as_of: dt.date,
    project: Path | None = None,
    force: bool = False,
    progress: Progress = QUIET,
    cache: Path | None = None,
    language: str | None = None,
    others: Sequence[str] = (),
) -> BuiltSite:
    """Build the concept site of a checked model into `out` (new, empty or an earlier output).

    The site is in `language` (default: the report's); each language of `others` gets a site
    of its own in `out/<code>/`, with a switch between them on every page (the report as
    checked, not yet put `in_language`, so that each language starts from the model's texts).
    With `project`, the mkdocs project (mkdocs.yml and docs/; the others' in `<code>/`) is
    also kept there, for `mkdocs build --strict` or `mkdocs serve`; it too must be new, empty
    or archlex's. `force` allows folders of other files, which are kept (see
    archlex.toolkit.staging). With `cache` (archlex's cache folder), diagrams and pages
    unchanged since an earlier build are copied from there instead of drawn or rendered again
    (archlex.toolkit.drawings, archlex.site.page_cache).
    """
    checked = report
    report = in_language(report, language)  # the model's texts in that language, if given
    root = report.model.manifest.language
    languages = [code for code in LANGUAGES if code == root or code in others]
    if len(languages) > 1 and checked.output_language not in (None, root):
        raise ValueError("build_site: give the report as checked to build several languages")
    model_root = report.project.manifest_path.parent
    check_output_folder(out, model_root, force)
    if project is not None:
        check_output_folder(project, model_root, force)
    with tempfile.TemporaryDirectory(prefix=".archlex-site-") as work:
        sites = [(code, Path(work) / code) for code in [root, *(c for c in languages if c != root)]]
        count = hits = 0
        with (
            staged_output(out, model_root, force, "archlex build") as staging,
            _drawings(cache),
        ):
            for code, source in sites:
                nested = code != root
                site = Path(work) / f"site-{code}" if nested else staging
                pages = page_cache(cache, model_root, out / code if nested else out)
                switch = language_switch(languages, root, code)
                localized = in_language(checked, code)
                count += _build_one(localized, source, site, as_of, switch, progress, pages)
                hits += pages.hits if pages else 0
                if nested:
                    shutil.move(site, staging / code)
        if project is not None:
            _keep_projects(sites, project, model_root, force)
    return BuiltSite(out, count, project, hits)


def _drawings(cache: Path | None) -> AbstractContextManager[None]:
    """Where the build keeps what Graphviz drew: the cache folder, or for this build only (a
    drawing asked for twice, in one language or two, is laid out once either way)."""
    return drawings_cached_in(cache / "drawings") if cache else drawings_shared()


def _keep_projects(
    sites: list[tuple[str, Path]], project: Path, model_root: Path, force: bool
) -> None:
    """Copy the mkdocs projects into `project`: the first language's at the top, the others'
    in `<code>/`."""
    with staged_output(project, model_root, force, "archlex build --project") as kept:
        for number, (code, source) in enumerate(sites):
            shutil.copytree(source, kept / code if number else kept, dirs_exist_ok=True)


def _build_one(
    report: Report,
    source: Path,
    site: Path,
    as_of: dt.date,
    switch: list[dict[str, str]],
    progress: Progress,
    pages: PageCache | None,
) -> int:
    """Write the mkdocs project of one language into `source`, build it into `site` (unchanged
    pages from `pages`); the page count."""
    count = write_project(report, source, as_of, progress, switch)
    with progress.stage(f"Building {count} pages with mkdocs"):
        run_mkdocs(source / "mkdocs.yml", site, pages)
    for name in _DROPPED:
        (site / name).unlink(missing_ok=True)
    return count


def write_overrides(folder: Path, label: str = "Search", switch: bool = False) -> None:
    """Theme overrides: material's search dialog, given the accessible name it lacks; with
    `switch`, the language switch that stays on the page (site/assets/alternate.html)."""
    import material  # type: ignore[import-untyped]

    partial = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    text = partial.read_text(encoding="utf-8")
    write_text_atomic(
        folder / "partials" / "search.html",
        text.replace('role="dialog"', f'role="dialog" aria-label="{html_text(label)}"', 1),
    )
    if switch:
        alternate = resources.files("archlex.site").joinpath("assets", "alternate.html")
        write_text_atomic(
            folder / "partials" / "alternate.html", alternate.read_text(encoding="utf-8")
        )


def write_project(
    report: Report,
    folder: Path,
    as_of: dt.date,
    progress: Progress = QUIET,
    switch: list[dict[str, str]] | None = None,
) -> int:
    """Write mkdocs.yml and docs/ (the products and every generated page); the page count.
    `switch`: the language switch (`language_switch`), none for a site in one language."""
    docs = folder / "docs"
    # The site shows the diagrams as SVG: a PNG only for those the concept prints. The
    # concept's DOCX is written beside the pages, in a process of its own (python-docx and
    # the pages' Markdown each keep one core busy).
    settings = {PNG_SETTING: PNG_DOCUMENTS, DOCX_SETTING: DOCX_LATER}
    render_products(report, docs, progress=progress, settings=settings)
    docx = docx_writer_of(RenderContext(in_language(report), docs, settings))
    assets = frozenset(
        p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*")) if p.is_file()
    ) | {CONCEPT_DOCX}
    forked = page_workers() > 1
    with run_beside("the concept DOCX", docx, forked, progress):
        count = _write_pages(report, docs, as_of, assets, progress)
        _write_assets(docs)
        write_overrides(
            folder / OVERRIDES,
            translator(report.model.manifest.language).gettext("Search"),
            bool(switch),
        )
        site = SiteMap.build(report.model)
        regulation_pages = {r.id: site.pages[r.id] for r in report.model.regulations}
        yaml = mkdocs_yaml(report.model, regulation_pages, switch)
        write_text_atomic(folder / "mkdocs.yml", yaml)
    return count


def _write_pages(
    report: Report, docs: Path, as_of: dt.date, assets: frozenset[str], progress: Progress
) -> int:
    """Write every generated page, and the products' pages as the site shows them; how many."""
    with progress.stage("Generating the pages"):
        pages = site_pages(report, as_of, assets, docs)
    site = SiteMap.build(report.model)
    for path in PRODUCT_PAGES:
        if path in assets:
            original = (docs / path).read_text(encoding="utf-8")
            (docs / path).unlink()
            tr = translator(report.model.manifest.language)
            pages[product_index(path)] = product_page(path, original, assets, site, tr, docs)
    with progress.stage("Writing the pages", len(pages)) as advance:
        for path, text in pages.items():
            write_text_atomic(docs / path, text)
            advance(1)
    return len(pages)


def _write_assets(docs: Path) -> None:
    """archlex's own script and style files of the site."""
    assets_folder = resources.files("archlex.site").joinpath("assets")
    for target in (SHIM, STYLE, SCRIPT, DIAGRAM_SCRIPT):
        source = assets_folder.joinpath(target.rsplit("/", 1)[1])
        write_text_atomic(docs / target, source.read_text(encoding="utf-8"))


def page_cache(folder: Path | None, model_root: Path, out: Path) -> PageCache | None:
    """The cached pages of the site of this model built into `out`; None without a folder."""
    if folder is None:
        return None
    site = hashlib.sha256(f"{model_root.resolve()}\0{out.resolve()}".encode()).hexdigest()
    return PageCache(folder / "site-pages" / site[:24])


def run_mkdocs(config_file: Path, site_dir: Path, cache: PageCache | None = None) -> None:
    """Build with mkdocs-material in strict mode; every warning becomes the error's message.
    The pages are rendered in worker processes, and with a cache, unchanged pages are taken
    from it (archlex.site.mkdocs_build)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from archlex.site.mkdocs_build import build_cached
    from archlex.site.mkdocs_workers import page_workers

    with mkdocs_messages() as messages:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build_cached(config, cache, page_workers())
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as error:
            details = "; ".join(messages) or str(error)
            raise ArchlexError(f"mkdocs could not build the site: {details}") from error


@contextmanager
def mkdocs_messages() -> Iterator[list[str]]:
    """Collect mkdocs' warnings instead of letting them reach the terminal."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collect(logging.WARNING)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate

"""`archlex build`: write the mkdocs project from the model, build it, move the site into place.

The steps: render the other products into the docs folder, write the generated pages and
mkdocs.yml, build with mkdocs-material in strict mode into a staging folder next to `out`,
drop the sitemap (no `site_url`, and its gzip header carries a date), and swap the staging
folder into place. A failed build leaves `out` as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from archlex.errors import ArchlexError
from archlex.files import write_text_atomic
from archlex.i18n import translator
from archlex.localized import in_language
from archlex.outcome import Report
from archlex.progress import QUIET, Progress
from archlex.render.output import render_products
from archlex.site.links import SiteMap
from archlex.site.mkdocs_config import DIAGRAM_SCRIPT, OVERRIDES, SCRIPT, SHIM, STYLE, mkdocs_yaml
from archlex.site.page_cache import PageCache
from archlex.site.pages import PRODUCT_PAGES, product_index, product_page, site_pages
from archlex.toolkit.drawings import drawings_cached_in
from archlex.toolkit.escape import html_text
from archlex.toolkit.staging import check_output_folder, staged_output

# Written by mkdocs but not reproducible (the gzip header holds the build date) and of no
# use without a `site_url`.
_DROPPED = ("sitemap.xml", "sitemap.xml.gz")


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
) -> BuiltSite:
    """Build the concept site of a checked model into `out` (new, empty or an earlier output).

    With `project`, the mkdocs project (mkdocs.yml and docs/) is also kept there, for
    `mkdocs build --strict` or `mkdocs serve`; it too must be new, empty or archlex's.
    `force` allows folders of other files, which are kept (see archlex.toolkit.staging).
    With `cache` (archlex's cache folder), diagrams and pages unchanged since an earlier build
    are copied from there instead of drawn or rendered again (archlex.toolkit.drawings,
    archlex.site.page_cache).
    """
    report = in_language(report)  # the model's texts in the manifest's language, if given
    model_root = report.project.manifest_path.parent
    check_output_folder(out, model_root, force)
    if project is not None:
        check_output_folder(project, model_root, force)
    with tempfile.TemporaryDirectory(prefix=".archlex-site-") as work:
        source = Path(work) / "project"
        with drawings_cached_in(cache / "drawings" if cache else None):
            count = write_project(report, source, as_of, progress)
        pages = page_cache(cache, model_root, out)
        with staged_output(out, model_root, force, "archlex build") as staging:
            with progress.stage(f"Building {count} pages with mkdocs"):
                run_mkdocs(source / "mkdocs.yml", staging, pages)
            for name in _DROPPED:
                (staging / name).unlink(missing_ok=True)
        if project is not None:
            with staged_output(project, model_root, force, "archlex build --project") as kept:
                shutil.copytree(source, kept, dirs_exist_ok=True)
    return BuiltSite(out, count, project, pages.hits if pages else 0)


def write_overrides(folder: Path, label: str = "Search") -> None:
    """Theme overrides: material's search dialog, given the accessible name it lacks."""
    import material  # type: ignore[import-untyped]

    partial = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    text = partial.read_text(encoding="utf-8")
    write_text_atomic(
        folder / "partials" / "search.html",
        text.replace('role="dialog"', f'role="dialog" aria-label="{html_text(label)}"', 1),
    )


def write_project(report: Report, folder: Path, as_of: dt.date, progress: Progress = QUIET) -> int:
    """Write mkdocs.yml and docs/ (the products and every generated page); the page count."""
    docs = folder / "docs"
    render_products(report, docs, progress=progress)
    assets = frozenset(
        p.relative_to(docs).as_posix() for p in sorted(docs.rglob("*")) if p.is_file()
    )
    with progress.stage("Generating the pages"):
        pages = site_pages(report, as_of, assets, docs)
    site = SiteMap.build(report.model)
    for path in PRODUCT_PAGES:
        if path in assets:
            original = (docs / path).read_text(encoding="utf-8")
            (docs / path).unlink()
            tr = translator(report.model.manifest.language)
            pages[product_index(path)] = product_page(path, original, assets, site, tr)
    with progress.stage("Writing the pages", len(pages)) as advance:
        for path, text in pages.items():
            write_text_atomic(docs / path, text)
            advance(1)
    assets_folder = resources.files("archlex.site").joinpath("assets")
    for target in (SHIM, STYLE, SCRIPT, DIAGRAM_SCRIPT):
        source = assets_folder.joinpath(target.rsplit("/", 1)[1])
        write_text_atomic(docs / target, source.read_text(encoding="utf-8"))
    write_overrides(
        folder / OVERRIDES, translator(report.model.manifest.language).gettext("Search")
    )
    regulation_pages = {r.id: site.pages[r.id] for r in report.model.regulations}
    write_text_atomic(folder / "mkdocs.yml", mkdocs_yaml(report.model, regulation_pages))
    return len(pages)


def page_cache(folder: Path | None, model_root: Path, out: Path) -> PageCache | None:
    """The cached pages of the site of this model built into `out`; None without a folder."""
    if folder is None:
        return None
    site = hashlib.sha256(f"{model_root.resolve()}\0{out.resolve()}".encode()).hexdigest()
    return PageCache(folder / "site-pages" / site[:24])


def run_mkdocs(config_file: Path, site_dir: Path, cache: PageCache | None = None) -> None:
    """Build with mkdocs-material in strict mode; every warning becomes the error's message.
    With a cache, unchanged pages are taken from it (archlex.site.mkdocs_build)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from archlex.site.mkdocs_build import build_cached

    with _mkdocs_messages() as messages:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                if cache is None:
                    build(config)
                else:
                    build_cached(config, cache)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as error:
            details = "; ".join(messages) or str(error)
            raise ArchlexError(f"mkdocs could not build the site: {details}") from error


@contextmanager
def _mkdocs_messages() -> Iterator[list[str]]:
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

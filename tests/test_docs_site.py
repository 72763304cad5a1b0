"""archlex's documentation site: generated references current, strict build, nothing remote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archlex.cli.commands import app
from archlex.docs_gen.cli_reference import cli_reference as cli_reference_of
from archlex.docs_gen.format_reference import format_reference
from tests.conftest import REPO


def cli_reference() -> str:
    """The CLI reference of archlex's own app."""
    return cli_reference_of(app)


# An element that makes the browser fetch something: a script, stylesheet, font, image or
# media source. Plain <a href="https://..."> links are fine.
_REMOTE = re.compile(
    r"<(?:script|img|source|iframe|video|audio|embed)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//"
    r"|@import\s+[\"'](?:https?:)?//",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("page", "generate"),
    [("format.md", format_reference), ("cli.md", cli_reference)],
)
def test_generated_reference_is_up_to_date(page: str, generate: object) -> None:
    assert callable(generate)
    committed = (REPO / "docs" / "reference" / page).read_text(encoding="utf-8")
    assert committed == generate(), f"run `make docs` and commit docs/reference/{page}"


def test_generators_are_deterministic() -> None:
    assert format_reference() == format_reference()
    assert cli_reference() == cli_reference()


def test_docs_build_strict_and_offline(tmp_path: Path) -> None:
    build_module = pytest.importorskip("mkdocs.commands.build")
    config_module = pytest.importorskip("mkdocs.config")
    site = tmp_path / "site"
    config = config_module.load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True)
    build_module.build(config)
    pages = sorted(site.rglob("*.html"))
    assert site / "index.html" in pages
    assert site / "reference" / "format.html" in pages
    remote: list[str] = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        remote += [f"{page.relative_to(site)}: {m.group(0)}" for m in _REMOTE.finditer(text)]
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        remote += [f"{sheet.relative_to(site)}: {m.group(0)}" for m in _REMOTE.finditer(text)]
    assert not remote, "the docs fetch remote resources:\n" + "\n".join(remote)
    assert_links_are_relative_and_resolve(site, site / "404.html")


def assert_links_are_relative_and_resolve(site: Path, page: Path) -> None:
    """The page's links work opened from disk and with the site under any sub-path: none
    starts at the server's root, and each names a file of the site."""
    links = re.findall(r'(?:href|src)="([^"#?]*)[^"]*"', page.read_text(encoding="utf-8"))
    local = [link for link in links if link and not re.match(r"^[a-z]+:", link)]
    assert local, page
    assert not [link for link in local if link.startswith("/")], page
    missing = [link for link in local if not (page.parent / link).resolve().is_file()]
    missing = [link for link in missing if not (page.parent / link / "index.html").is_file()]
    assert not missing, f"{page.relative_to(site)} links to no file: {missing}"

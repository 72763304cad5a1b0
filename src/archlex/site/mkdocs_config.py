"""The site's mkdocs.yml, from a fixed template: no user YAML is ever merged into it.

mkdocs' own loader accepts `!!python/name:` tags, so the file is code; it is written with
`yaml_text` (PyYAML's safe dumper) from plain data, and every title in it is HTML-escaped
model text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from babel import Locale

from archlex.i18n import N_, translator
from archlex.model import Model
from archlex.site.links import FOLDERS
from archlex.toolkit.escape import html_text
from archlex.toolkit.yaml_text import yaml_text

# Where the vendored iframe-worker shim goes in the docs folder (see site/assets/).
SHIM = "assets/archlex/iframe-worker-shim.js"
OVERRIDES = "overrides"
STYLE = "assets/archlex/site.css"
SCRIPT = "assets/archlex/site.js"
DIAGRAM_SCRIPT = "assets/archlex/diagram.js"  # pan and zoom of the interactive diagrams

# The sections of the navigation, as an architect thinks: the law, the architecture that
# answers it, and the plan that builds it.
_ARCHITECTURE = [
    (N_("Organisations"), "organisations/index.md"),
    (N_("Systems"), "systems/index.md"),
    (N_("Technical architecture"), "technical/index.md"),
    (N_("Data"), "data/index.md"),
    (N_("Flows"), "flows/index.md"),
    (N_("Processes"), "processes/index.md"),
    (N_("Requirements"), "requirements/index.md"),
    (N_("Traceability matrix"), "matrix/index.md"),
    (N_("Diagrams"), "diagrams/index.md"),
]
_PLAN = [
    (N_("Roadmap"), "roadmap/index.md"),
    (N_("Work packages"), "work-packages/index.md"),
    (N_("Milestones"), "milestones/index.md"),
    (N_("Concept"), "concept/index.md"),
]


def navigation(model: Model, regulation_pages: dict[str, str]) -> list[Any]:
    """The nav: Home, Law, Architecture, Plan, Findings, Tags; entity pages are reached by
    links, so they stay out of it (and out of every page's HTML)."""
    tr = translator(model.manifest.language)
    law: list[Any] = [{tr.gettext("Regulations"): "regulations/index.md"}]
    law += [
        {html_text(f"{regulation_id}"): path}
        for regulation_id, path in sorted(regulation_pages.items())
    ]
    law.append({tr.gettext("Roles"): "roles/index.md"})
    return [
        {tr.gettext("Home"): "index.md"},
        {tr.gettext("Law"): law},
        {tr.gettext("Architecture"): [{tr.gettext(t): path} for t, path in _ARCHITECTURE]},
        {tr.gettext("Plan"): [{tr.gettext(t): path} for t, path in _PLAN]},
        {tr.gettext("Findings"): "findings.md"},
        {tr.gettext("Tags"): "tags.md"},
    ]


def not_in_nav() -> str:
    """gitignore-style patterns of the pages reached only by links."""
    folders = sorted({*FOLDERS.values(), "articles", "diagrams"})
    lines = []
    for folder in folders:
        lines += [f"/{folder}/*.md", f"!/{folder}/index.md"]
    return "\n".join(lines) + "\n"


_LOOK_ALIKES = str.maketrans("<>&\"'", "‹›＆＂’")


def title_text(name: str) -> str:
    """The model's name as the site's title. The theme escapes it in some places and not in
    others, so the characters HTML would read are replaced by look-alikes that need none."""
    return name.translate(_LOOK_ALIKES)


def language_switch(languages: Sequence[str], root: str, own: str) -> list[dict[str, str]]:
    """The language switch of the site in `own`: each language by its own name, linked from
    this site's root to that language's (the `root` language at the top, the others in
    `<code>/`). Empty for a site in one language."""
    if len(languages) < 2:
        return []
    up = "" if own == root else "../"
    return [
        {
            "name": str(Locale.parse(code).get_display_name(code)).capitalize(),
            "link": "" if code == own else up + ("" if code == root else f"{code}/"),
            "lang": code,
        }
        for code in languages
    ]


def mkdocs_config(
    model: Model, regulation_pages: dict[str, str], switch: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    """The whole configuration as data; `switch` from `language_switch`."""
    return {
        "site_name": title_text(model.manifest.name),
        "docs_dir": "docs",
        "use_directory_urls": False,  # pages open from file:// (the offline plugin sets it too)
        "strict": True,
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
        "nav": navigation(model, regulation_pages),
        "not_in_nav": not_in_nav(),
        "theme": {
            "name": "material",
            "custom_dir": OVERRIDES,
            "font": False,  # no web fonts: nothing is loaded from the network
            "language": model.manifest.language,
            "features": [
                "navigation.sections",
                "navigation.top",
                "search.highlight",
                "toc.follow",
            ],
            "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"},
        },
        # The offline plugin adds the iframe-worker shim (search from file://) from a CDN
        # unless a polyfill with that name is already listed: we ship it in the docs.
        # No "Made with Material" line: its grey fails the contrast check (WCAG 2.1 AA).
        "extra": {"polyfills": [SHIM], "generator": False, **_alternate(switch or [])},
        "extra_css": [STYLE],
        "extra_javascript": [SCRIPT, DIAGRAM_SCRIPT],
        "plugins": ["search", "tags", "offline"],  # no `privacy`: it downloads at build time
        "markdown_extensions": ["tables", "admonition", {"toc": {"permalink": True}}],
    }


def _alternate(switch: list[dict[str, str]]) -> dict[str, Any]:
    """material's `alternate` switched on for its header (our partials/alternate.html reads
    the languages from `archlex_languages`). Not the list itself: material would then add
    `<link rel=alternate>` tags whose script fetches a sitemap.xml the site does not have."""
    return {"alternate": True, "archlex_languages": switch} if switch else {}


def mkdocs_yaml(
    model: Model, regulation_pages: dict[str, str], switch: list[dict[str, str]] | None = None
) -> str:
    """mkdocs.yml as text."""
    header = "# Written by archlex build; regenerated on every build. Do not edit.\n"
    config = mkdocs_config(model, regulation_pages, switch)
    return header + yaml_text(config, sort_keys=False)

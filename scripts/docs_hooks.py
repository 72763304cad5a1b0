"""mkdocs hooks for archlex's own documentation site (`hooks:` in mkdocs.yml).

mkdocs writes the links of its error page (404.html) from the server's root (`/assets/...`,
`/index.html`) when no `site_url` is set, so that page breaks when the documentation is
opened from disk or hosted under a sub-path (`https://example.lv/docs/`). The 404 page sits
at the site's root, so links relative to it work in both places.
"""

from __future__ import annotations

from typing import Any


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """Give the 404 page links relative to itself, as every other page has."""
    if template_name == "404.html":
        context["base_url"] = "."
    return context

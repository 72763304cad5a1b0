"""The jinja2 templates of the documents: bundled ones, overridden file by file by a model's own
`templates/` folder; their fixed text goes through the output language's message catalog."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

import archlex
from archlex.i18n import translator

# In a wheel the templates sit inside the package; in a source checkout (an editable install)
# they are the repository's templates/ folder, which the wheel build copies in.
_PACKAGED = Path(str(resources.files(archlex))) / "templates"
_CHECKOUT = Path(archlex.__file__).resolve().parents[2] / "templates"


def bundled_templates() -> Path:
    """The folder of the templates archlex ships."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def template_folders(model_root: Path) -> list[Path]:
    """Where templates are looked up, first match wins: the model's own, then archlex's."""
    own = model_root / "templates"
    return [own, bundled_templates()] if own.is_dir() else [bundled_templates()]


def environment(
    model_root: Path, language: str, escape: Callable[[Any], str]
) -> jinja2.Environment:
    """A jinja2 environment for Markdown documents: `md` escapes model text, `_`, `ngettext` and
    `pgettext` translate (jinja2's i18n extension, new style: `_("%(n)s items", n=3)`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in template_folders(model_root)]),
        autoescape=False,  # Markdown, not HTML: every model text goes through `md` instead
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translator(language).catalog, newstyle=True)  # type: ignore[attr-defined]
    env.filters["md"] = escape
    return env

"""The jinja2 templates of the documents: bundled ones, overridden file by file by a model's own
`templates/` folder, and the translations of fixed text."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

import archlex
from archlex.errors import ArchlexError
from archlex.load.yaml_reader import UnreadableYamlError, read_yaml

# In a wheel the templates sit inside the package; in a source checkout (an editable install)
# they are the repository's templates/ folder, which the wheel build copies in.
_PACKAGED = Path(str(resources.files(archlex))) / "templates"
_CHECKOUT = Path(archlex.__file__).resolve().parents[2] / "templates"
TRANSLATIONS = "translations.yaml"


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
    """A jinja2 environment for Markdown documents: `md` escapes model text, `t` translates."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in template_folders(model_root)]),
        autoescape=False,  # Markdown, not HTML: every model text goes through `md` instead
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    texts = translations(model_root, language)
    env.filters["md"] = escape
    env.globals["t"] = lambda key: texts.get(key, key)
    return env


def translations(model_root: Path, language: str) -> dict[str, str]:
    """The fixed texts in one language; a model's own translations replace archlex's by key."""
    texts: dict[str, str] = {}
    for folder in reversed(template_folders(model_root)):
        path = folder / TRANSLATIONS
        if path.is_file():
            for key, by_language in _read(path).items():
                if isinstance(by_language, dict):
                    texts[key] = str(by_language.get(language) or by_language.get("en") or key)
    return texts


def _read(path: Path) -> dict[str, Any]:
    try:
        data = read_yaml(path).data
    except UnreadableYamlError as error:
        problem = error.problem
        raise ArchlexError(
            f"{path}:{problem.line}:{problem.column}: {problem.message}", problem.hint
        ) from None
    if not isinstance(data, dict):
        raise ArchlexError(f"{path}: expected a mapping of text keys to languages")
    return data

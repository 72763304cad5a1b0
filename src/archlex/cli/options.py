"""Arguments and options that several commands share."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from archlex.load.cache import ParseCache

PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The model folder or its archlex.yaml (default: ./archlex.yaml, "
        "else ./model/archlex.yaml).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (replaced whole) instead of standard output; `-` is standard "
        "output too.",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every file of the model again (and for `build`, draw every diagram and "
        "render every page again): no data of the model comes from the cache folder "
        "($ARCHLEX_CACHE_DIR, else ~/.cache/archlex; safe to delete). archlex's own data "
        "there (pydantic's validators, the bundled library as read) is still used, from a "
        "folder only you can write to.",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Also write into a non-empty folder that archlex did not create. Files archlex "
        "did not write are kept, never deleted or replaced.",
    ),
]


def parse_cache(no_cache: bool) -> ParseCache:
    """The cache of parsed files; with `--no-cache` only its kept validators (no model data:
    archlex.load.cache.ValidatorsOnly)."""
    from archlex.load.cache import ParseCache, ValidatorsOnly, default_folder

    return ValidatorsOnly(default_folder()) if no_cache else ParseCache(default_folder())


def as_date(text: str | None) -> dt.date | None:
    """A `--as-of` value as a date (None when not given), or a usage error (exit code 2)."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write YYYY-MM-DD") from None


class Language(StrEnum):
    """The output languages archlex ships a message catalog for (archlex.i18n.LANGUAGES)."""

    en = "en"
    lv = "lv"


LanguageOption = Annotated[
    Language | None,
    typer.Option(
        "--language",
        "-l",
        help="The language of everything written: en or lv (default: the manifest's "
        "`language`, else en). Amounts, numbers and dates follow the language too.",
        show_default=False,
    ),
]

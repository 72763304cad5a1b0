"""Arguments and options that several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from archlex.load.cache import ParseCache, default_folder

PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The model folder or its archlex.yaml (default: ./archlex.yaml, "
        "else ./model/archlex.yaml).",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Parse every file again instead of reusing what an earlier run cached "
        "($ARCHLEX_CACHE_DIR, else ~/.cache/archlex; safe to delete).",
    ),
]


def parse_cache(no_cache: bool) -> ParseCache | None:
    """The cache of parsed files, unless the user switched it off."""
    return None if no_cache else ParseCache(default_folder())

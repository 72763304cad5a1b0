"""Arguments and options that several commands share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The model folder or its archlex.yaml (default: ./archlex.yaml, "
        "else ./model/archlex.yaml).",
        show_default=False,
    ),
]

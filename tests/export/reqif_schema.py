"""The OMG ReqIF 1.2 schema, loaded offline from the tests' copy (tests/data/reqif-schema)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import xmlschema

SCHEMA = Path(__file__).parent.parent / "data" / "reqif-schema" / "reqif.xsd"


@functools.cache
def reqif_schema() -> Any:
    """The schema; `local` forbids any remote download."""
    return xmlschema.XMLSchema(str(SCHEMA), allow="local")


def schema_errors(text: str) -> list[str]:
    """What the schema finds wrong with a document (empty when it is valid)."""
    return [f"{e.path}: {e.reason}" for e in reqif_schema().iter_errors(text)][:10]

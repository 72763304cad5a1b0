"""The mapping file of an import: which column or ReqIF attribute fills which field.

# mapping.yaml
sheet: Inventory            # the sheet to read (default: the one named like --kind)
columns:                    # header -> field; null ignores the column
  System code: id
  System name: name
  Budget line: null
attributes:                 # ReqIF attribute long name -> requirement field
  Object Identifier: id
  Object Text: text
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from archlex.errors import ArchlexError
from archlex.load.yaml_reader import UnreadableYamlError, parse_yaml

MAX_MAPPING_BYTES = 1024 * 1024


class Mapping(BaseModel):
    """What a mapping file may say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sheet: str | None = Field(default=None, description="The sheet to read.")
    components_sheet: str | None = Field(default=None, description="The sheet of components.")
    columns: dict[str, str | None] = Field(default_factory=dict, description="Header -> field.")
    attributes: dict[str, str | None] = Field(
        default_factory=dict, description="ReqIF attribute long name -> field."
    )


def read_mapping(path: Path | None) -> dict[str, Any]:
    """The mapping file as a dict (empty without one); ArchlexError when it is wrong."""
    if path is None:
        return {}
    try:
        raw = path.read_bytes()[: MAX_MAPPING_BYTES + 1]
    except OSError as error:
        raise ArchlexError(f"cannot read the mapping file {path}: {error.strerror}") from error
    if len(raw) > MAX_MAPPING_BYTES:
        raise ArchlexError(f"{path}: over {MAX_MAPPING_BYTES} bytes: not a mapping file")
    try:
        data = parse_yaml(raw).data
        mapping = Mapping.model_validate(data or {})
    except UnreadableYamlError as error:
        problem = error.problem
        raise ArchlexError(
            f"{path}:{problem.line}:{problem.column}: {problem.message}",
            "see docs/exchange.md for the mapping file",
        ) from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ArchlexError(
            f"{path}: `{where}`: {first['msg']}", "see docs/exchange.md for the mapping file"
        ) from error
    return {k: v for k, v in mapping.model_dump().items() if v is not None}

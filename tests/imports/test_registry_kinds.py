"""The CLI names the import kinds itself (to start fast); they must equal the registry's."""

from archlex.cli.imports import KINDS as CLI_KINDS
from archlex.imports.registry import KINDS


def test_the_cli_offers_exactly_the_kinds_the_imports_read() -> None:
    assert CLI_KINDS == KINDS

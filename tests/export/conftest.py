"""The worked example, loaded once for the export tests, and its exports."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.export.archimate import archimate_xml
from archlex.export.structurizr import structurizr_dsl
from archlex.model import Model
from tests.conftest import EXAMPLE


@pytest.fixture(scope="session")
def example() -> Model:
    """The bundled example model."""
    return load(EXAMPLE).model


@pytest.fixture(scope="session")
def example_xml(example: Model) -> str:
    """The example as an ArchiMate exchange-format document."""
    return archimate_xml(example)


@pytest.fixture(scope="session")
def example_dsl(example: Model) -> str:
    """The example as a Structurizr DSL workspace."""
    return structurizr_dsl(example)

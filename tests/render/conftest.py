"""Fixtures of the render tests."""

from __future__ import annotations

import datetime as dt

import pytest

from archlex.api import check_model
from archlex.outcome import Report
from tests.conftest import EXAMPLE


@pytest.fixture(scope="session")
def example() -> Report:
    """The worked example, checked once (on a fixed date, so waivers do not expire)."""
    return check_model(EXAMPLE, EXAMPLE, today=dt.date(2026, 7, 1))

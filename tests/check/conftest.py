"""Fixtures of the check's tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.check.edits import REPO


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated model of three states (benchmarks/generate.py)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    out = tmp_path_factory.mktemp("generated") / "model"
    generate.generate_model(out, 300, states=3, seed=7)
    return out

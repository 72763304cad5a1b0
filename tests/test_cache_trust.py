"""The cache folder is read only when it is the user's own and nobody else can write to it
(archlex.cache_folder.trusted): unpickling an entry can run code, and `--no-cache` too reads
archlex's own data there. Otherwise one warning line, and the run works without the cache."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from archlex.cache_folder import write_sealed
from tests.conftest import REPO


class _Planted:
    """An entry that, unpickled, makes a folder: proof that the cache was read."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def _check(cache: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARCHLEX_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "archlex", "check", "model", "--as-of", "2026-06-01", *options],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _plant(cache: Path, marker: Path) -> list[Path]:
    """Every entry of the folder replaced by one that makes `marker` when unpickled."""
    entries = [p for p in cache.rglob("*") if p.is_file()]
    for entry in entries:
        write_sealed(entry, _Planted(marker))
        assert pickle.loads(entry.read_bytes()[32:]) is None and marker.is_dir()  # it works
        marker.rmdir()
    return entries


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_folder_others_can_write_is_not_read(tmp_path: Path) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    fresh = _check(cache, "--no-cache")  # keeps archlex's own data
    assert fresh.returncode == 1 and fresh.stderr == ""
    assert cache.stat().st_mode & 0o777 == 0o700  # made private
    _check(cache)  # and the model's: every kind of entry
    entries = _plant(cache, marker)
    assert {p.relative_to(cache).parts[0] for p in entries} >= {"validators", "libraries"}
    cache.chmod(0o775)
    for options in (["--no-cache"], []):
        done = _check(cache, *options)
        assert not marker.exists()  # nothing unpickled
        assert (done.stdout, done.returncode) == (fresh.stdout, 1)
        lines = done.stderr.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"archlex: warning: the cache folder {cache} is writable")
        assert "(mode 0775)" in lines[0]
    cache.chmod(0o755)
    for entry in entries:  # files in a private folder that others can write
        entry.chmod(0o664)
    done = _check(cache, "--no-cache")
    assert not marker.exists() and done.stdout == fresh.stdout
    assert done.stderr.count("\n") == 1 and "the cache file" in done.stderr
    for entry in entries:
        entry.chmod(0o600)
    _check(cache, "--no-cache")  # the control: a trusted folder is read
    assert marker.is_dir()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="chown needs root")
def test_a_folder_of_another_user_is_not_read(tmp_path: Path) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    _check(cache, "--no-cache")
    _plant(cache, marker)
    os.chown(cache, 65534, 65534)
    done = _check(cache, "--no-cache")
    assert not marker.exists() and done.returncode == 1
    assert done.stderr.count("\n") == 1 and "belongs to another user (uid 65534)" in done.stderr

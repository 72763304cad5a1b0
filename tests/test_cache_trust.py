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

from archlex.cache_folder import UntrustedCacheWarning, write_sealed
from archlex.site.page_cache import CachedPage, PageCache
from archlex.toolkit.dot import run_dot
from archlex.toolkit.drawings import drawings_cached_in
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


_PLANTED = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_drawing_others_could_write_is_not_copied_into_the_site(tmp_path: Path) -> None:
    folder, svg = tmp_path / "drawings", tmp_path / "drawn.svg"
    source = 'digraph "g" { "a" -> "b"; }'
    with drawings_cached_in(folder):
        run_dot(source, svg, None)
    drawn = svg.read_bytes()
    stored = next(folder.glob("*.svg"))
    assert stored.stat().st_mode & 0o077 == 0  # written private under any umask
    stored.write_bytes(_PLANTED)
    with drawings_cached_in(folder):
        run_dot(source, svg, None)  # the control: the user's own entry is used
    assert svg.read_bytes() == _PLANTED
    stored.chmod(0o664)
    with pytest.warns(UntrustedCacheWarning, match="the cache file"), drawings_cached_in(folder):
        run_dot(source, svg, None)
    assert svg.read_bytes() == drawn  # drawn again by Graphviz


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_page_others_could_write_is_not_copied_into_the_site(tmp_path: Path) -> None:
    pages = PageCache(tmp_path / "site-pages")
    pages.store({"k": CachedPage(_PLANTED, [], [], {})})
    entry = tmp_path / "site-pages" / "k.page"
    assert entry.stat().st_mode & 0o077 == 0
    found = pages.get("k")
    assert found is not None and found.html == _PLANTED  # the control
    entry.chmod(0o664)
    with pytest.warns(UntrustedCacheWarning, match="the cache file"):
        assert PageCache(tmp_path / "site-pages").get("k") is None

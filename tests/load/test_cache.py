"""The parse cache: the same results as without it, sees every edit, ignores corrupt entries."""

from __future__ import annotations

from pathlib import Path

from archlex.api import check_model, validate_model
from archlex.load.cache import ParseCache
from tests.conftest import EXAMPLE, WriteModel

SYSTEM = "systems:\n  - {id: pis, name: Police information system, kind: national}\n"


def _json(report: object) -> list[dict[str, object]]:
    return [f.to_json() for f in report.findings]  # type: ignore[attr-defined]


def test_a_cached_run_gives_exactly_the_uncached_result(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache")
    cold = check_model(EXAMPLE, EXAMPLE, cache=cache)
    assert any((tmp_path / "cache").rglob("*"))
    warm = check_model(EXAMPLE, EXAMPLE, cache=cache)
    plain = check_model(EXAMPLE, EXAMPLE)
    assert _json(cold) == _json(warm) == _json(plain)
    assert warm.model.counts() == plain.model.counts()
    assert warm.coverage == plain.coverage
    placed = {(e.id, loc.file, loc.at()) for e, loc in warm.project.sources.placed}
    assert placed == {(e.id, loc.file, loc.at()) for e, loc in plain.project.sources.placed}


def test_an_edited_file_is_read_again(write_model: WriteModel, tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache")
    root = write_model({"s.yaml": SYSTEM})
    assert validate_model(root, root, cache=cache).findings == []
    (root / "s.yaml").write_text(SYSTEM.replace("national}", "national, owner: nobody}"))
    [finding] = validate_model(root, root, cache=cache).findings
    assert (finding.rule, finding.target) == ("unknown-reference", "pis")


def test_findings_of_a_broken_file_come_back_from_the_cache(
    write_model: WriteModel, tmp_path: Path
) -> None:
    cache = ParseCache(tmp_path / "cache")
    root = write_model(
        {
            "s.yaml": SYSTEM.replace("kind: national", "kind: nationl")
            + "data:\n  - {id: d, name: D, name: E}\n"
        }
    )
    first = _json(validate_model(root, root, cache=cache))
    assert {f["rule"] for f in first} == {"schema", "duplicate-key"}
    assert _json(validate_model(root, root, cache=cache)) == first


def test_a_corrupt_or_foreign_entry_is_ignored(write_model: WriteModel, tmp_path: Path) -> None:
    cache = ParseCache(tmp_path / "cache")
    root = write_model({"s.yaml": SYSTEM})
    validate_model(root, root, cache=cache)
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert entries
    for index, entry in enumerate(entries):
        blob = entry.read_bytes()
        # flip a byte of the payload in one, write valid garbage with no checksum in another
        entry.write_bytes(
            blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:]
            if index % 2
            else b"not a cache entry at all"
        )
    report = validate_model(root, root, cache=cache)
    assert report.findings == [] and report.model.get("pis") is not None


def test_an_unwritable_cache_folder_is_no_error(write_model: WriteModel, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    root = write_model({"s.yaml": SYSTEM})
    report = validate_model(root, root, cache=ParseCache(blocked / "cache"))
    assert report.model.get("pis") is not None

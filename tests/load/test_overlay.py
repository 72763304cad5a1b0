"""Unsaved text laid over the files on disk, and the in-memory parse cache of the server."""

from __future__ import annotations

from pathlib import Path

from archlex.load import load_project
from archlex.load.cache import MemoryParseCache
from tests.conftest import WriteModel

SYSTEMS = "systems:\n  - id: visa-is\n    name: Visa\n    kind: {kind}\n    owner: pmlp\n"
ORGANISATIONS = "organisations:\n  - id: pmlp\n    name: PMLP\n    kind: migration\n"


def test_overlay_text_replaces_the_file_on_disk(write_model: WriteModel) -> None:
    root = write_model(
        {"orgs.yaml": ORGANISATIONS, "systems.yaml": SYSTEMS.format(kind="national")}
    )
    overlay = {(root / "systems.yaml").resolve(): SYSTEMS.format(kind="nationa").encode()}
    edited = load_project(root, root, overlay=overlay)
    assert [(f.rule, f.file, f.line) for f in edited.findings] == [("schema", "systems.yaml", 4)]
    assert load_project(root, root).findings == []  # the disk is untouched


def test_memory_cache_reads_again_only_the_edited_file(write_model: WriteModel) -> None:
    root = write_model(
        {"orgs.yaml": ORGANISATIONS, "systems.yaml": SYSTEMS.format(kind="national")}
    )
    cache = MemoryParseCache()
    load_project(root, root, cache)
    cache.sweep()
    before = dict(cache._entries)
    overlay = {(root / "systems.yaml").resolve(): SYSTEMS.format(kind="nationa").encode()}
    edited = load_project(root, root, cache, overlay=overlay)
    cache.sweep()
    assert [f.rule for f in edited.findings] == ["schema"]
    kept = set(before) & set(cache._entries)
    assert len(kept) == len(before) - 1  # every file but the edited one came from the cache
    assert len(cache._entries) == len(before)  # the edited file's old entry was forgotten
    assert all(cache._entries[key] is before[key] for key in kept)


def test_overlay_path_is_resolved(write_model: WriteModel, tmp_path: Path) -> None:
    root = write_model(
        {"orgs.yaml": ORGANISATIONS, "systems.yaml": SYSTEMS.format(kind="national")}
    )
    link = tmp_path / "link"
    link.symlink_to(root)
    overlay = {(root / "systems.yaml").resolve(): SYSTEMS.format(kind="x").encode()}
    assert [f.rule for f in load_project(link, link, overlay=overlay).findings] == ["schema"]

"""The site's page cache: a rebuild after an edit takes the unchanged pages from the cache and
writes the same site, byte for byte, as a full build of the edited model."""

from __future__ import annotations

import json
from pathlib import Path

from archlex.api import check_model
from archlex.site.build import build_site
from tests.conftest import MANIFEST, WriteModel
from tests.site.test_build_hostile import AS_OF, HOSTILE_MODEL


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_an_incremental_rebuild_equals_a_full_build(
    write_model: WriteModel, tmp_path: Path
) -> None:
    model = write_model({"model.yaml": HOSTILE_MODEL}, MANIFEST)
    cache, out, full = tmp_path / "cache", tmp_path / "site", tmp_path / "full"
    first = build_site(check_model(model, model, today=AS_OF), out, AS_OF, cache=cache)
    assert first.reused == 0

    edited = HOSTILE_MODEL.replace("<script>alert(3)</script>", "Robežsardzes sistēma")
    (model / "model.yaml").write_text(edited, encoding="utf-8")
    report = check_model(model, model, today=AS_OF)
    again = build_site(report, out, AS_OF, cache=cache)
    build_site(report, full, AS_OF)  # mkdocs' own build, no cache

    assert 0 < again.reused < again.pages  # the untouched pages came from the cache
    rebuilt, expected = _files(out), _files(full)
    assert sorted(rebuilt) == sorted(expected)
    for name, content in expected.items():
        assert rebuilt[name] == content, name
    assert "Robežsardzes sistēma" in (out / "systems" / "SYS-2.html").read_text(encoding="utf-8")
    search = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(entry["title"] + " " + entry["text"] for entry in search["docs"])
    assert "Robežsardzes sistēma" in texts and "SYS-1" in texts

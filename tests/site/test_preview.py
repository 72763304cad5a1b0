"""The live preview behind `archlex serve`: an edit rewrites only the pages it touches, and
those pages, the tags page and the search index are what a full build of the edited model
writes (the diagrams' own pages follow with the full build serve runs after)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from archlex.api import check_model
from archlex.site.build import build_site, page_cache
from archlex.site.edit_map import EditMap, page_links
from archlex.site.preview import Preview
from tests.conftest import MANIFEST, WriteModel
from tests.site.test_build_hostile import AS_OF, HOSTILE_MODEL

OLD_NAME = "[x](javascript:alert(2)) <script>alert(3)</script>"
NEW_NAME = "Robežsardzes sistēma"


def _search(site: Path, pages: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The search index's entries of these pages: location and title, and the text of those
    that embed no drawing."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in index["docs"]:
        page = entry["location"].split("#", 1)[0]
        if page in pages:
            drawn = "archlex-diagram" in (site / page).read_text(encoding="utf-8")
            text = "" if drawn else entry["text"]
            found.setdefault(page, []).append((entry["location"], entry["title"] + text))
    return found


def _page(path: Path) -> str:
    """A page without the drawings it embeds (the previous one until the full build)."""
    html = path.read_text(encoding="utf-8")
    return re.sub(r'<figure class="archlex-diagram".*?</figure>', "", html, flags=re.S)


def _edit(model: Path, old: str, new: str) -> None:
    text = (model / "model.yaml").read_text(encoding="utf-8")
    (model / "model.yaml").write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_serves_the_pages_a_full_build_writes(
    write_model: WriteModel, tmp_path: Path
) -> None:
    model = write_model({"model.yaml": HOSTILE_MODEL}, MANIFEST)
    out, project, cache = tmp_path / "site", tmp_path / "project", tmp_path / "cache"
    report = check_model(model, model, today=AS_OF)
    build_site(report, out, AS_OF, project, cache=cache)
    scratch = tmp_path / ".site.serve"
    preview = Preview.open(report, AS_OF, project, out, scratch, page_cache(cache, model, out))

    # An entity without a page of its own touches the pages that name it.
    assert {"organisations/ORG-1.md", "systems/SYS-1.md"} <= preview._mentioning({"ORG-1"})
    assert "systems/SYS-2.md" not in preview._mentioning({"ORG-1"})

    before = (out / "systems" / "SYS-1.html").stat().st_mtime_ns
    _edit(model, "flows:", "# a comment changes no page\nflows:")
    assert preview.apply(check_model(model, model, today=AS_OF)) == []
    assert (out / "systems" / "SYS-1.html").stat().st_mtime_ns == before

    _edit(model, OLD_NAME, NEW_NAME)
    report = check_model(model, model, today=AS_OF)
    written = preview.apply(report)
    full = build_site(report, tmp_path / "full", AS_OF).out
    assert written is not None
    assert {"systems/SYS-2.md", "systems/SYS-1.md", "systems/index.md"} <= set(written)
    assert "organisations/ORG-1.md" not in written  # it shows nothing of SYS-2
    for page in [*written, "tags.md"]:
        html = page.replace(".md", ".html")
        assert _page(out / html) == _page(full / html), html
    assert NEW_NAME in (out / "systems" / "SYS-2.html").read_text(encoding="utf-8")
    pages = [page.replace(".md", ".html") for page in [*written, "tags.md"]]
    assert _search(out, pages) == _search(full, pages)
    assert len(_search(out, pages)) == len(pages)
    assert not scratch.exists()  # every page moved into the site

    _edit(model, "flows:", "  - {id: SYS-3, name: New, kind: national}\nflows:")
    assert preview.apply(check_model(model, model, today=AS_OF)) is None  # a new page


def test_a_page_links_to_the_pages_its_links_and_diagrams_name() -> None:
    markdown = (
        "[SYS-1](SYS-1.md) [F-1](../flows/F-1.md#data) [web](https://example.org/a.md) "
        '<a href="../systems/SYS-2.html"><text>x</text></a> [top](#top) [mail](mailto:a@b.c)'
    )
    assert page_links("systems/SYS-9.md", markdown) == {
        "systems/SYS-1.md",
        "flows/F-1.md",
        "systems/SYS-2.md",
    }
    edit_map = EditMap.build({"a.md": "[b](b.md)", "b.md": "[c](c.md)", "c.md": ""})
    assert edit_map.around(["b.md"]) == {"a.md", "b.md", "c.md"}
    edit_map.update("a.md", "no links now")
    assert edit_map.around(["b.md"]) == {"b.md", "c.md"}

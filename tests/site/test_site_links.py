"""The site's page names (slugs) and the ids in tables that become links (site/links.py)."""

from __future__ import annotations

from archlex.site.links import SiteMap, slug
from tests.conftest import WriteModel


def test_slugs_are_safe_and_unique_ignoring_case() -> None:
    assert slug("2019/817") == "2019-817"
    assert slug("eu.ESP") == "eu-ESP"
    assert slug("CON") == "CON-page"
    assert slug("..") == "page"
    site = SiteMap()
    first = site._claim("systems", slug("eu.ESP"))
    second = site._claim("systems", slug("eu-esp"))
    assert first == "systems/eu-ESP.md"
    assert second == "systems/eu-esp-2.md"


def test_only_whole_cells_of_ids_become_links(write_model: WriteModel) -> None:
    from archlex.api import load
    from archlex.site.links import link_table_ids

    folder = write_model(
        {
            "s.yaml": "systems:\n"
            "  - {id: SYS_1, name: One, kind: national}\n"
            "  - {id: '2025', name: A year-like id, kind: national}\n"
        }
    )
    site = SiteMap.build(load(folder).model)
    markdown = "\n".join(
        [
            "| A | B | C | D | E | F |",
            "| --- | --- | --- | --- | --- | --- |",
            r"| SYS\_1 | 2025 | SYS\_1 and more | SYS\_1, 2025 | 2019/817 Art 20(1) "
            r"| **SYS\_1**<br>SYS\_1: One (agreed)<br>Two: SYS\_1 |",
            r"SYS\_1 outside a table",
        ]
    )
    linked = link_table_ids(markdown, site, "matrix/index.md").split("\n")
    cells = [c.strip() for c in linked[2].strip("|").split("|")]
    assert cells[0] == r"[SYS\_1](../systems/SYS_1.md)"
    assert cells[1] == "2025"  # numbers and dates stay text
    assert cells[2] == r"SYS\_1 and more"
    assert cells[3] == r"[SYS\_1](../systems/SYS_1.md), [2025](../systems/2025.md)"
    assert cells[4].startswith("[2019/817 Art 20(1)](../articles/")
    assert cells[5].split("<br>") == [
        r"**[SYS\_1](../systems/SYS_1.md)**",
        r"[SYS\_1](../systems/SYS_1.md): One (agreed)",
        r"Two: SYS\_1",
    ]
    assert linked[3] == r"SYS\_1 outside a table"

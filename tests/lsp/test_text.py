"""The pure parts of the server: scalars on a line, columns in the client's units, edits."""

from __future__ import annotations

from archlex.lsp.edits import add_waiver, item_end
from archlex.lsp.files import Columns
from archlex.lsp.text import field_of, parent_key, scalar_spans, word_at


def test_scalars_of_block_and_flow_values() -> None:
    line = '    satisfies: ["2019/817 Art 20(1)", 2019/818 Art 7]  # cited'
    assert [(w.text, w.start, w.end) for w in scalar_spans(line)] == [
        ("2019/817 Art 20(1)", 17, 35),
        ("2019/818 Art 7", 38, 52),
    ]
    assert word_at("    owner: VRS", 14) is not None  # the cursor just after the value
    assert word_at("    owner: VRS", 5) is None  # on the key, not a value
    assert [w.text for w in scalar_spans("  - eu.ESP  # the portal")] == ["eu.ESP"]


def test_field_of_a_block_list_item_and_of_a_top_level_key() -> None:
    lines = ["requirements:", "  - id: R-1", "    allocated_to:", "      - RKIS", "data:", "  - x"]
    assert field_of(lines, 3) == "allocated_to"
    assert field_of(lines, 1) == "id"
    assert field_of(lines, 5) is None  # under `data:`, a kind of entity, not a field
    assert parent_key(["checks:", "  disable: [schema]"], 1) == "checks"


def test_columns_in_the_clients_units() -> None:
    line = "    name: Robežsardze 𝄞 x"
    column = line.index("x")
    assert Columns("utf-16").to_client(line, column) == column + 1  # 𝄞 is two UTF-16 units
    assert Columns("utf-8").to_client(line, column) == column + 1 + 3  # ž 2 bytes, 𝄞 4
    assert Columns("utf-32").to_client(line, column) == column
    for encoding in ("utf-8", "utf-16", "utf-32"):
        columns = Columns(encoding)
        assert columns.from_client(line, columns.to_client(line, column)) == column


def test_waiver_goes_at_the_end_of_the_waivers_block() -> None:
    lines = [
        "archlex: 1",
        "waivers:",
        "  - rule: schema",
        "    reason: x",
        "",
        "scope:",
        "  regulations: [2019/817]",
    ]
    first, count, new = add_waiver(lines, "orphan-system", "RKIS", "why", "2027-03-03")
    assert (first, count) == (4, 0)
    assert new == [
        "  - rule: orphan-system",
        "    target: RKIS",
        '    reason: "why"',
        "    expires: 2027-03-03",
    ]
    assert add_waiver(["archlex: 1", "waivers: []"], "schema", "x", "y", "z")[:2] == (1, 1)
    first, count, new = add_waiver(["archlex: 1"], "schema", "x", "y", "z")
    assert (first, count, new[:2]) == (1, 0, ["", "waivers:"])


def test_item_end_skips_comments_and_nested_lines() -> None:
    lines = [
        "requirements:",
        "  - id: A",
        "    text: >-",
        "      long",
        "",
        "  - id: B",
        "    x: 1",
    ]
    assert item_end(lines, 1) == 4
    assert item_end(lines, 5) == 7

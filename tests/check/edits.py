"""Random edits of a model's files and a comparison of the incremental check's report with a
cold check's, for tests/check/test_incremental*.py."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from pathlib import Path

from archlex.api import check_model
from archlex.check.incremental import ReportModel
from archlex.formats import write_report
from archlex.load.cache import ParseCache
from archlex.outcome import Report
from tests.check.models import TODAY

REPO = Path(__file__).resolve().parents[2]
FORMATS = ("text", "json", "sarif", "junit", "github")
Edit = Callable[[random.Random, list[str]], list[str]]


def _comment(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], " " * rng.randrange(6) + "# a comment", *lines[at:]]


def _blank(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], "", *lines[at:]]


def _trailing_comment(rng: random.Random, lines: list[str]) -> list[str]:
    """`key: value  # note` on a line with a plain scalar (the value stays the same)."""
    plain = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*(- )?[\w-]+: [\w.-]+", line)]
    if not plain:
        return lines
    at = rng.choice(plain)
    return [*lines[:at], lines[at] + "  # note", *lines[at + 1 :]]


def _quoted(rng: random.Random, lines: list[str]) -> list[str]:
    """A plain `id: X` written `id: "X"`: the same value, one column further on."""
    ids = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*(- )?id: [\w.-]+", line)]
    if not ids:
        return lines
    at = rng.choice(ids)
    key, _, value = lines[at].partition("id: ")
    return [*lines[:at], f'{key}id: "{value}"', *lines[at + 1 :]]


def _swapped(rng: random.Random, lines: list[str]) -> list[str]:
    """Two neighbouring one-line keys of a mapping (not its first) in the other order."""
    pairs = [
        i
        for i in range(1, len(lines) - 1)
        if re.fullmatch(r"    [a-z_]+: \S.*", lines[i])
        and re.fullmatch(r"    [a-z_]+: \S.*", lines[i + 1])
    ]
    if not pairs:
        return lines
    at = rng.choice(pairs)
    return [*lines[:at], lines[at + 1], lines[at], *lines[at + 2 :]]


def _changed_value(rng: random.Random, lines: list[str]) -> list[str]:
    texts = [i for i, line in enumerate(lines) if re.match(r"\s*(title|name|description): ", line)]
    if not texts:
        return lines
    at = rng.choice(texts)
    return [*lines[:at], lines[at].rstrip() + " edited", *lines[at + 1 :]]


def _removed_line(rng: random.Random, lines: list[str]) -> list[str]:
    at = rng.randrange(len(lines)) if lines else 0
    return [*lines[:at], *lines[at + 1 :]]


FIELD = re.compile(r"(\s*(?:- )?)([a-z_]+): (\S.*)")


def _other_value(rng: random.Random, lines: list[str]) -> list[str]:
    """One field's value (an id, a reference, a status, a date, a priority, a list, a number)
    changed: to one written for the same key elsewhere in the file (a valid enum value, an
    existing id: a duplicate), or altered (an unknown id, a year later, a list shortened,
    grown or emptied)."""
    fields = [(i, m) for i, line in enumerate(lines) if (m := FIELD.fullmatch(line))]
    fields = [(i, m) for i, m in fields if m.group(2) not in ("title", "text", "description")]
    if not fields:
        return lines
    at, match = rng.choice(fields)
    lead, key, value = match.groups()
    others = sorted({m.group(3) for _, m in fields if m.group(2) == key} - {value})
    value = rng.choice(others) if others and rng.random() < 0.5 else _altered(rng, value)
    return [*lines[:at], f"{lead}{key}: {value}", *lines[at + 1 :]]


def _altered(rng: random.Random, value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return f"{int(value[:4]) + rng.choice((-1, 1))}{value[4:]}"
    if value.startswith("[") and value.endswith("]"):
        items = [i.strip() for i in value[1:-1].split(",") if i.strip()]
        choice = rng.randrange(3)
        items = items[:-1] if choice == 0 else items + items[:1] if choice == 1 else []
        return "[" + ", ".join(items) + "]"
    if value in ("true", "false"):
        return "false" if value == "true" else "true"
    return value.strip('"') + rng.choice(("-x", "0", ""))


# The fields the graph and the reference pass read, a work package's end, and the id itself.
GRAPH_KEYS = frozenset(
    {"allocated_to", "satisfies", "delivers", "depends_on", "from", "to", "via", "after"}
    | {"data", "steps", "id", "end"}
)


def _graph_value(rng: random.Random, lines: list[str]) -> list[str]:
    """One field the graph or the reference pass reads changed: an allocation, what a
    requirement satisfies, what a work package delivers or depends on, a flow's ends, an id.
    A list in the other order, with an item more (one named elsewhere in the file, or the same
    again, or an id or a provision that does not exist), fewer, or emptied; a value named for
    the same key elsewhere (an id: a duplicate) or renamed (a reference to nothing)."""
    fields = [(i, m) for i, line in enumerate(lines) if (m := FIELD.fullmatch(line))]
    fields = [(i, m) for i, m in fields if m.group(2) in GRAPH_KEYS]
    if not fields:
        return lines
    at, match = rng.choice(fields)
    lead, key, value = match.groups()
    written = [m.group(3) for _, m in fields if m.group(2) == key]
    if value.startswith("[") and value.endswith("]"):
        pool = sorted({item for other in written for item in _items(other)})
        value = "[" + ", ".join(_other_items(rng, key, _items(value), pool)) + "]"
    elif key == "end":
        value = _altered(rng, value)  # a year earlier or later
    else:
        others = sorted(set(written) - {value})
        renamed = value.strip('"') + rng.choice(("-x", "2"))
        value = rng.choice(others) if others and rng.random() < 0.5 else renamed
    return [*lines[:at], f"{lead}{key}: {value}", *lines[at + 1 :]]


def _items(value: str) -> list[str]:
    return [i.strip() for i in value.strip("[]").split(",") if i.strip()]


def _other_items(rng: random.Random, key: str, items: list[str], pool: list[str]) -> list[str]:
    choice = rng.randrange(6)
    if choice == 0:
        return items[::-1]
    if choice == 1 and pool:
        return [*items, rng.choice(pool)]
    if choice == 2:
        return [*items, '"2019/817 Art 99(1)"' if key == "satisfies" else "NO-SUCH-ID"]
    if choice == 3:
        return items[1:]
    if choice == 4:
        return []
    return [*items, *items[:1]]  # the same item twice


def _moved_entity(rng: random.Random, files: list[Path]) -> None:
    """A requirement moved from one file to another (the same entities, elsewhere)."""
    sources = [f for f in files if "requirements" in f.name]
    if len(sources) < 2:
        return
    source, target = rng.sample(sources, 2)
    text = source.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    if len(blocks) < 3:
        return  # keep one requirement in the file
    moved = blocks.pop(rng.randrange(1, len(blocks)))
    source.write_text("".join(blocks), encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + moved, "utf-8")


NEUTRAL: list[Edit] = [_comment, _blank, _trailing_comment, _quoted, _swapped]
EDITS: list[Edit] = [*NEUTRAL, _changed_value, _removed_line, *[_other_value] * 4]


def _outputs(report: Report) -> dict[str, str]:
    outputs: dict[str, str] = {}
    for name in FORMATS:
        buffer = io.StringIO()
        write_report(report, name, buffer, False)
        outputs[name] = buffer.getvalue()
    return outputs


def _edit(rng: random.Random, files: list[Path], edits: list[Edit]) -> None:
    for path in rng.sample(files, min(len(files), rng.choice((1, 1, 2)))):
        lines = path.read_text(encoding="utf-8").splitlines()
        for _ in range(rng.randrange(1, 4)):
            lines = rng.choice(edits)(rng, lines)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _files(model: Path) -> list[Path]:
    return sorted(p for p in model.rglob("*.yaml") if p.name != "archlex.yaml")


def _added_or_removed(rng: random.Random, model: Path) -> None:
    """A model file removed, or a copy of one added beside it (its ids renamed, or not)."""
    files = _files(model)
    chosen = rng.choice(files)
    if rng.random() < 0.5 and len(files) > 2:
        chosen.unlink()
        return
    text = chosen.read_text(encoding="utf-8")
    if rng.random() < 0.7:
        text = re.sub(r"\bid: (\S+)", r"id: \1-copy", text)
    chosen.with_name(f"copy-{rng.randrange(1000)}-{chosen.name}").write_text(text, "utf-8")


def _manifest_edited(rng: random.Random, model: Path, report: Report) -> None:
    """A waiver of one of the last findings added, or the waivers taken out, or a comment."""
    manifest = model / "archlex.yaml"
    text = manifest.read_text(encoding="utf-8")
    targeted = [f for f in report.findings if f.target is not None]
    if "\nwaivers:" in text and rng.random() < 0.3:
        text = text[: text.index("\nwaivers:")] + "\n"
    elif targeted and "\nwaivers:" not in text:
        finding = rng.choice(targeted)
        text += (
            f"waivers:\n  - rule: {finding.rule}\n    target: {finding.target}\n"
            "    reason: accepted for the test\n"
        )
    else:
        text += "# a comment\n"
    manifest.write_text(text, encoding="utf-8")


def _compare(model: Path, cache: ParseCache, rounds: int, seed: int) -> tuple[int, int]:
    """Edit at random round after round; each time the incremental report must equal the
    cold one. How many rounds reused the last check, and how many were neutral edits."""
    rng = random.Random(seed)
    cold = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
    reused = neutral = 0
    for round_number in range(rounds):
        only_neutral = round_number % 2 == 0
        files = _files(model)
        # Mostly files with findings in them, so that the findings have to move.
        placed = sorted({model / f.file for f in cold.findings} & set(files))
        _edit(
            rng,
            placed if placed and rng.random() < 0.7 else files,
            NEUTRAL if only_neutral else EDITS,
        )
        if not only_neutral and rng.random() < 0.25:
            _added_or_removed(rng, model)
        if not only_neutral and rng.random() < 0.2:
            _manifest_edited(rng, model, cold)
        warm = check_model(model, model.parent, today=TODAY, cache=cache, incremental=True)
        cold = check_model(model, model.parent, today=TODAY)
        assert _outputs(warm) == _outputs(cold), f"round {round_number}"
        assert warm.exit_code == cold.exit_code
        reused += isinstance(warm.model, ReportModel)
        neutral += only_neutral
    return reused, neutral

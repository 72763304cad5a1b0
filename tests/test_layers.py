"""The import layers of docs/architecture.md hold: read with `ast`, every import in archlex
points down (or sideways within its layer), only `__main__` imports the CLI, and no two
packages import each other."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

SOURCE = REPO / "src"

# Lowest first; a module belongs to the longest prefix that matches it. The same table is in
# docs/architecture.md.
LAYERS: list[tuple[str, ...]] = [
    (
        "archlex",  # the package itself (__version__), not what is inside it
        "archlex.errors",
        "archlex.findings",
        "archlex.text",
        "archlex.files",
        "archlex.cache_folder",
        "archlex.gc_pause",
        "archlex.forked",
        "archlex.progress",
        "archlex.registry",
        "archlex.catalog.provision",
        "archlex.i18n",
        "archlex.i18n_catalogs",
    ),
    ("archlex.model",),
    ("archlex.load", "archlex.toolkit", "archlex.catalog", "archlex.terminology"),
    ("archlex.graph",),
    ("archlex.check", "archlex.rules"),
    ("archlex.outcome",),
    ("archlex.formats", "archlex.api", "archlex.localized"),
    ("archlex.render",),
    (
        "archlex.impact",
        "archlex.export",
        "archlex.imports",
        "archlex.diff",
        "archlex.site",
        "archlex.scaffold",
        "archlex.lsp",
    ),
    ("archlex.docs_gen",),
    ("archlex.cli",),
    ("archlex.__main__",),
]


def layer_of(module: str) -> int:
    """The layer of a module: the one of the longest prefix that matches it (-1: none, so a new
    top-level module must be given a layer here and in docs/architecture.md)."""
    best, length = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            inside = prefix != "archlex" and module.startswith(prefix + ".")
            matches = module == prefix or inside
            if matches and len(prefix) > length:
                best, length = index, len(prefix)
    return best


def module_name(path: Path) -> str:
    """`src/archlex/load/project.py` -> `archlex.load.project`."""
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> Iterator[tuple[str, int, bool]]:
    """Every archlex module a file imports, with its line, and whether only for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] == "archlex" and _is_module(name):
                yield name, node.lineno, id(node) in typing_only


def _is_module(name: str) -> bool:
    path = SOURCE.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


SOURCES = sorted(SOURCE.joinpath("archlex").rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert [module_name(p) for p in SOURCES if layer_of(module_name(p)) < 0] == []


def test_no_import_runs_up_a_layer() -> None:
    upward = [
        f"{path.relative_to(REPO)}:{line}: {module_name(path)} imports {name}"
        for path in SOURCES
        for name, line, _ in imports_of(path)
        if layer_of(name) > layer_of(module_name(path))
    ]
    assert upward == []


def test_only_main_imports_the_cli() -> None:
    importers = sorted(
        {
            module_name(path)
            for path in SOURCES
            if not module_name(path).startswith("archlex.cli")
            for name, _, _ in imports_of(path)
            if name == "archlex.cli" or name.startswith("archlex.cli.")
        }
    )
    assert importers == ["archlex.__main__"]


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_no_two_packages_import_each_other() -> None:
    edges: dict[str, set[str]] = {}
    for path in SOURCES:
        source = _package(module_name(path))
        for name, _, typing_only in imports_of(path):
            if not typing_only and _package(name) != source:
                edges.setdefault(source, set()).add(_package(name))
    assert _cycles(edges) == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk (each reported once from where it was met)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b", "a"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(
    edges: dict[str, set[str]], expected: list[list[str]]
) -> None:
    assert _cycles(edges) == expected


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("def f() -> None:\n    from archlex.cli.output import write_output\n")
    [(name, line, typing_only)] = [i for i in imports_of(module) if i[0].endswith("output")]
    assert (name, line, typing_only) == ("archlex.cli.output", 2, False)
    assert layer_of(name) > layer_of("archlex.render.output")

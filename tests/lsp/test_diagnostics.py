"""Diagnostics over stdio: a broken reference appears with code, range and hint, and goes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from archlex.lsp.files import path_of
from tests.conftest import run_archlex
from tests.lsp.client import (
    TIMEOUT,
    TODAY,
    copy_example,
    in_own_loop,
    lsp_session,
    open_file,
    replace_text,
    wait_for,
)


def _has(code: str) -> Callable[[Sequence[types.Diagnostic]], bool]:
    return lambda found: any(d.code == code for d in found)


def _lacks(code: str) -> Callable[[Sequence[types.Diagnostic]], bool]:
    return lambda found: not any(d.code == code for d in found)


@in_own_loop
async def test_broken_reference_diagnostic_appears_and_goes(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    path = root / "systems" / "border.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    owner: VRS\n" in text
    broken = text.replace("    owner: VRS\n", "    owner: VRZ\n", 1)
    line = broken.splitlines().index("    owner: VRZ")
    async with lsp_session(root) as client:
        uri = open_file(client, path, broken)
        found = await wait_for(client, uri, _has("unknown-reference"))
        diagnostic = next(d for d in found if d.code == "unknown-reference")
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert diagnostic.source == "archlex"
        assert diagnostic.range == types.Range(
            types.Position(line, 11), types.Position(line, 11 + len("VRZ"))
        )
        assert "`VRZ`" in diagnostic.message
        assert "hint: did you mean `VRS`" in diagnostic.message
        assert diagnostic.code_description is not None
        assert diagnostic.code_description.href.endswith("rules.md#unknown-reference")
        assert path.read_text(encoding="utf-8") == text  # the buffer was never saved

        replace_text(client, uri, text, 2)
        await wait_for(client, uri, _lacks("unknown-reference"))


def _expected(root: Path, findings: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    """The CLI's active findings as (uri, rule, severity, line, character, message)."""
    expected = set()
    for finding in findings:
        if finding.get("waived"):
            continue
        path = path_of(root, finding["file"])
        line = path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
        message = finding["message"] + (f"\nhint: {finding['hint']}" if "hint" in finding else "")
        expected.add(
            (
                path.resolve().as_uri(),
                finding["rule"],
                SEVERITY[finding["severity"]],
                finding["line"] - 1,
                len(line[: finding["column"] - 1].encode("utf-16-le")) // 2,
                message,
            )
        )
    return expected


def _published(client: LanguageClient) -> set[tuple[Any, ...]]:
    return {
        (uri, d.code, d.severity, d.range.start.line, d.range.start.character, d.message)
        for uri, found in client.diagnostics.items()
        for d in found
    }


SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@in_own_loop
async def test_diagnostics_equal_check_json(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    path = root / "flows" / "border.yaml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("legal_basis: [", 'legal_basis: ["2019/817 Art 99", ', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    result = run_archlex("check", str(root), "--format", "json", "--as-of", TODAY)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    expected = _expected(root, report["findings"])
    rules = {item[1] for item in expected}
    assert {"unknown-provision", "deadline-missed", "obligation-untraced"} <= rules
    async with lsp_session(root) as client:
        open_file(client, path)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while _published(client) != expected and loop.time() < deadline:
            await asyncio.sleep(0.1)
        assert _published(client) == expected
    # Findings on the library's obligations sit where the model makes them apply: `scope`.
    manifest = (root / "archlex.yaml").resolve().as_uri()
    scope = (root / "archlex.yaml").read_text(encoding="utf-8").splitlines().index("scope:")
    assert any(
        item[0] == manifest and item[1] == "deadline-missed" and item[3] == scope
        for item in expected
    )


@in_own_loop
async def test_a_manifest_that_cannot_be_read_is_one_diagnostic(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    manifest = root / "archlex.yaml"
    text = manifest.read_text(encoding="utf-8")
    async with lsp_session(root) as client:
        uri = open_file(client, manifest, text.replace("uses: [eu]", "uses: [eu", 1))
        found = await wait_for(client, uri, lambda f: any("cannot be read" in d.message for d in f))
        assert len(found) == 1 and found[0].severity == types.DiagnosticSeverity.Error
        replace_text(client, uri, text, 2)
        await wait_for(client, uri, _has("deadline-missed"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
@in_own_loop
async def test_columns_follow_the_negotiated_encoding(tmp_path: Path, encoding: str) -> None:
    root = copy_example(tmp_path)
    path = root / "systems" / "border.yaml"
    line = '  - {id: X-TEST, name: "Robežsardze 𝄞", kind: national, owner: VRZ}'
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + line + "\n"
    number = text.splitlines().index(line)
    async with lsp_session(root, encoding=encoding) as client:
        uri = open_file(client, path, text)
        found = await wait_for(client, uri, _has("unknown-reference"))
    diagnostic = next(d for d in found if d.code == "unknown-reference")
    prefix = line[: line.index("VRZ")]
    units = {"utf-8": len(prefix.encode()), "utf-16": len(prefix) + 1, "utf-32": len(prefix)}
    start = types.Position(number, units[encoding])
    assert diagnostic.range == types.Range(start, types.Position(number, start.character + 3))


def _checks(client: LanguageClient) -> int:
    return sum("checked and published" in m.message for m in client.log_messages)


@in_own_loop
async def test_a_burst_of_changes_is_checked_once(tmp_path: Path) -> None:
    root = copy_example(tmp_path)
    path = root / "systems" / "border.yaml"
    text = path.read_text(encoding="utf-8")
    async with lsp_session(root, {"debounce": 1.0}) as client:
        uri = open_file(client, path)
        await wait_for(client, (root / "archlex.yaml").resolve().as_uri(), lambda f: len(f) > 0)
        await asyncio.sleep(0.5)
        before = _checks(client)
        for version, owner in enumerate(["V", "VR", "VRZ", "VRZZ", "VRZ"], start=2):
            replace_text(
                client, uri, text.replace("    owner: VRS\n", f"    owner: {owner}\n", 1), version
            )
            await asyncio.sleep(0.05)
        found = await wait_for(client, uri, _has("unknown-reference"))
        assert any("`VRZ`" in d.message for d in found)
        await asyncio.sleep(1.5)  # a second check, had there been one, would have come by now
        assert _checks(client) == before + 1

"""How long after an edit `archlex lsp` shows its diagnostics, on the 10k-entity model.

A real client (pytest-lsp's, on pygls) starts the real server over stdio on the generated
model, waits for the first check, then edits one requirements file in the buffer (never on
disk) `--repeat` times: each edit adds a requirement allocated to a system that does not
exist, and the time counted runs from sending the change to receiving the diagnostic about
it, the server's debounce included. In the same run, interleaved, the CLI's warm check after
the same one-file change (`archlex check`, parse cache filled) is timed for the ratio.
Target: under 1 s for the server (issue 20).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

import models

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.0
ARCHLEX = Path(sys.executable).parent / "archlex"
ADDED = (
    "  - id: BENCH-REQ-{n}\n    title: Bench edit {n}\n    allocated_to: [BENCH-NO-SYSTEM-{n}]\n"
)


async def _until(client: LanguageClient, uri: str, needle: str, timeout: float = 120) -> float:
    """Wait until a diagnostic of `uri` mentions `needle`; the moment it came."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if any(needle in d.message for d in client.diagnostics.get(uri, [])):
            return time.perf_counter()
        await asyncio.sleep(0.005)
    raise TimeoutError(f"no diagnostic mentioning {needle} in {uri}")


def _cli_warm(folder: Path, edited: Path, text: str, cache: Path) -> float:
    """The CLI's check after the same edit written to disk (restored after)."""
    original = edited.read_text(encoding="utf-8")
    edited.write_text(text, encoding="utf-8")
    try:
        start = time.perf_counter()
        subprocess.run(
            [str(ARCHLEX), "check", str(folder)],
            env={**os.environ, "ARCHLEX_CACHE_DIR": str(cache)},
            stdout=subprocess.DEVNULL,
            check=False,
        )
        return time.perf_counter() - start
    finally:
        edited.write_text(original, encoding="utf-8")


async def measure(folder: Path, repeat: int, cache: Path) -> dict[str, list[float]]:
    """Seconds per case: first check, edit-to-diagnostics, CLI warm check."""
    edited = sorted(folder.glob("*/requirements-*.yaml"))[0]
    uri = edited.resolve().as_uri()
    text = edited.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {
        "first check": [],
        "edit to diagnostics": [],
        "server check": [],
        "cli": [],
    }
    client = make_test_lsp_client()
    start = time.perf_counter()
    await client.start_io(str(ARCHLEX), "lsp")
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri()
        )
    )
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 0, text))
    )
    await _first(client)
    times["first check"].append(time.perf_counter() - start)
    await asyncio.to_thread(_cli_warm, folder, edited, text, cache)  # fills its cache, untimed
    for n in range(1, repeat + 1):
        buffer = text + ADDED.format(n=n)
        await asyncio.sleep(0.5)  # whatever the server still sends arrives before the edit
        seen = len(_logged(client))
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=n, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=buffer)],
            )
        )
        times["edit to diagnostics"].append(
            await _until(client, uri, f"BENCH-NO-SYSTEM-{n}`") - sent
        )
        times["server check"].append(await _next_logged(client, seen))
        # In a thread: the client's loop keeps reading what the server sends meanwhile.
        times["cli"].append(await asyncio.to_thread(_cli_warm, folder, edited, buffer, cache))
    await client.shutdown_session()
    await client.stop()  # type: ignore[no-untyped-call]
    return times


def _logged(client: LanguageClient) -> list[float]:
    """The seconds of every check the server logged (its message follows the diagnostics)."""
    return [
        float(found.group(1))
        for message in client.log_messages
        if (found := re.search(r"checked and published in ([0-9.]+) s", message.message))
    ]


async def _next_logged(client: LanguageClient, seen: int) -> float:
    """The seconds of the first check logged after the `seen` ones."""
    while len(_logged(client)) <= seen:
        await asyncio.sleep(0.005)
    return _logged(client)[seen]


async def _first(client: LanguageClient) -> None:
    """Wait until the first check has published anything at all."""
    while not client.diagnostics:
        await asyncio.sleep(0.01)


def report(times: dict[str, list[float]], info: models.ModelInfo, repeat: int) -> str:
    """RESULTS-lsp.md."""
    edits, cli = times["edit to diagnostics"], times["cli"]
    under = sum(t < TARGET for t in edits)
    ratio = statistics.median(edits) / statistics.median(cli)
    machine = platform.processor() or platform.machine()
    rows = [
        ("server: first check after start (once)", times["first check"]),
        ("server: one-file edit to its diagnostic (debounce 0.2 s included)", edits),
        ("server: its check and publishing alone (its log)", times["server check"]),
        ("CLI: `archlex check` after the same edit, parse cache warm", cli),
    ]
    lines = [
        "# Benchmark: `archlex lsp`, diagnostics after an edit",
        "",
        f"- Date: {dt.date.today().isoformat()}; machine: {machine}, {os.cpu_count()} cores, "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}",
        f"- Model: {info.entities:,} entities, {info.files} files, {info.megabytes:.1f} MB "
        "(benchmarks/generate.py, seed 1)",
        f"- Command: `python benchmarks/bench_lsp.py --repeat {repeat}`",
        f"- 1-minute load average at the end: {os.getloadavg()[0]:.2f} (2 cores: above 2, "
        "other work competed for the CPU)",
        f"- Target: diagnostics under {TARGET} s after an edit; met in {under}/{len(edits)} edits",
        f"- Server / CLI ratio (medians, same run): {ratio:.2f}",
        "",
        "| case | median s | min-max s | runs |",
        "|---|---:|---:|---:|",
    ]
    for name, walls in rows:
        ordered = sorted(walls)
        lines.append(
            f"| {name} | {statistics.median(walls):.3f} | {ordered[0]:.3f}-{ordered[-1]:.3f} "
            f"| {len(walls)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Measure and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS-lsp.md")
    args = parser.parse_args()
    info = models.prepare_model(args.entities)
    with tempfile.TemporaryDirectory(prefix="archlex-bench-lsp-") as cache:
        times = asyncio.run(measure(info.folder, args.repeat, Path(cache)))
    text = report(times, info, args.repeat)
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

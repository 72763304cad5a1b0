"""Benchmark `archlex validate` against the floor of parsing the same YAML with libyaml."""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import os
import platform
import resource
import shutil
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

import yaml

import generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / ".cache"
TARGET_RATIO = 2.0
TARGET_SIZE = 100_000
# Findings that mean the generated model itself is broken, so the run would measure nothing real.
INTEGRITY_RULES = frozenset(
    {"yaml-syntax", "duplicate-key", "schema", "duplicate-id", "unknown-reference",
     "unknown-provision", "include-outside", "include-unmatched"}
)  # fmt: skip


class FindingLike(Protocol):
    """What the benchmark reads of a finding."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...


class ReportLike(Protocol):
    """What the benchmark reads of `validate_model`'s result."""

    @property
    def findings(self) -> Sequence[FindingLike]: ...


Validate = Callable[[Path], ReportLike]


def import_validate() -> Validate:
    """`archlex.api.validate_model`, from the installed package or else this checkout's src/."""
    try:
        module = importlib.import_module("archlex.api")
    except ModuleNotFoundError as error:
        if error.name not in ("archlex", "archlex.api"):
            raise
        # Not installed into this interpreter: benchmark the working tree instead.
        sys.path.insert(0, str(REPO / "src"))
        importlib.invalidate_caches()
        try:
            module = importlib.import_module("archlex.api")
        except ModuleNotFoundError as inner:
            if inner.name not in ("archlex", "archlex.api"):
                raise
            raise SystemExit(
                "bench_validate.py: archlex.api is missing; install archlex "
                "(pip install -e .) or run with --baseline-only"
            ) from inner
    function = getattr(module, "validate_model", None)
    if function is None:
        raise SystemExit("bench_validate.py: archlex.api has no validate_model(path)")
    return cast(Validate, function)


def fingerprint(seed: int, states: int) -> str:
    """A hash of the generator's code and settings: a cached model is reused only if it matches."""
    digest = hashlib.sha256(f"{seed}:{states}".encode())
    for module in [HERE / "generate.py", *sorted(HERE.glob("synth_*.py"))]:
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def prepare_model(entities: int, seed: int, states: int) -> Path:
    """The cached model of this size, generated first when missing or stale."""
    folder = CACHE / str(entities)
    stamp = folder / ".fingerprint"
    wanted = fingerprint(seed, states)
    if stamp.is_file() and stamp.read_text() == wanted:
        return folder
    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    shutil.rmtree(folder, ignore_errors=True)
    scratch = CACHE / f"{entities}.partial"
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    summary = generate.generate_model(scratch, entities, states, seed)
    print(f"  generated {summary.entities} entities, {summary.files} files, "
          f"{summary.bytes / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")  # fmt: skip
    (scratch / ".fingerprint").write_text(wanted)
    scratch.rename(folder)  # only a complete model ever sits under its final name
    return folder


def included_files(manifest: Path) -> list[Path]:
    """The manifest and every file its `include` globs match, sorted and each once."""
    data = yaml.load(manifest.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    root = manifest.parent
    found = {p for pattern in data.get("include") or [] for p in root.glob(pattern) if p.is_file()}
    return [manifest, *sorted(found)]


def library_manifest() -> Path | None:
    """The bundled `eu` library's manifest, as archlex would find it (package, then checkout)."""
    candidates = [REPO / "model" / "eu" / "archlex.yaml"]
    if "archlex" in sys.modules:
        package = Path(str(sys.modules["archlex"].__file__)).parent
        candidates.insert(0, package / "library" / "eu" / "archlex.yaml")
    return next((c for c in candidates if c.is_file()), None)


def parse_all(files: Sequence[Path]) -> list[Any]:
    """The baseline: read and parse every file with libyaml, nothing else."""
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a parsed document."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def count_entities(documents: Sequence[Any]) -> int:
    """Entities in parsed model files: every mapping with an `id`."""
    return sum(1 for doc in documents for node in walk(doc) if "id" in node)


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, after collecting the previous run's garbage, and its result."""
    gc.collect()
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def check_report(report: ReportLike) -> Counter[str]:
    """Stop when the model is broken; otherwise the findings by rule (a sanity summary)."""
    broken = [
        f for f in report.findings if str(f.severity) == "error" and f.rule in INTEGRITY_RULES
    ]
    if broken:
        for f in broken[:5]:
            print(f"  {f.file}:{f.line}: {f.rule}: {f.message}", file=sys.stderr)
        raise SystemExit(f"bench_validate.py: {len(broken)} integrity findings; fix the generator")
    return Counter(f"{f.rule} ({f.severity})" for f in report.findings)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class SizeResult:
    """The measurements for one model size."""

    entities: int
    files: int
    megabytes: float
    parse: list[float] = field(default_factory=list)
    validate: list[float] = field(default_factory=list)
    findings: Counter[str] = field(default_factory=Counter)
    peak_rss_mb: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after

    @property
    def min_ratio(self) -> float | None:
        """min(validate) / min(parse): steadier than the medians when others share the CPU."""
        return min(self.validate) / min(self.parse) if self.validate else None

    @property
    def ratio(self) -> float | None:
        """median(validate) / median(parse), when validate was measured."""
        if not self.validate:
            return None
        return statistics.median(self.validate) / statistics.median(self.parse)


def measure(model: Path, repeat: int, validate: Validate | None) -> SizeResult:
    """Interleave the baseline and validate runs `repeat` times in this one process."""
    model_files = included_files(model / "archlex.yaml")
    library = library_manifest()
    files = model_files + (included_files(library) if library else [])
    documents = parse_all(model_files)  # also warms the page cache for both contenders
    megabytes = sum(p.stat().st_size for p in model_files) / 1e6
    result = SizeResult(count_entities(documents), len(model_files), megabytes)
    del documents
    load_before = os.getloadavg()[0]
    for _ in range(repeat):
        seconds, _parsed = timed(lambda: parse_all(files))
        result.parse.append(seconds)
        del _parsed
        if validate is not None:
            seconds, report = timed(lambda: validate(model))
            result.validate.append(seconds)
            result.findings = check_report(report)
            del report
    result.peak_rss_mb = peak_rss_mb()
    result.load = (load_before, os.getloadavg()[0])
    return result


def spread(values: Sequence[float]) -> str:
    """median (min-max) in seconds."""
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def table(results: Sequence[SizeResult]) -> list[str]:
    """The Markdown table of results."""
    rows = [
        "| entities | files | MB | parse s, median (min-max) | validate s, median (min-max) "
        "| validate/parse | of minimums | peak RSS MB | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        validate = spread(r.validate) if r.validate else "n/a"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "n/a"
        min_ratio = f"{r.min_ratio:.2f}" if r.min_ratio is not None else "n/a"
        rows.append(
            f"| {r.entities:,} | {r.files} | {r.megabytes:.1f} | {spread(r.parse)} | {validate} "
            f"| {ratio} | {min_ratio} | {r.peak_rss_mb:.0f} | {r.load[0]:.1f}-{r.load[1]:.1f} |"
        )
    return rows


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or the platform's guess."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions() -> str:
    """Python, PyYAML / libyaml, pydantic and archlex versions."""
    import pydantic  # only for its version; the benchmark itself never uses it

    libyaml = yaml.__with_libyaml__ and importlib.import_module("yaml._yaml").get_version_string()
    archlex = getattr(sys.modules.get("archlex"), "__version__", "not loaded")
    return (
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
        f"(libyaml {libyaml or 'missing'}), pydantic {pydantic.VERSION}, archlex {archlex}"
    )


def verdict(results: Sequence[SizeResult]) -> str:
    """Whether the target was met at the target size, if that size was measured."""
    at_target = [r for r in results if r.entities == TARGET_SIZE and r.ratio is not None]
    if not at_target:
        return f"Not measured at {TARGET_SIZE:,} entities in this run."
    ratio = cast(float, at_target[0].ratio)
    met = "met" if ratio <= TARGET_RATIO else "NOT met"
    return f"At {TARGET_SIZE:,} entities validate/parse = {ratio:.2f}: target {met}."


def findings_lines(results: Sequence[SizeResult]) -> list[str]:
    """Per size, the findings of the last validate run, by rule (the deliberate gaps show here)."""
    lines = []
    for r in results:
        counts = ", ".join(f"{rule}: {n}" for rule, n in sorted(r.findings.items())) or "none"
        lines.append(f"- {r.entities:,} entities: {counts}")
    return lines


def render_results(results: Sequence[SizeResult], command: str, args: argparse.Namespace) -> str:
    """RESULTS.md: machine, command, table, target."""
    out = [
        "# Benchmark: archlex validate against parsing the YAML",
        "",
        f"Target: validate/parse <= {TARGET_RATIO} at {TARGET_SIZE // 1000}k entities",
        "",
        f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}",
        f"- Software: {versions()}",
        f"- Command: `{command}`",
        f"- Models: `benchmarks/generate.py`, {args.states} states, seed {args.seed}; "
        f"{args.repeat} repetitions, parse and validate interleaved in one process",
        "- parse: read and `yaml.load(..., Loader=yaml.CSafeLoader)` the manifest, every included "
        "file and the bundled `eu` library; validate: `archlex.api.validate_model(folder)`",
        "- MB and files count the model itself (manifest and included files), not the library; "
        "peak RSS is the whole process's peak so far, so it only grows down the table",
        "- validate/parse is the ratio of the medians, the target's measure; load is the 1-minute "
        "load average before and after the size's runs, this benchmark included: above the "
        "number of cores, other work competed for the CPU and the ratio of minimums is steadier",
        "",
        *table(results),
        "",
        verdict(results),
        "",
        "Findings of the last validate run, by rule (the generator's deliberate gaps are for "
        "the rules of `archlex check`, not for validate's):",
        "",
        *findings_lines(results),
    ]
    return "\n".join(out) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="entity counts, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per size")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="results file")
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument("--states", type=int, default=31, help="states in the model")
    parser.add_argument(
        "--baseline-only", action="store_true", help="measure parsing only; print, write nothing"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate (or reuse) each model, measure, print and write the results."""
    args = parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    validate = None if args.baseline_only else import_validate()
    results = []
    for size in sizes:
        print(f"{size:,} entities:")
        model = prepare_model(size, args.seed, args.states)
        result = measure(model, args.repeat, validate)
        results.append(result)
        print("  " + table(results)[-1])
    command = "python benchmarks/bench_validate.py " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    text = render_results(results, command.strip(), args)
    if args.baseline_only:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

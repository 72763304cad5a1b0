"""What the figures were measured on: the machine, the software, the commit, the load."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def machine() -> str:
    """CPU model, cores, RAM and kernel."""
    cpu = _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory = _proc_field("/proc/meminfo", "MemTotal")
    ram = f"{int(memory.split()[0]) / 1024**2:.0f} GiB RAM" if memory else "RAM unknown"
    return f"{cpu}, {os.cpu_count()} cores, {ram}, {platform.system()} {platform.release()}"


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def software() -> str:
    """Python, PyYAML with libyaml, pydantic, rapidyaml (if installed), networkx."""
    libyaml = "missing"
    if yaml.__with_libyaml__:
        from yaml import _yaml

        libyaml = str(_yaml.get_version_string())
    parts = [
        f"Python {platform.python_version()}",
        f"PyYAML {yaml.__version__} (libyaml {libyaml})",
        f"pydantic {_version('pydantic')}",
        f"rapidyaml {_version('rapidyaml') or 'not installed'}",
        f"networkx {_version('networkx')}",
        f"archlex {_version('archlex')}",
    ]
    return ", ".join(parts)


def commit() -> str:
    """The checkout's commit, marked when the working tree has uncommitted changes."""

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    head = git("rev-parse", "--short=10", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    return head + (" + uncommitted changes in src/" if dirty else "")


def load_average() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


def now() -> str:
    """The time, in UTC, to the minute."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def compile_archlex() -> None:
    """Compile archlex's modules to bytecode, as installing a wheel does: an editable install
    run with PYTHONDONTWRITEBYTECODE=1 compiles every module it imports from source on every
    run, which a benchmark of archlex's own commands must not count."""
    import archlex  # the package this interpreter runs

    package = Path(archlex.__file__).parent
    command = [sys.executable, "-m", "compileall", "-q", str(package)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

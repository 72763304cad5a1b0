"""The rule registry: every module of archlex.check.rules declares one rule, and this builds the
rule table, the phases, `archlex rules` and docs/rules.md from them."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from archlex.findings import Finding, Severity

if TYPE_CHECKING:
    from archlex.check.context import CheckContext
    from archlex.model import Manifest

RULE_PACKAGE = "archlex.check.rules"
CheckFunction = Callable[["CheckContext"], Iterable[Finding]]
# What a rule reads of the model's entities: each kind (as its list is named in YAML) and the
# fields (attribute names) it reads of it; every entity's id is read by every rule. See
# archlex.check.reads and docs/contributing.md.
Reads = Mapping[str, frozenset[str]]
F = TypeVar("F", bound=CheckFunction)


class Phase(StrEnum):
    """When a rule runs: `validate` (and so `check` too), or only `check`."""

    VALIDATE = "validate"
    CHECK = "check"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule: its id, default severity, summary and phase, and the function that applies it
    (None for a rule reported while reading the model or applying waivers)."""

    id: str
    severity: Severity
    summary: str
    phase: Phase = Phase.CHECK
    module: str = ""  # the module that declares it: its docstring is the explanation
    function: CheckFunction | None = None
    contract: bool = False  # a rule id of the contract (docs/model-format.md)
    fatal: bool = False  # the model could not be read at all: exit code 2
    # The fields it reads (None: not declared, a bug tests/check/test_reads.py finds); a rule
    # reported while reading the model or applying waivers reads none.
    reads: Reads | None = None
    # The fields among `reads` whose edit changes only its findings about the edited entity,
    # worked out from that entity alone, the model's ids and kinds and the libraries (None:
    # not declared, a bug tests/check/test_reach.py finds; {}: no such field). See
    # archlex.check.reach.
    reach: Reads | None = None
    # The fields among `reads` whose edit changes only its findings about the entities the
    # edit reaches through the links archlex.check.neighbours follows (a requirement's
    # citations, a work package's deliveries), found from their neighbourhood (None: not
    # declared, a bug tests/check/test_through.py finds; {}: no such field).
    through: Reads | None = None
    # When the rule finds nothing whatever the entities, given the manifest (None: never
    # known): an edit of what it reads then changes none of its findings.
    idle: Callable[[Manifest], bool] | None = None

    @property
    def explanation(self) -> str:
        """A paragraph: why it matters and how to fix it (the declaring module's docstring)."""
        module = sys.modules.get(self.module)
        return " ".join((module.__doc__ or "").split()) if module else ""

    @property
    def bad(self) -> str:
        """A YAML snippet where the rule fires (examples/<id>.bad.yaml)."""
        return _example(self.module, self.id, "bad")

    @property
    def good(self) -> str:
        """The same snippet fixed (examples/<id>.good.yaml)."""
        return _example(self.module, self.id, "good")


_DECLARED: dict[str, RuleInfo] = {}


def declare(
    module: str,
    rule_id: str,
    severity: Severity,
    phase: Phase,
    summary: str,
    *,
    contract: bool = False,
    fatal: bool = False,
    function: CheckFunction | None = None,
    reads: Reads | None = None,
    reach: Reads | None = None,
    through: Reads | None = None,
    idle: Callable[[Manifest], bool] | None = None,
) -> RuleInfo:
    """Declare a rule from its module (pass `__name__`); a second declaration is a bug."""
    if rule_id in _DECLARED and _DECLARED[rule_id].module != module:
        raise ValueError(
            f"rule {rule_id!r} is declared twice: {module}, {_DECLARED[rule_id].module}"
        )
    if function is None and reads is None:
        reads = {}  # found by the loader or the waivers, from no entity's fields
    if function is None and reach is None:
        reach = {}
    if function is None and through is None:
        through = {}
    info = RuleInfo(
        rule_id,
        severity,
        summary,
        phase,
        module,
        function,
        contract,
        fatal,
        reads,
        reach,
        through,
        idle,
    )
    _DECLARED[rule_id] = info
    return info


def rule(
    rule_id: str,
    severity: Severity,
    phase: Phase,
    summary: str,
    *,
    contract: bool = False,
    fatal: bool = False,
    reads: Reads | None = None,
    reach: Reads | None = None,
    through: Reads | None = None,
    idle: Callable[[Manifest], bool] | None = None,
) -> Callable[[F], F]:
    """Declare a rule and the function that applies it to a loaded project, with the fields
    it reads (`reads`, archlex.check.reads), those of them whose edit it can check for the
    edited entity alone (`reach`, archlex.check.reach) or for the entities the edit links
    (`through`, archlex.check.neighbours), and when it finds nothing (`idle`)."""

    def register(function: F) -> F:
        declare(
            function.__module__,
            rule_id,
            severity,
            phase,
            summary,
            contract=contract,
            fatal=fatal,
            function=function,
            reads=reads,
            reach=reach,
            through=through,
            idle=idle,
        )
        return function

    return register


@cache
def _discovered() -> dict[str, RuleInfo]:
    """Every rule, by id: importing each module of the rule package declares its rule."""
    package = importlib.import_module(RULE_PACKAGE)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{RULE_PACKAGE}.{module.name}")
    return dict(sorted(_DECLARED.items()))


class _RuleTable(Mapping[str, RuleInfo]):
    """Every rule by id, sorted; the rule modules are imported on first use."""

    def __getitem__(self, rule_id: str) -> RuleInfo:
        return _discovered()[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(_discovered())

    def __len__(self) -> int:
        return len(_discovered())


class _RuleIds(Set[str]):
    """The ids of the rules that match a test, read from the table on use."""

    def __init__(self, test: Callable[[RuleInfo], bool]) -> None:
        self._test = test
        self._found: frozenset[str] | None = None

    def _ids(self) -> frozenset[str]:
        if self._found is None:
            self._found = frozenset(r.id for r in _discovered().values() if self._test(r))
        return self._found

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and rule_id in self._ids()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._ids()))

    def __len__(self) -> int:
        return len(self._ids())


RULES: Mapping[str, RuleInfo] = _RuleTable()
# The rules `archlex validate` applies; `archlex check` applies them and the rest.
VALIDATE_RULES: Set[str] = _RuleIds(lambda r: r.phase is Phase.VALIDATE)
# The contract's rule ids (docs/model-format.md); the others are archlex's own.
CONTRACT_RULES: Set[str] = _RuleIds(lambda r: r.contract)


def rules_of(phase: Phase) -> list[RuleInfo]:
    """The rules of one phase, by id."""
    return [r for r in _discovered().values() if r.phase is phase]


def severity_of(rule_id: str) -> Severity:
    """The default severity of a rule."""
    return RULES[rule_id].severity


def explain_rule(info: RuleInfo) -> str:
    """A rule's id, severity, explanation and examples, as `archlex rules ID` prints them."""
    text = (
        f"{info.id} ({info.severity.value}): {info.summary}\n\n{info.explanation or info.summary}\n"
    )
    if info.bad:
        text += f"\nFires on:\n\n{_indent(info.bad)}\n"
    if info.good:
        text += f"\nFixed:\n\n{_indent(info.good)}\n"
    return text


@cache
def _example(module: str, rule_id: str, kind: str) -> str:
    """An example file beside the declaring module, or "" when there is none."""
    if not module:
        return ""
    from importlib import resources  # here: only the rule reference reads the examples

    package = module.rpartition(".")[0]
    path = resources.files(package) / "examples" / f"{rule_id}.{kind}.yaml"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _indent(snippet: str) -> str:
    return "\n".join("    " + line if line else "" for line in snippet.strip("\n").splitlines())

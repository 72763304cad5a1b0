"""SARIF 2.1.0 for GitHub code scanning: every rule, one result per finding, stable fingerprints."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from archlex import __version__
from archlex.findings import Finding, Severity, message_without_positions
from archlex.formats.registry import FormatOptions, formatter
from archlex.outcome import Report
from archlex.rules import RULES, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
WAIVED_JUSTIFICATION = "waived in archlex.yaml"
FINGERPRINT_KEY = "archlexFindingHash/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# A bundled library's file is named `[eu]/...`: it is not in the user's repository.
_LIBRARY_FILE = re.compile(r"^\[[^\]/]+\]/")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding is shown in the repository, and the library position it stands for."""

    path: str  # relative to the repository root (the working directory), forward slashes
    line: int
    column: int
    library_position: str | None = None  # "[eu]/systems.yaml:3:5" for a bundled library file

    def message(self, text: str) -> str:
        """The finding's text, led by its library position when it is shown elsewhere."""
        return f"{self.library_position}: {text}" if self.library_position else text


def model_prefix(root: Path, base: Path) -> str:
    """The model folder as a path prefix relative to BASE (`model/`), or "" if outside it."""
    try:
        relative = root.resolve().relative_to(base.resolve())
    except ValueError:
        return ""
    return "" if relative == Path() else relative.as_posix() + "/"


def place_of(finding: Finding, report: Report, prefix: str) -> Place:
    """The repository place of a finding; library findings point at the manifest's first line."""
    if _LIBRARY_FILE.match(finding.file):
        position = f"{finding.file}:{finding.line}:{finding.column}"
        return Place(prefix + report.project.manifest_path.name, 1, 1, position)
    return Place(prefix + finding.file, max(finding.line, 1), max(finding.column, 1))


def repository_prefix(report: Report) -> str:
    """The model folder's prefix relative to the working directory, where CI runs from."""
    # CI runs archlex from the repository root, and code scanning wants paths from there.
    return model_prefix(report.project.root, report.project.cwd)


def full_text(finding: Finding, place: Place) -> str:
    """The message, led by any library position, with the hint on a line of its own."""
    text = place.message(finding.message)
    return f"{text}\nhint: {finding.hint}" if finding.hint else text


def fingerprint(finding: Finding) -> str:
    """A hash of what the finding is about, blind to where its lines are."""
    message = message_without_positions(finding.message)
    key = "\0".join((finding.rule, finding.target or "", finding.file, message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def rule_name(rule_id: str) -> str:
    """The CamelCase name of a rule id: `unknown-reference` -> `UnknownReference`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_.]", rule_id))


def reporting_descriptor(rule: RuleInfo, help_uri: str | None = None) -> dict[str, Any]:
    """The SARIF description of one rule, with its fix as Markdown help when it has one, and
    a link to its section of the rule reference."""
    summary = rule.summary[:1].upper() + rule.summary[1:]
    explanation = rule.explanation or summary
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": _help_markdown(rule, explanation)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if help_uri is not None:
        descriptor["helpUri"] = help_uri
    return descriptor


def _help_markdown(rule: RuleInfo, explanation: str) -> str:
    parts = [explanation]
    if rule.bad:
        parts.append("Fires on:\n\n```yaml\n" + rule.bad.rstrip("\n") + "\n```")
    if rule.good:
        parts.append("Fixed:\n\n```yaml\n" + rule.good.rstrip("\n") + "\n```")
    return "\n\n".join(parts)


def catalogue(findings: list[Finding]) -> list[RuleInfo]:
    """Every known rule, and any rule a finding names that the catalogue lacks, by id."""
    rules = dict(RULES)
    for finding in findings:
        rules.setdefault(finding.rule, RuleInfo(finding.rule, finding.severity, finding.rule))
    return [rules[rule_id] for rule_id in sorted(rules)]


def sarif_result(finding: Finding, place: Place, index: int, fingerprint: str) -> dict[str, Any]:
    """One SARIF result: rule, level, text, repository location, fingerprint, suppression."""
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(place.path, safe="/"), "uriBaseId": SRCROOT},
            "region": {"startLine": place.line, "startColumn": place.column},
        }
    }
    if finding.target:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.target, "kind": "object"}]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": full_text(finding, place)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.waived:
        result["suppressions"] = [{"kind": "external", "justification": WAIVED_JUSTIFICATION}]
    return result


def sarif_log(report: Report, prefix: str, options: FormatOptions | None = None) -> dict[str, Any]:
    """The whole SARIF log: one run of archlex over the model."""
    options = options or FormatOptions()
    rules = catalogue(report.findings)
    index = {rule.id: i for i, rule in enumerate(rules)}
    seen: Counter[str] = Counter()
    results = []
    for finding in report.findings:
        digest = fingerprint(finding)
        seen[digest] += 1  # the same text twice in a file: tell them apart by order
        place = place_of(finding, report, prefix)
        results.append(
            sarif_result(finding, place, index[finding.rule], f"{digest}:{seen[digest]}")
        )
    driver = {
        "name": "archlex",
        "version": __version__,
        "informationUri": options.docs_url,
        "rules": [
            reporting_descriptor(rule, options.rule_url(rule.id) if rule.id in RULES else None)
            for rule in rules
        ],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",  # PyYAML counts characters, not UTF-16 units
        "results": results,
        "properties": {"archlex": report.summary()},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@formatter("sarif")
def write_sarif(report: Report, stream: TextIO, options: FormatOptions) -> None:
    """Write the SARIF log (for `github/codeql-action/upload-sarif`)."""
    log = sarif_log(report, repository_prefix(report), options)
    stream.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")

"""What the catalog says about each provision, as text per aspect (title, text, deadline,
applicability), and a short fingerprint of it: the suspect-link idea applied to law. A model
records the fingerprints of the provisions it cites when it is reviewed; a later catalog whose
fingerprint of a cited provision differs makes every element citing it suspect."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from archlex.catalog.provision import Provision, parse_provision

if TYPE_CHECKING:
    from archlex.model import Model

ASPECTS = ("title", "text", "deadline", "applies")
ASPECT_WORDS = {
    "title": "its title",
    "text": "its obligations, access or summary",
    "deadline": "its deadline",
    "applies": "when it applies (dates, amendments, conditions)",
}
Contents = dict[str, dict[str, list[str]]]  # provision -> aspect -> lines


def provision_contents(model: Model) -> Contents:
    """Per catalog provision, the lines of text each aspect holds, sorted."""
    from archlex.catalog.timeline import Timeline

    timeline = Timeline(model, None)
    contents: Contents = {}

    def add(provision: object, aspect: str, line: str) -> None:
        contents.setdefault(str(provision), {}).setdefault(aspect, []).append(line)

    for regulation in model.regulations:
        for article in regulation.articles:
            key = f"{regulation.id} Art {article.number}"
            add(key, "title", article.title)
            if article.applies_from or article.inserted_by:
                inserted = f", inserted by {article.inserted_by}" if article.inserted_by else ""
                add(key, "applies", f"applies from {article.applies_from}{inserted}")
        for amendment in regulation.amended_by:
            for change in amendment.changes:
                add(
                    change.provision,
                    "applies",
                    f"{change.change.value} by {amendment.act} "
                    f"from {amendment.date_of_application}",
                )
    for obligation in model.obligations:
        where, who = str(obligation.provision), f"obligation {obligation.id}"
        add(where, "text", f"{who} ({obligation.actor}): {obligation.summary}")
        # The rule and the date it gives, not the wording of the derivation: verifying where a
        # date comes from does not change what the law asks.
        deadline = timeline.deadline(obligation)
        if deadline is not None:
            add(where, "deadline", f"{who}: {_rule(obligation.deadline, deadline.date)}")
        start = timeline.applies_from(obligation)
        if start is not None or obligation.applies_when is not None:
            condition = obligation.applies_when.model_dump() if obligation.applies_when else {}
            since = _rule(obligation.applies_from, start.date) if start else "always"
            add(where, "applies", f"{who}: from {since}; when {condition or 'always'}")
    for grant in model.access:
        systems = ", ".join(grant.systems) + (f" via {grant.via}" if grant.via else "")
        add(
            grant.provision,
            "text",
            f"access {grant.id} ({grant.role} -> {systems}): {grant.purpose}",
        )
    for link in model.mid_links:
        add(link.provision, "text", f"MID link {link.id} ({link.colour.value}): {link.meaning}")
    for standard in model.standards:
        if standard.provision is not None:
            add(standard.provision, "text", f"standard {standard.id}: {standard.name}")
    return {
        key: {a: sorted(lines) for a, lines in aspects.items()} for key, aspects in contents.items()
    }


def _rule(rule: object, date: object) -> str:
    """A date rule and the day it gives: `2027-06-30`, `P2Y after eu.ESP.start = 2028-06-12`."""
    return str(date) if rule is None or str(rule) == str(date) else f"{rule} = {date}"


def cited_contents(contents: Contents, provision: Provision) -> dict[str, list[str]]:
    """The aspects of every catalog provision that traces a cited one (Art 7 and Art 7(2) for
    Art 7(2)), each line prefixed with the provision it is written on."""
    found: dict[str, list[str]] = {}
    for key, aspects in contents.items():
        catalogued = parse_provision(key)
        if catalogued is not None and provision.traces(catalogued):
            for aspect, lines in aspects.items():
                found.setdefault(aspect, []).extend(f"{key}: {line}" for line in lines)
    return {aspect: sorted(lines) for aspect, lines in found.items()}


def fingerprint(aspects: dict[str, list[str]]) -> str:
    """`title:1a2b3c4d text:... deadline:... applies:...`: one short digest per aspect."""
    parts = []
    for aspect in ASPECTS:
        if aspect in aspects:
            digest = hashlib.sha256("\n".join(aspects[aspect]).encode("utf-8")).hexdigest()
            parts.append(f"{aspect}:{digest[:10]}")
    return " ".join(parts)


def changed_aspects(old: str, new: str) -> list[str]:
    """The aspects two fingerprints differ in, in ASPECTS order."""
    before, after = _parts(old), _parts(new)
    return [a for a in ASPECTS if before.get(a) != after.get(a)]


def _parts(text: str) -> dict[str, str]:
    pairs = (part.partition(":") for part in text.split())
    return {aspect: digest for aspect, _, digest in pairs}


def describe_changes(aspects: list[str]) -> str:
    """The changed aspects in words: `its deadline and when it applies`."""
    words = [ASPECT_WORDS.get(a, a) for a in aspects]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def catalog_changes(old: Contents, new: Contents) -> list[str]:
    """What changed between two catalogs, provision by provision, in words."""
    lines: list[str] = []
    for key in sorted(old.keys() | new.keys(), key=_provision_order):
        if key not in old:
            lines.append(f"{key}: added")
            lines += _lines("now", new[key])
        elif key not in new:
            lines.append(f"{key}: removed")
            lines += _lines("was", old[key])
        elif old[key] != new[key]:
            changed = [a for a in ASPECTS if old[key].get(a) != new[key].get(a)]
            lines.append(f"{key}: {describe_changes(changed)} changed")
            for aspect in changed:
                before, after = old[key].get(aspect, []), new[key].get(aspect, [])
                lines += [f"    was: {line}" for line in before if line not in after]
                lines += [f"    now: {line}" for line in after if line not in before]
    return lines


def _lines(word: str, aspects: dict[str, list[str]]) -> list[str]:
    return [f"    {word}: {line}" for aspect in ASPECTS for line in aspects.get(aspect, [])]


def _provision_order(key: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    provision = parse_provision(key)
    return provision.sort_key if provision else (key, ())

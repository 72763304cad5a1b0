"""Waivers: accepted findings that stay visible as waived, until they expire."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from archlex.findings import Finding
from archlex.load import Project
from archlex.rules import severity_of


def apply_waivers(project: Project, findings: list[Finding], today: dt.date) -> list[Finding]:
    """Mark waived findings; report expired waivers and waivers that match nothing."""
    waivers = project.model.manifest.waivers
    here = project.manifest_source
    used = [False] * len(waivers)
    result: list[Finding] = []
    for finding in findings:
        matching = [
            i
            for i, w in enumerate(waivers)
            if w.rule == finding.rule and w.target in (None, finding.target)
        ]
        for index in matching:
            used[index] = True
        # Any waiver still in force hides it: a renewed waiver may stand beside an expired one.
        if any(_in_force(waivers[i].expires, today) for i in matching):
            finding = replace(finding, waived=True)
        result.append(finding)
    for index, waiver in enumerate(waivers):
        line, column = here.key_at("waivers", index)
        what = f"`{waiver.rule}`" + (f" on `{waiver.target}`" if waiver.target else "")
        if waiver.expires is not None and waiver.expires < today:
            result.append(
                Finding(
                    "waiver-expired",
                    severity_of("waiver-expired"),
                    f"the waiver of {what} expired on {waiver.expires}; "
                    "its finding is reported again",
                    here.file,
                    line,
                    column,
                    waiver.target,
                    "fix the finding, or renew the waiver with a new `expires` and reason",
                )
            )
        elif not used[index]:
            result.append(
                Finding(
                    "waiver-unused",
                    severity_of("waiver-unused"),
                    f"the waiver of {what} matches no finding",
                    here.file,
                    line,
                    column,
                    waiver.target,
                    "delete it: what it accepted is fixed or gone",
                )
            )
    return result


def _in_force(expires: dt.date | None, today: dt.date) -> bool:
    return expires is None or expires >= today

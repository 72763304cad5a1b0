"""A check run as a whole: waivers, disabled rules, `fail_on`, `min_coverage`, coverage states,
and where findings on the library's entities are placed."""

from __future__ import annotations

import datetime as dt

import pytest

from archlex.check.coverage import CoverageState
from archlex.outcome import Report
from tests.check.models import BORDER_SYSTEM, LAW, OWN, check, of_rule, place
from tests.conftest import WriteModel

UNTRACED = {
    "law.yaml": LAW,
    "obligations.yaml": (
        "obligations:\n"
        "  - id: LV-OB-LOG-01\n"
        '    provision: "LV-LAW-1 Art 3"\n'
        "    actor: member-state\n"
        "    summary: Log every query a national authority makes through the ESP.\n"
    ),
}

WAIVED = (
    OWN
    + "waivers:\n"
    + "  - rule: obligation-untraced\n"
    + "    target: LV-OB-LOG-01\n"
    + "    reason: The gateway's audit log is procured with WP-ESP; traced once it is specified.\n"
    + "    expires: 2026-12-31\n"
)

# Only warnings: a requirement that no work package delivers.
WARNING_ONLY = {
    "model.yaml": BORDER_SYSTEM
    + "requirements:\n"
    + "  - id: REQ-ESP-01\n"
    + "    title: Border guards search EES, VIS and SIS through the ESP\n"
    + "    allocated_to: [border-control]\n"
    + "flows:\n"
    + "  - id: border-control-to-itself\n"
    + "    from: border-control\n"
    + "    to: border-control\n"
}


def active_rules(report: Report) -> list[str]:
    """The rules of the findings that are not waived."""
    return [f.rule for f in report.active]


def test_a_waiver_hides_its_finding_until_it_expires(write_model: WriteModel) -> None:
    root = write_model(UNTRACED, WAIVED)
    on_the_day = check(root, today=dt.date(2026, 12, 31))
    [finding] = on_the_day.findings
    assert place(finding) == ("obligation-untraced", "LV-OB-LOG-01", "obligations.yaml", 2, 5)
    assert finding.waived and finding.to_json()["waived"] is True
    assert on_the_day.exit_code == 0
    assert on_the_day.summary()["waived"] == 1

    after = check(root, today=dt.date(2027, 1, 1))
    assert sorted((f.rule, f.waived) for f in after.findings) == [
        ("obligation-untraced", False),
        ("waiver-expired", False),
    ]
    [expired] = of_rule(after, "waiver-expired")
    assert place(expired) == ("waiver-expired", "LV-OB-LOG-01", "archlex.yaml", 7, 5)
    assert "2026-12-31" in expired.message
    assert after.exit_code == 1


def test_a_waiver_without_target_hides_every_finding_of_its_rule(
    write_model: WriteModel,
) -> None:
    second = UNTRACED["obligations.yaml"].replace("LV-OB-LOG-01", "LV-OB-LOG-02")
    files = {**UNTRACED, "more.yaml": second.replace("Art 3", "Art 5")}
    manifest = WAIVED.replace("    target: LV-OB-LOG-01\n", "")
    report = check(write_model(files, manifest))
    assert [(f.target, f.waived) for f in report.findings] == [
        ("LV-OB-LOG-02", True),
        ("LV-OB-LOG-01", True),
    ]
    assert report.exit_code == 0


def test_a_waiver_that_matches_nothing_is_reported(write_model: WriteModel) -> None:
    files = {**UNTRACED, "requirements.yaml": "requirements:\n  - id: REQ-LOG-01\n    title: t\n"}
    files["requirements.yaml"] += '    satisfies: ["LV-LAW-1 Art 3"]\n'
    report = check(write_model(files, WAIVED))
    assert "obligation-untraced" not in active_rules(report)
    [unused] = of_rule(report, "waiver-unused")
    assert place(unused) == ("waiver-unused", "LV-OB-LOG-01", "archlex.yaml", 7, 5)
    assert unused.severity.value == "warning"


def test_a_renewed_waiver_beside_the_expired_one_hides_the_finding(
    write_model: WriteModel,
) -> None:
    renewed = (
        "  - rule: obligation-untraced\n"
        "    target: LV-OB-LOG-01\n"
        "    reason: The audit log is specified in WP-ESP, now planned for 2027.\n"
        "    expires: 2027-06-30\n"
    )
    report = check(write_model(UNTRACED, WAIVED + renewed), today=dt.date(2027, 1, 1))
    assert active_rules(report) == ["waiver-expired"]


def test_checks_disable_switches_a_rule_off(write_model: WriteModel) -> None:
    manifest = OWN + "checks:\n  disable: [obligation-untraced]\n"
    report = check(write_model(UNTRACED, manifest))
    assert report.findings == []
    assert report.exit_code == 0


def test_a_file_that_cannot_be_read_is_reported_whatever_is_disabled(
    write_model: WriteModel,
) -> None:
    manifest = OWN + "checks:\n  disable: [yaml-syntax]\n"
    report = check(write_model({"broken.yaml": "systems: [\n"}, manifest))
    assert active_rules(report) == ["yaml-syntax"]
    assert report.exit_code == 2


def test_fail_on_decides_which_severities_fail_the_run(write_model: WriteModel) -> None:
    root = write_model(WARNING_ONLY, OWN)
    assert active_rules(check(root)) == ["requirement-unscheduled"]
    assert check(root).exit_code == 0
    assert check(root, fail_on="warning").exit_code == 1
    # The same files, with the manifest's own setting.
    root = write_model(WARNING_ONLY, OWN + "checks:\n  fail_on: warning\n")
    assert check(root).exit_code == 1
    assert check(root, fail_on="error").exit_code == 0  # the option wins over the manifest


def test_fail_on_never_passes_a_run_with_errors(write_model: WriteModel) -> None:
    root = write_model(UNTRACED, OWN)
    assert check(root).exit_code == 1
    assert check(root, fail_on="never").exit_code == 0


def test_info_does_not_fail_even_on_warnings(write_model: WriteModel) -> None:
    report = check(write_model({"model.yaml": BORDER_SYSTEM}, OWN), fail_on="warning")
    assert active_rules(report) == ["orphan-system"]
    assert report.exit_code == 0


# One obligation per coverage state, Articles 1 to 5 of our own law, and the requirements that
# take each one that far.
COVERAGE = (
    BORDER_SYSTEM
    + "obligations:\n"
    + "".join(
        f"  - id: LV-OB-{n}\n"
        f'    provision: "LV-LAW-1 Art {n}"\n'
        "    actor: member-state\n"
        f"    summary: Obligation {n}.\n"
        for n in range(1, 6)
    )
    + "requirements:\n"
    + '  - id: REQ-2\n    title: Traced\n    satisfies: ["LV-LAW-1 Art 2"]\n'
    + '  - id: REQ-3\n    title: Allocated\n    satisfies: ["LV-LAW-1 Art 3"]\n'
    + "    allocated_to: [border-control]\n"
    + '  - id: REQ-4\n    title: Scheduled\n    satisfies: ["LV-LAW-1 Art 4"]\n'
    + "    allocated_to: [border-control]\n"
    + '  - id: REQ-5\n    title: Met\n    satisfies: ["LV-LAW-1 Art 5"]\n'
    + "    allocated_to: [border-control]\n    status: implemented\n"
    + "roadmap:\n  work_packages:\n"
    + "    - id: WP-1\n      name: Build\n      start: 2026-01-05\n      end: 2026-06-30\n"
    + "      delivers: [REQ-4, REQ-5]\n"
)


def test_coverage_states_from_gap_to_met(write_model: WriteModel) -> None:
    report = check(write_model({"law.yaml": LAW, "model.yaml": COVERAGE}, OWN))
    assert report.coverage is not None
    states = {o.obligation: o.state for o in report.coverage.obligations}
    assert states == {
        "LV-OB-1": CoverageState.GAP,
        "LV-OB-2": CoverageState.TRACED,
        "LV-OB-3": CoverageState.ALLOCATED,
        "LV-OB-4": CoverageState.SCHEDULED,
        "LV-OB-5": CoverageState.MET,
    }
    [scheduled] = [o for o in report.coverage.obligations if o.obligation == "LV-OB-4"]
    assert (scheduled.requirements, scheduled.systems, scheduled.work_packages) == (
        ("REQ-4",),
        ("border-control",),
        ("WP-1",),
    )
    overall = report.coverage.overall()
    assert (overall.applicable, overall.traced, overall.percent, overall.met_percent) == (
        5,
        4,
        80.0,
        20.0,
    )
    assert report.coverage.to_json()["regulations"] == {"LV-LAW-1": overall.to_json()}


def test_met_needs_every_tracing_requirement_done(write_model: WriteModel) -> None:
    extra = '  - id: REQ-5b\n    title: Also\n    satisfies: ["LV-LAW-1 Art 5(1)"]\n'
    model = COVERAGE.replace("roadmap:\n", extra + "roadmap:\n")
    report = check(write_model({"law.yaml": LAW, "model.yaml": model}, OWN))
    assert report.coverage is not None
    [five] = [o for o in report.coverage.obligations if o.obligation == "LV-OB-5"]
    assert (five.state, five.requirements) == (CoverageState.SCHEDULED, ("REQ-5", "REQ-5b"))


@pytest.mark.parametrize(("minimum", "exit_code"), [(None, 0), (50.0, 0), (50.1, 1)])
def test_min_coverage_fails_a_run_below_the_percentage(
    write_model: WriteModel, minimum: float | None, exit_code: int
) -> None:
    # Two obligations, one traced: 50 %. The other's finding is waived, so only the
    # percentage can fail the run.
    files = {
        **UNTRACED,
        "more.yaml": UNTRACED["obligations.yaml"]
        .replace("LV-OB-LOG-01", "LV-OB-LOG-02")
        .replace("Art 3", "Art 5")
        + BORDER_SYSTEM
        + "requirements:\n  - id: REQ-STAT-01\n    title: Statistics\n"
        + '    satisfies: ["LV-LAW-1 Art 5"]\n    allocated_to: [border-control]\n'
        + "roadmap:\n  work_packages:\n"
        + "    - id: WP-1\n      name: Build\n      start: 2026-01-05\n      end: 2026-06-30\n"
        + "      delivers: [REQ-STAT-01]\n"
        + "flows:\n  - id: f\n    from: border-control\n    to: border-control\n",
    }
    report = check(write_model(files, WAIVED), min_coverage=minimum)
    assert report.active == []
    assert report.coverage is not None and report.coverage.overall().percent == 50.0
    assert report.exit_code == exit_code


@pytest.mark.parametrize(
    ("manifest", "line"),
    [
        (OWN.replace("uses: []", "uses: [eu]") + 'scope:\n  regulations: ["2019/817"]\n', 6),
        (OWN.replace("uses: []", "uses: [eu]"), 5),  # no scope: on `uses`
    ],
)
def test_findings_on_library_entities_are_placed_on_the_manifest(
    write_model: WriteModel, manifest: str, line: int
) -> None:
    report = check(write_model({}, manifest))
    library = [f for f in report.findings if f.target and f.target.startswith("eu.")]
    assert {f.rule for f in library} >= {"obligation-untraced"}
    assert {(f.file, f.line, f.column) for f in library} == {("archlex.yaml", line, 1)}
    assert all("(written in [eu]/" in f.message for f in library)

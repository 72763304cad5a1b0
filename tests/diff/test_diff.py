"""`archlex diff` on a real git repository: entities, compliance delta, formats, errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from archlex.diff import ModelDiff, diff_revisions
from tests.conftest import run_archlex
from tests.diff.conftest import HOSTILE_NAME, Repo

TODAY = dt.date(2026, 7, 1)  # after the ESP and CIR start (2026-06-12): Art 7(2) applies


def _diff(repo: Repo, a: str | None, b: str | None) -> ModelDiff:
    return diff_revisions(repo.model, repo.root, a, b, TODAY)


def test_entities_added_removed_and_changed_field_by_field(repo: Repo) -> None:
    diff = _diff(repo, "v1", "v2")
    assert diff.entities is not None
    assert [(e.kind, e.id) for e in diff.entities.added] == [
        ("requirement", "REQ-2"),
        ("flow", "pis-to-ees"),
    ]
    assert diff.entities.added[0].name == "Connect the designated authorities to the CIR"
    assert [(e.kind, e.id, e.name) for e in diff.entities.removed] == [
        ("system", "OLD", "Old register")
    ]
    changed = {c.entity.id: c.fields for c in diff.entities.changed}
    assert set(changed) == {"REQ-1", "pis-to-esp"}
    assert [(f.field, f.old, f.new) for f in changed["REQ-1"]] == [("status", "proposed", "agreed")]
    [logging] = changed["pis-to-esp"]
    assert (logging.field, logging.old) == ("logging", None)
    assert logging.new == {"fields": ["user", "date and time"], "retention": "P1Y", "by": None}


def test_compliance_delta_matches_findings_by_rule_entity_and_message(repo: Repo) -> None:
    delta = _diff(repo, "v1", "v2").compliance
    fixed = {(f.rule, f.target) for f in delta.fixed}
    new = {(f.rule, f.target) for f in delta.new}
    assert ("flow-not-logged", "pis-to-esp") in fixed
    assert ("orphan-system", "OLD") in fixed
    assert ("obligation-untraced", "eu.817-56-2") in fixed
    assert new == {("flow-without-legal-basis", "pis-to-ees"), ("requirement-unscheduled", "REQ-2")}
    assert [f.rule for f in delta.new_blocking] == ["flow-without-legal-basis"]
    # REQ-1 and REQ-DUP are written at other lines in v2 (OLD was removed above them), and the
    # duplicate-id message quotes the line of the first REQ-DUP: still the same findings
    assert not any(f.target in ("REQ-1", "REQ-DUP") for f in delta.new + delta.fixed)
    before = _diff(repo, "v1", "v1").before.report
    assert before is not None
    [duplicate] = [f for f in before.findings if f.rule == "duplicate-id"]
    assert "is already used at model.yaml:23" in duplicate.message


def test_coverage_per_regulation_and_overall_before_and_after(repo: Repo) -> None:
    coverage = {c.scope: c for c in _diff(repo, "v1", "v2").compliance.coverage}
    assert list(coverage) == ["2019/817", "overall"]
    overall = coverage["overall"]
    assert overall.before is not None and overall.after is not None
    assert (overall.before.traced, overall.after.traced) == (1, 2)
    assert overall.before.applicable == overall.after.applicable == 68
    assert (overall.before.percent, overall.after.percent) == (1.5, 2.9)


def test_defaults_are_the_merge_base_with_main_and_the_working_tree(repo: Repo) -> None:
    status = repo.git("status", "--porcelain")
    result = run_archlex("diff", "--format", "json", "--as-of", "2026-07-01", cwd=repo.root)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["before"] == {
        "revision": "merge base with main",
        "commit": repo.commits["v1"],
        "loaded": True,
        "error": None,
        "model": "Diff test model",
    }
    assert data["after"]["revision"] == "working tree" and data["after"]["commit"] is None
    changed = {c["id"]: c["fields"] for c in data["entities"]["changed"]}
    assert changed["PIS"] == [
        {"field": "name", "old": "Police information system", "new": HOSTILE_NAME}
    ]
    assert "REQ-1" in changed  # the committed changes of the branch are in it too
    # the user's working tree and index are as they were
    assert repo.git("status", "--porcelain") == status
    assert status == " M model/model.yaml\n?? model/flows/added.yaml\n"


def test_text_format(repo: Repo) -> None:
    result = run_archlex("diff", "v1", "v2", "model", "--as-of", "2026-07-01", cwd=repo.root)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(
        f"archlex diff: v1 ({repo.commits['v1'][:12]}) -> v2 ({repo.commits['v2'][:12]})\n"
    )
    assert "Entities: 2 added, 1 removed, 2 changed\n" in out
    assert "  - system OLD (Old register)\n" in out
    assert '      status: "proposed" -> "agreed"\n' in out
    assert "  fixed error[flow-not-logged] pis-to-esp:" in out
    assert "  new   error[flow-without-legal-basis] pis-to-ees:" in out
    assert "  overall                      1.5% (1/68)  2.9% (2/68)  +1.4\n" in out
    assert out.endswith(
        "Summary: 2 new findings (1 blocking), 3 fixed; coverage 1.5% (1/68) -> 2.9% (2/68)\n"
    )


def test_markdown_escapes_model_text_and_folds_details(repo: Repo) -> None:
    result = run_archlex(
        "diff", "v1", "--format", "markdown", "--as-of", "2026-07-01", cwd=repo.root
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    summary = out.split("<details>")[0]
    assert "❌ **Findings:** 2 new findings (1 blocking), 3 fixed." in summary
    assert "**Coverage** (obligations traced): 1.5% (1/68) → 2.9% (2/68)." in summary
    assert "<details><summary>Entities changed (3)</summary>\n\n| Kind |" in out
    [row] = [line for line in out.splitlines() if line.startswith("| system | PIS | name |")]
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in row
    # values are shown as JSON: the line break is JSON's \n, its backslash escaped for Markdown
    assert "\\*bold\\* \\[link\\](http://x)\\\\nsecond line" in row
    # six unescaped pipes: five cells, the model's own pipe is `&#124;`
    assert row.count("|") == 6 and "Police &#124; " in row
    # a name written as it is (not as JSON): its line break becomes <br>
    [added] = [line for line in out.splitlines() if line.startswith("| added | data |")]
    assert added == (
        "| added | data | hostile-data | Police &#124; &lt;img src=x onerror=alert(1)&gt; "
        "\\*bold\\* \\[link\\](http://x)<br>second line |"
    )


def test_json_shape_is_stable_and_output_file_is_written(repo: Repo, tmp_path: Path) -> None:
    target = tmp_path / "out" / "diff.json"
    args = ["diff", "v1", "v2", "model", "-f", "json", "--as-of", "2026-07-01"]
    result = run_archlex(*args, "--output", str(target), cwd=repo.root)
    assert (result.returncode, result.stdout) == (0, "")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert list(data) == ["version", "before", "after", "entities", "compliance"]
    assert list(data["compliance"]) == ["fixed", "new", "new_blocking", "coverage"]
    assert data["compliance"]["new"][0] == {
        "rule": "flow-without-legal-basis",
        "severity": "error",
        "target": "pis-to-ees",
        "message": data["compliance"]["new"][0]["message"],
        "file": "flows/police.yaml",
        "line": 8,
        "column": 5,
        "hint": data["compliance"]["new"][0]["hint"],
    }
    again = run_archlex(*args, cwd=repo.root)
    assert again.stdout == target.read_text(encoding="utf-8")  # byte-identical


def test_fail_on_new(repo: Repo) -> None:
    args = ["diff", "v1", "v2", "model", "--fail-on-new", "--as-of", "2026-07-01"]
    assert run_archlex(*args, cwd=repo.root).returncode == 1
    same = run_archlex("diff", "v2", "v2", "model", "--fail-on-new", cwd=repo.root)
    assert same.returncode == 0, same.stderr
    assert "Entities: 0 added, 0 removed, 0 changed" in same.stdout


def test_a_revision_whose_model_cannot_be_loaded_is_reported_not_raised(repo: Repo) -> None:
    diff = _diff(repo, "v2", "v3")
    assert diff.before.loaded and not diff.after.loaded
    assert diff.after.error is not None and "format version 2" in diff.after.error.message
    assert diff.entities is None and diff.has_new_blocking
    result = run_archlex("diff", "v2", "v3", "model", "--fail-on-new", cwd=repo.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "The model after (v3) could not be loaded:" in result.stdout
    assert "Findings: not compared (a side could not be loaded)" in result.stdout


def test_errors_exit_2_with_a_message(repo: Repo, tmp_path: Path) -> None:
    (tmp_path / "alone").mkdir()
    (tmp_path / "alone" / "archlex.yaml").write_text("archlex: 1\nname: x\n", encoding="utf-8")
    cases = [
        (("diff", "v1", "v2", str(tmp_path / "alone")), "is not in a git repository"),
        (("diff", "no-such-rev", "v2", "model"), "unknown revision 'no-such-rev'"),
        (("diff", "v0", "v1", "model"), "there is no model at model/archlex.yaml in revision v0"),
        (("diff", "v1", "v2", "nowhere"), "no model manifest at nowhere"),
    ]
    for args, message in cases:
        result = run_archlex(*args, cwd=repo.root)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_the_last_argument_is_the_path_when_it_exists_and_names_no_commit(repo: Repo) -> None:
    for args in (("model",), ("v1", "model/")):
        result = run_archlex("diff", *args, "-f", "json", cwd=repo.root)
        assert result.returncode == 0, (args, result.stderr)
        data = json.loads(result.stdout)
        assert data["before"]["commit"] == repo.commits["v1"]
        assert data["after"]["revision"] == "working tree"

"""Loading a whole model: manifest discovery, includes, libraries, validation, references."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlex.api import Report, validate_model
from archlex.errors import ArchlexError
from archlex.findings import Finding
from tests.conftest import MANIFEST, WriteModel

SYSTEM = """\
systems:
  - id: pis
    name: Police information system
    kind: national
"""


def findings(report: Report, rule: str | None = None) -> list[Finding]:
    return [f for f in report.findings if rule is None or f.rule == rule]


def where(finding: Finding) -> tuple[str, str | None, str, int, int]:
    return finding.rule, finding.target, finding.file, finding.line, finding.column


def test_manifest_is_found_from_folder_file_or_current_directory(write_model: WriteModel) -> None:
    root = write_model({"systems.yaml": SYSTEM})
    # PATH as a folder, as the file, and no PATH: ./archlex.yaml, else ./model/archlex.yaml.
    for path, cwd in (
        (root, Path("/")),
        (root / "archlex.yaml", Path("/")),
        (None, root),
        (None, root.parent),
    ):
        report = validate_model(path, cwd)
        assert report.exit_code == 0, report.findings
        assert report.model.get("pis") is not None


def test_missing_manifest_is_an_operational_error_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(ArchlexError) as caught:
        validate_model(None, tmp_path)
    assert caught.value.hint is not None and "archlex init" in caught.value.hint
    with pytest.raises(ArchlexError):
        validate_model(tmp_path / "nowhere", tmp_path)


@pytest.mark.parametrize("version", ["2", "0", "'1.0'", "latest"])
def test_other_format_version_is_refused_with_its_position(
    write_model: WriteModel, version: str
) -> None:
    root = write_model({}, manifest=f"name: x\narchlex: {version}\n")
    with pytest.raises(ArchlexError) as caught:
        validate_model(root, root)
    assert "archlex.yaml:2:10" in caught.value.message


def test_manifest_without_version_is_not_a_manifest(write_model: WriteModel) -> None:
    root = write_model({}, manifest="name: x\n")
    with pytest.raises(ArchlexError, match="no `archlex:` format version"):
        validate_model(root, root)


def test_includes_are_sorted_read_once_and_unmatched_ones_reported(
    write_model: WriteModel,
) -> None:
    manifest = MANIFEST.replace(
        'include: ["*.yaml"]', 'include: ["b/*.yaml", "*/*.yaml", "missing/*.yaml"]'
    )
    root = write_model({"a/one.yaml": SYSTEM, "b/two.yaml": "data: []\n"}, manifest=manifest)
    report = validate_model(root, root)
    assert [f for f in report.project.files if not f.startswith("[")] == [
        "archlex.yaml",
        "b/two.yaml",
        "a/one.yaml",
    ]
    [unmatched] = findings(report, "include-unmatched")
    assert (unmatched.file, unmatched.line) == ("archlex.yaml", 4)
    assert report.exit_code == 0  # a warning does not fail the default fail_on: error


@pytest.mark.parametrize("pattern", ["../outside/*.yaml", "/etc/*.yaml", "a/../../x.yaml"])
def test_includes_that_leave_the_model_folder_are_refused(
    write_model: WriteModel, pattern: str
) -> None:
    root = write_model({}, manifest=MANIFEST.replace('["*.yaml"]', f'["{pattern}"]'))
    (root.parent / "outside").mkdir(exist_ok=True)
    (root.parent / "outside" / "evil.yaml").write_text(SYSTEM)
    report = validate_model(root, root)
    assert [f.rule for f in report.findings] == ["include-outside"]
    assert report.model.get("pis") is None
    assert report.exit_code == 1


def test_symbolic_link_out_of_the_model_folder_is_refused(write_model: WriteModel) -> None:
    root = write_model({})
    outside = root.parent / "secret.yaml"
    outside.write_text(SYSTEM)
    (root / "linked.yaml").symlink_to(outside)
    report = validate_model(root, root)
    assert [f.rule for f in report.findings] == ["include-outside"]
    assert report.model.get("pis") is None


def test_manifest_matched_by_its_own_glob_is_read_once(write_model: WriteModel) -> None:
    root = write_model({"systems.yaml": SYSTEM})
    report = validate_model(root, root)
    assert report.project.files.count("archlex.yaml") == 1
    assert report.exit_code == 0


def test_eu_library_is_merged_and_can_be_left_out(write_model: WriteModel) -> None:
    with_eu = validate_model(write_model({"systems.yaml": SYSTEM}))
    assert with_eu.model.get("eu.ESP") is not None
    assert with_eu.model.regulation("2019/817") is not None
    root = write_model({}, manifest=MANIFEST.replace("uses: [eu]", "uses: []"))
    assert validate_model(root).model.get("eu.ESP") is None


def test_unknown_library_is_reported_with_the_bundled_ones(write_model: WriteModel) -> None:
    root = write_model({}, manifest=MANIFEST.replace("uses: [eu]", "uses: [eu, us]"))
    [finding] = validate_model(root).findings
    assert where(finding) == ("schema", None, "archlex.yaml", 5, 12)
    assert finding.hint == "bundled libraries: eu"


def test_entities_in_the_manifest_itself_are_loaded(write_model: WriteModel) -> None:
    root = write_model({}, manifest=MANIFEST + SYSTEM)
    assert validate_model(root).model.get("pis") is not None


def test_unknown_top_level_kind_suggests_the_right_one(write_model: WriteModel) -> None:
    report = validate_model(write_model({"s.yaml": SYSTEM.replace("systems:", "sytems:")}))
    [finding] = report.findings
    assert where(finding) == ("schema", None, "s.yaml", 1, 1)
    assert finding.hint == "did you mean `systems`?"


def test_missing_required_field_points_at_the_entity(write_model: WriteModel) -> None:
    report = validate_model(write_model({"s.yaml": SYSTEM.replace("    kind: national\n", "")}))
    [finding] = report.findings
    assert where(finding) == ("schema", "pis", "s.yaml", 2, 5)
    assert finding.message == "`kind` is required"


def test_one_bad_field_does_not_hide_the_entity_from_reference_checks(
    write_model: WriteModel,
) -> None:
    text = SYSTEM + "    colour: red\n    owner: nobody\n"
    report = validate_model(write_model({"s.yaml": text}))
    assert [where(f) for f in report.findings] == [
        ("schema", "pis", "s.yaml", 5, 5),
        ("unknown-reference", "pis", "s.yaml", 6, 12),
    ]
    assert report.findings[0].hint is not None and "allowed here" in report.findings[0].hint


def test_invalid_entity_does_not_cascade_into_unknown_references(
    write_model: WriteModel,
) -> None:
    files = {
        "s.yaml": SYSTEM.replace("kind: national", "kind: nationl"),
        "r.yaml": "requirements:\n  - id: R1\n    title: t\n    allocated_to: [pis]\n",
    }
    report = validate_model(write_model(files))
    assert [f.rule for f in report.findings] == ["schema"]


def test_reference_to_the_wrong_kind_names_both_kinds(write_model: WriteModel) -> None:
    files = {"s.yaml": SYSTEM + "    owner: eu.ESP\n"}
    [finding] = validate_model(write_model(files)).findings
    assert finding.rule == "unknown-reference"
    assert "names system `eu.ESP`, but expects a organisation" in finding.message


@pytest.mark.parametrize(
    ("provision", "problem"),
    [
        ("2019/817 Art 80", "2019/817 has no Article 80"),
        ("2016/679 Art 5", "no regulation `2016/679` is loaded"),
        ("Art 5", "is not a provision"),
    ],
)
def test_provisions_are_checked_against_the_catalog(
    write_model: WriteModel, provision: str, problem: str
) -> None:
    text = f'requirements:\n  - id: R1\n    title: t\n    satisfies: ["{provision}"]\n'
    [finding] = validate_model(write_model({"r.yaml": text})).findings
    assert problem in finding.message
    assert (finding.file, finding.line, finding.column) == ("r.yaml", 4, 17)


def test_a_national_law_declared_in_the_model_can_be_cited(write_model: WriteModel) -> None:
    text = """\
regulations:
  - id: LV-2024-15
    title: Law on the interoperability of national information systems
    articles:
      - {number: 1, title: Purpose}
      - {number: 2, title: Competent authorities, paragraphs: 3}
requirements:
  - id: R1
    title: t
    satisfies: ["LV-2024-15 Art 2(3)", "LV-2024-15 Art 2(4)"]
"""
    [finding] = validate_model(write_model({"law.yaml": text})).findings
    assert finding.rule == "unknown-provision"
    assert "has 3 paragraphs" in finding.message
    assert finding.line == 10


def test_duplicate_id_across_library_and_model(write_model: WriteModel) -> None:
    text = "systems:\n  - id: eu.ESP\n    name: Our own ESP\n    kind: national\n"
    [finding] = validate_model(write_model({"s.yaml": text})).findings
    assert where(finding) == ("duplicate-id", "eu.ESP", "s.yaml", 2, 9)


def test_unknown_rule_in_checks_and_waivers_is_reported(write_model: WriteModel) -> None:
    manifest = MANIFEST + (
        "checks:\n  disable: [orphan-sytem]\nwaivers:\n"
        "  - {rule: orphan-system, target: nobody, reason: r}\n"
    )
    report = validate_model(write_model({}, manifest=manifest))
    assert [(f.rule, f.line) for f in report.findings] == [("schema", 7), ("unknown-reference", 9)]
    assert report.findings[0].hint == "did you mean `orphan-system`?"


def test_fail_on_never_and_warning(write_model: WriteModel) -> None:
    manifest = MANIFEST.replace('["*.yaml"]', '["*.yaml", "nothing/*.yaml"]')
    root = write_model({}, manifest=manifest)
    assert validate_model(root).exit_code == 0
    assert validate_model(root, fail_on="warning").exit_code == 1
    assert validate_model(root, fail_on="never").exit_code == 0


def test_disabled_rule_is_not_reported_but_unreadable_files_always_are(
    write_model: WriteModel,
) -> None:
    manifest = MANIFEST + "checks:\n  disable: [unknown-reference, yaml-syntax]\n"
    files = {"s.yaml": SYSTEM + "    owner: nobody\n", "bad.yaml": "a: [\n"}
    report = validate_model(write_model(files, manifest=manifest))
    assert [f.rule for f in report.findings] == ["yaml-syntax"]
    assert report.exit_code == 2


def test_findings_are_sorted_by_file_line_column_rule(write_model: WriteModel) -> None:
    files = {
        "b.yaml": SYSTEM + "    owner: x\n    operator: y\n",
        "a.yaml": "data:\n  - id: d\n    name: D\n    personal: maybe\n",
    }
    report = validate_model(write_model(files))
    keys = [(f.file, f.line, f.column, f.rule) for f in report.findings]
    assert keys == sorted(keys) and len(keys) == 3
    assert report.findings[0].message == "`personal`: write true or false (found `maybe`)"


def test_a_bad_setting_spares_a_name_given_per_language(write_model: WriteModel) -> None:
    # Found by the fuzzer: the settings were validated one by one with their bare type, which
    # cannot validate a text given per language (its validator lives in the field's metadata).
    manifest = MANIFEST.replace("name: Test model", "name: {en: Test model, lv: Testa modelis}")
    root = write_model({"systems.yaml": SYSTEM}, manifest=manifest + "language: [not, a, code]\n")
    report = validate_model(root, root)
    assert report.project.model.manifest.name == "Test model"
    assert any(f.rule == "schema" and "language" in f.message for f in report.findings)

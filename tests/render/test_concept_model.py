"""What the concept reads from the model: document settings and Markdown chapters, risks,
decisions, national law, funds, the glossary, and the findings they can raise."""

from __future__ import annotations

from pathlib import Path

from archlex.api import check_model
from archlex.render.output import render_products
from tests.conftest import MANIFEST, WriteModel

GOVERNANCE = """\
organisations:
  - {id: it-centre, name: "Information Centre of the Interior (Iekšlietu IC, IIC)", kind: it-centre}
funds:
  - {id: BMVI, name: Border Management and Visa Instrument (BMVI), eu: true, max_rate: 75,
     increased_rate: 90}
risks:
  - id: RISK-A
    title: The central components are late
    likelihood: high
    impact: high
    owner: it-center
    mitigation: Keep the direct connections.
  - {id: RISK-B, title: Too few staff, likelihood: medium, impact: high}
decisions:
  - {id: ADR-1, title: Verify in RKIS, status: superseded, context: Who verifies links,
     decision: RKIS verifies, superseded_by: ADR-2}
  - {id: ADR-2, title: A shared workstation, status: accepted, context: Three authorities,
     decision: One workstation, options: [{name: Shared, pros: [one audit trail]}]}
national_law:
  - {id: ACT-1, title: Amendments to the law on interior information systems, kind: law,
     implements: ["2019/817 Art 20"], responsible: it-centre, deadline: 2027-06-30,
     example: true}
roadmap:
  work_packages:
    - id: WP-1
      name: National ESP gateway
      owner: it-centre
      start: 2026-01-05
      end: 2027-03-31
      cost:
        amount: 1000000
        funding: {BMVI: 80, state-budget: 20}
        operations: {from: 2027-04-01, yearly: 120000, source: state-budget}
"""


def _findings(root: Path) -> list[tuple[str, str, int]]:
    report = check_model(root, root)
    return [(f.rule, f.file, f.line) for f in report.findings]


def test_references_of_risks_are_checked_with_their_line(write_model: WriteModel) -> None:
    root = write_model({"concept.yaml": GOVERNANCE})
    found = _findings(root)
    assert ("unknown-reference", "concept.yaml", 11) in found  # `owner: it-center`


def test_a_high_risk_without_owner_or_mitigation_is_a_warning(write_model: WriteModel) -> None:
    root = write_model({"concept.yaml": GOVERNANCE.replace("it-center", "it-centre")})
    report = check_model(root, root)
    unmanaged = [f for f in report.findings if f.rule == "risk-unmanaged"]
    assert [(f.target, f.severity.value) for f in unmanaged] == [("RISK-B", "warning")]
    assert "no mitigation and no owner" in unmanaged[0].message


def test_cofinancing_above_the_funds_maximum_is_an_error(write_model: WriteModel) -> None:
    root = write_model({"concept.yaml": GOVERNANCE.replace("it-center", "it-centre")})
    report = check_model(root, root)
    [finding] = [f for f in report.findings if f.rule == "cofinancing-above-maximum"]
    assert finding.target == "WP-1" and "80 %" in finding.message and "75 %" in finding.message
    assert finding.line == 32  # the `funding:` line
    # With a reason for the increased rate, 80 % is within the fund's 90 %.
    fixed = GOVERNANCE.replace("it-center", "it-centre").replace(
        "        funding:", "        rate_basis: an Annex IV action\n        funding:"
    )
    root = write_model({"concept.yaml": fixed})
    assert not [f for f in check_model(root, root).findings if f.rule.startswith("cofinancing")]


def test_the_concept_shows_risks_decisions_law_funds_and_abbreviations(
    write_model: WriteModel, tmp_path: Path
) -> None:
    root = write_model({"concept.yaml": GOVERNANCE.replace("it-center", "it-centre")})
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    text = (tmp_path / "out" / "concept" / "concept.md").read_text(encoding="utf-8")
    chapter = text.split("## 13. Risks", 1)[1]
    assert chapter.index("RISK-A") < chapter.index("RISK-B")  # high risks first
    assert "**Superseded by:** ADR-2: A shared workstation" in text
    assert "Amendments to the law on interior information systems *(example)*" in text
    assert "| Information Centre of the Interior | Border Management and Visa Instrument" in text
    assert (
        "| WP-1 | National ESP gateway | 1\u00a0April\u00a02027 | 120\u00a0000.00\u00a0EUR" in text
    )
    assert "| IIC | Information Centre of the Interior |" in text  # from `Name (..., IIC)`
    assert "| BMVI | Border Management and Visa Instrument |" in text


def test_chapters_the_author_writes_come_from_markdown_files(
    write_model: WriteModel, tmp_path: Path
) -> None:
    manifest = MANIFEST + (
        "document:\n"
        "  title: Concept of Latvia\n"
        "  sections:\n"
        "    - {slot: purpose, file: text/purpose.md}\n"
        "    - {slot: before-annexes, title: Data protection, text: 'A DPIA <b>is</b> due.'}\n"
    )
    root = write_model({"text/purpose.md": "Why we\nwrite this.\n\n- one\n- two\n"}, manifest)
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    text = (tmp_path / "out" / "concept" / "concept.md").read_text(encoding="utf-8")
    assert "## 3. Purpose and scope\n\nWhy we\nwrite this.\n\n- one\n- two\n" in text
    assert "## 16. Data protection\n\nA DPIA &lt;b>is&lt;/b> due." in text
    import docx

    document = docx.Document(str(tmp_path / "out" / "concept" / "concept.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Why we write this." in texts  # one paragraph, not one per line
    assert "A DPIA <b>is</b> due." in texts


def test_a_missing_section_file_is_a_finding_at_its_line(write_model: WriteModel) -> None:
    manifest = MANIFEST + "document:\n  sections:\n    - {slot: options, file: nowhere.md}\n"
    root = write_model({}, manifest)
    found = _findings(root)
    assert ("schema", "archlex.yaml", 8) in found


def test_work_packages_without_a_cost_render(write_model: WriteModel, tmp_path: Path) -> None:
    package = (
        "roadmap:\n  work_packages:\n"
        "    - {id: WP-1, name: Analysis, start: 2026-01-05, end: 2026-03-31}\n"
    )
    root = write_model({"roadmap.yaml": package})
    render_products(check_model(root, root), tmp_path / "out", ["concept"])
    text = (tmp_path / "out" / "concept" / "concept.md").read_text(encoding="utf-8")
    assert "*No work package has a cost.*" in text and "**Budget:**" not in text

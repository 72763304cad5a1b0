"""The concept's data architecture table: one row per category with every field the model gives,
names instead of ids, provisions in full, durations in words."""

from __future__ import annotations

from archlex.model.data import DataCategory
from archlex.outcome import Report
from archlex.render.concept.values import data_row

ANSWER = {True: "yes", False: "no"}


def _row(example: Report, data_id: str, language: str = "en") -> list[str]:
    category = example.model.get(data_id)
    assert isinstance(category, DataCategory)
    return data_row(example.model, category, ANSWER, language)


def test_a_row_gives_entities_controllers_processors_basis_retention_master_and_class(
    example: Report,
) -> None:
    name, entities, controller, processor, basis, retention, master, special = _row(
        example, "fingerprints"
    )
    assert name == "Fingerprints"
    assert entities.startswith("Fingerprint set (finger positions, images")
    assert (
        controller
        == "State Border Guard, Office of Citizenship and Migration Affairs, State Police"
    )
    assert processor == "IeM IC, eu-LISA"  # abbreviations: the full names fill the column
    assert "2019/817\u00a0Art\u00a013" in basis or "2019/817 Art 13" in basis
    assert retention.endswith("Art\u00a015)") or retention.endswith("Art 15)")
    assert master == "Biometric Data Processing System"
    assert special == "biometric"


def test_a_basis_outside_the_catalog_and_a_duration_are_written_in_words(
    example: Report,
) -> None:
    row = _row(example, "visa-application-data")
    assert "Regulation (EC) No 767/2008 (VIS)" in row[4]
    assert row[5] == "5\u00a0years"
    assert row[7] == "no"
    assert _row(example, "fingerprints", "lv")[7] == "biometriskie dati"

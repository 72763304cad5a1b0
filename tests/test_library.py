"""The bundled `eu` library: the contract's ids, both regulations complete, shipped in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from archlex.api import validate_model
from archlex.model import Model, Regulation, System, SystemKind
from tests.conftest import REPO

LIBRARY = REPO / "model" / "eu"
CONTRACT_SYSTEMS = {
    "eu.EES": SystemKind.EU_CENTRAL,
    "eu.VIS": SystemKind.EU_CENTRAL,
    "eu.ETIAS": SystemKind.EU_CENTRAL,
    "eu.SIS": SystemKind.EU_CENTRAL,
    "eu.Eurodac": SystemKind.EU_CENTRAL,
    "eu.ECRIS-TCN": SystemKind.EU_CENTRAL,
    "eu.ESP": SystemKind.INTEROPERABILITY_COMPONENT,
    "eu.sBMS": SystemKind.INTEROPERABILITY_COMPONENT,
    "eu.CIR": SystemKind.INTEROPERABILITY_COMPONENT,
    "eu.MID": SystemKind.INTEROPERABILITY_COMPONENT,
    "eu.CRRS": SystemKind.INTEROPERABILITY_COMPONENT,
}
CONTRACT_ROLES = {
    "designated-authority",
    "central-access-point",
    "manual-verification-authority",
    "identity-check-police-authority",
    "sirene-bureau",
    "etias-national-unit",
    "supervisory-authority",
}
LAST_ARTICLE = {"2019/817": 79, "2019/818": 75}


@pytest.fixture(scope="module")
def library() -> Model:
    report = validate_model(LIBRARY, LIBRARY)
    assert report.findings == []
    return report.model


def test_contract_systems_and_roles_exist(library: Model) -> None:
    for system_id, kind in CONTRACT_SYSTEMS.items():
        system = library.get(system_id)
        assert isinstance(system, System) and system.kind is kind, system_id
    assert {role.id for role in library.roles} >= CONTRACT_ROLES


@pytest.mark.parametrize("regulation_id", sorted(LAST_ARTICLE))
def test_every_article_is_there_once_and_chapters_cover_them(
    library: Model, regulation_id: str
) -> None:
    regulation = library.regulation(regulation_id)
    assert isinstance(regulation, Regulation)
    numbers = [int(a.number) for a in regulation.articles]
    assert numbers == list(range(1, LAST_ARTICLE[regulation_id] + 1))
    assert regulation.eli and regulation.eli.endswith(f"/eli/reg/{regulation_id}/oj")
    covered = [
        n for c in regulation.chapters for n in range(int(c.articles[0]), int(c.articles[1]) + 1)
    ]
    assert covered == numbers
    assert all(a.title and a.source for a in regulation.articles)
    assert any(a.verified for a in regulation.articles)
    assert not all(a.verified for a in regulation.articles)


def test_wheel_ships_the_library(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("archlex-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        n.removeprefix("archlex/library/eu/") for n in names if n.startswith("archlex/library/eu/")
    }
    in_repo = {p.relative_to(LIBRARY).as_posix() for p in LIBRARY.rglob("*") if p.is_file()}
    assert shipped == in_repo
    assert "archlex/py.typed" in names
    assert "archlex/scaffold/files/archlex.yaml" in names


def test_obligations_are_many_resolve_and_eu_bodies_never_apply(library: Model) -> None:
    from archlex.check.applicability import applicable_obligations, is_national_actor
    from archlex.check.references import provision_problem

    national = [o for o in library.obligations if is_national_actor(library, o.actor)]
    assert len(national) > 60
    assert len(library.obligations) > len(national)  # eu-LISA, Commission, Europol too
    for obligation in library.obligations:
        assert provision_problem(library, obligation.provision) == (None, None), obligation.id
        assert obligation.summary and obligation.source, obligation.id
    applicable = {o.id for o in applicable_obligations(library)}
    assert applicable and applicable <= {o.id for o in national}


def test_every_provision_cited_in_the_example_resolves() -> None:
    from archlex.check.references import provision_problem, provisions_of
    from tests.conftest import EXAMPLE

    model = validate_model(EXAMPLE, EXAMPLE).model
    cited = [p for _, entity in model.entities() for p, _ in provisions_of(entity)]
    assert len(cited) > 200
    assert [str(p) for p in cited if provision_problem(model, p) != (None, None)] == []


def test_access_grants_mid_links_and_log_policies_are_there(library: Model) -> None:
    assert {link.colour.value for link in library.mid_links} == {"yellow", "green", "red", "white"}
    reached = {s for grant in library.access for s in grant.systems}
    assert {"eu.CIR", "eu.MID", "eu.EES", "eu.SIS"} <= reached
    logged = {s.id for s in library.systems if s.logs}
    assert {"eu.ESP", "eu.sBMS", "eu.CIR", "eu.MID"} <= logged
    assert any(s.id == "eu.UMF" for s in library.standards)

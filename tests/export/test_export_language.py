"""The exports in the output language (`--language`, default: the manifest's), as `render`
writes it: the model's texts in that language where it gives them, the written text where not;
the files still read by the readers of the other export tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from reqif.parser import ReqIFParser  # type: ignore[import-untyped]

from archlex.api import load
from archlex.catalog.provision import Provision, parse_provision
from archlex.export.archimate import archimate_xml
from archlex.export.reqif import provision_object_id, reqif_xml, requirement_object_id
from archlex.export.structurizr import structurizr_dsl
from archlex.model import Model
from tests.conftest import EXAMPLE, run_archlex
from tests.export.dsl_checker import check
from tests.export.reqif_schema import schema_errors
from tests.export.test_archimate import assert_valid, parse
from tests.export.test_reqif import values

# The catalog gives 2019/817 Art 2's title in Latvian (OJ L 135/27), not Art 20(1)'s.
TWO_LANGUAGES = """\
requirements:
  - id: REQ-LV-01
    title: {en: A requirement in two languages, lv: "Prasība divās valodās <&> \\"x\\""}
    type: legal
    priority: must
    satisfies: ["2019/817 Art 2", "2019/817 Art 20(1)"]
    allocated_to: [PIS-MOBILE]
"""
LATVIAN_TITLE = 'Prasība divās valodās <&> "x"'


@pytest.fixture(scope="module")
def latvian_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example whose manifest says `language: lv`, with one requirement whose
    title is given in both languages."""
    root = tmp_path_factory.mktemp("latvian") / "model"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("eu"))
    manifest = root / "archlex.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("language: en\n", "language: lv\n"), encoding="utf-8")
    (root / "requirements" / "two-languages.yaml").write_text(TWO_LANGUAGES, encoding="utf-8")
    return root


def exported(kind: str, model: Path, out: Path, *options: str) -> str:
    """What `archlex export KIND MODEL --out OUT OPTIONS` writes."""
    result = run_archlex("export", kind, str(model), "--out", str(out), *options)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def reqif_values(text: str, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Each spec object's attribute values, by its identifier, as the `reqif` package reads
    the file."""
    path = tmp_path / "read.reqif"
    path.write_text(text, encoding="utf-8")
    bundle = ReqIFParser.parse(str(path))
    objects = bundle.core_content.req_if_content.spec_objects
    return {o.identifier: values(bundle, o) for o in objects}


def test_the_reqif_of_a_latvian_model_has_the_catalogs_latvian(
    latvian_example: Path, tmp_path: Path
) -> None:
    text = exported("reqif", latvian_example, tmp_path / "lv.reqif")
    assert schema_errors(text) == []
    assert '<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xml:lang="lv">' in text
    found = reqif_values(text, tmp_path)
    article = provision_object_id(_provision("2019/817 Art 2"))
    assert found[article]["ReqIF.Name"] == "Mērķi"
    untranslated = provision_object_id(_provision("2019/817 Art 20(1)"))
    english = _article_title(load(EXAMPLE).model, "2019/817", "20")
    assert found[untranslated]["ReqIF.Name"] == english  # the catalog gives no Latvian
    assert found[requirement_object_id("REQ-LV-01")]["ReqIF.Name"] == LATVIAN_TITLE
    assert "&lt;&amp;&gt; &quot;x&quot;" in text  # escaped, and read back as written
    # The manifest's name has no Latvian: shown as written.
    assert "<TITLE>Latvia - national interoperability architecture" in text


def test_language_option_over_the_manifest(latvian_example: Path, tmp_path: Path) -> None:
    text = exported("reqif", latvian_example, tmp_path / "en.reqif", "--language", "en")
    assert schema_errors(text) == []
    assert "xml:lang" not in text  # English is left unsaid, as before the option
    found = reqif_values(text, tmp_path)
    article = provision_object_id(_provision("2019/817 Art 2"))
    assert found[article]["ReqIF.Name"] == "Objectives"
    title = found[requirement_object_id("REQ-LV-01")]["ReqIF.Name"]
    assert title == "A requirement in two languages"
    from_manifest = exported("reqif", latvian_example, tmp_path / "lv.reqif")
    example = exported("reqif", EXAMPLE, tmp_path / "example-lv.reqif", "-l", "lv")
    assert "Mērķi" in from_manifest and 'xml:lang="lv"' in example


def test_archimate_and_structurizr_of_a_latvian_model(
    latvian_example: Path, tmp_path: Path
) -> None:
    xml = exported("archimate", latvian_example, tmp_path / "model.xml")
    assert_valid(xml)
    names = parse(xml).findall(".//{*}element/{*}name")
    name = next(n for n in names if n.text == "Eiropas meklēšanas portāls (ESP)")
    assert name.get("{http://www.w3.org/XML/1998/namespace}lang") == "lv"
    assert "European search portal (ESP)" not in xml
    dsl = exported("structurizr", latvian_example, tmp_path / "workspace.dsl")
    parsed = check(dsl)
    assert parsed.errors == []
    assert parsed.elements["e_eu_2e_ESP"].name == "Eiropas meklēšanas portāls (ESP)"


@pytest.mark.parametrize(
    ("kind", "write"),
    [("reqif", reqif_xml), ("archimate", archimate_xml), ("structurizr", structurizr_dsl)],
)
def test_the_english_export_is_the_model_as_written(kind: str, write: Any, tmp_path: Path) -> None:
    # The model as loaded is what every export wrote before the option: the same bytes.
    before = write(load(EXAMPLE).model)
    assert exported(kind, EXAMPLE, tmp_path / "default") == before
    assert exported(kind, EXAMPLE, tmp_path / "en", "--language", "en") == before


def _article_title(model: Model, regulation_id: str, number: str) -> str:
    regulation = model.regulation(regulation_id)
    assert regulation is not None
    article = regulation.article(number)
    assert article is not None and "lv" not in article.title.translations
    return str(article.title)


def _provision(text: str) -> Provision:
    provision = parse_provision(text)
    assert provision is not None
    return provision

"""The exports in the output language (`--language`, default: the manifest's), as `render`
writes it: the model's texts in that language where it gives them, the written text where not;
the files still read by the readers of the other export tests. The ArchiMate export tags each
text with the language it is in, which is the output language only where the model gives it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from reqif.parser import ReqIFParser  # type: ignore[import-untyped]

from archlex.api import in_language, load, validate_model
from archlex.catalog.provision import Provision, parse_provision
from archlex.export.archimate import archimate_export, archimate_xml
from archlex.export.ids import xml_id
from archlex.export.reqif import provision_object_id, reqif_xml, requirement_object_id
from archlex.export.structurizr import structurizr_dsl
from archlex.model import Model
from tests.conftest import EXAMPLE, WriteModel, run_archlex
from tests.export.dsl_checker import check
from tests.export.hostile import FILES, HOSTILE, HOSTILE_IN_XML
from tests.export.reqif_schema import schema_errors
from tests.export.test_archimate import NS, assert_valid, parse, properties
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
# A process named in both languages: its view's name is Latvian through and through.
TWO_LANGUAGE_PROCESS = """\
processes:
  - id: P-LV
    name: {en: A process in two languages, lv: Process divās valodās}
    steps: [F-BRD-01]
"""
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def bilingual_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the (English) example with one requirement and one process given in both
    languages."""
    root = tmp_path_factory.mktemp("bilingual") / "model"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("eu"))
    extra = TWO_LANGUAGES + TWO_LANGUAGE_PROCESS
    (root / "requirements" / "two-languages.yaml").write_text(extra, encoding="utf-8")
    return root


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
    assert 'xml:lang="en"' in text  # said for English too: an import merges by it
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


def said(root: Any, identifier: str, tag: str = "name") -> tuple[str, str]:
    """The text and `xml:lang` of the first `tag` of the concept or view `identifier`."""
    node = root.find(f".//*[@identifier='{identifier}']/a:{tag}", NS)
    assert node is not None, identifier
    return node.text, node.get(LANG)


def test_archimate_tags_the_latvian_it_has_lv_and_what_falls_back_en(
    bilingual_example: Path, tmp_path: Path
) -> None:
    text = exported("archimate", bilingual_example, tmp_path / "lv.xml", "--language", "lv")
    assert_valid(text)
    root = parse(text)
    assert said(root, xml_id("REQ-LV-01")) == (LATVIAN_TITLE, "lv")
    assert "Prasība divās valodās &lt;&amp;&gt;" in text  # escaped as before
    assert said(root, xml_id("REQ-BRD-01"))[1] == "en"  # no Latvian: the English as written
    assert said(root, xml_id("eu.ESP")) == ("Eiropas meklēšanas portāls (ESP)", "lv")
    assert said(root, xml_id("eu.ETIAS"))[1] == "en"  # the catalog gives no Latvian name
    assert root.find("a:name", NS).get(LANG) == "en"  # the model's name has no Latvian
    assert said(root, "view-context") == ("Konteksts", "lv")  # archlex's catalog
    assert said(root, "view-process-P-LV") == ("Process: Process divās valodās", "lv")
    assert said(root, "view-process-P-BORDER-ENTRY")[1] == "en"  # the process's English name
    requirement = root.find(f".//a:element[@identifier='{xml_id('REQ-LV-01')}']", NS)
    assert properties(requirement)["archlex-id"] == "REQ-LV-01"
    values = requirement.iterfind("a:properties/a:property/a:value", NS)
    assert {value.get(LANG) for value in values} == {"en"}  # ids and codes: archlex's words
    assert len(root.findall(".//a:element/a:name", NS)) == len(root.findall(".//a:element", NS))


def test_archimate_of_a_model_written_in_latvian(latvian_example: Path, tmp_path: Path) -> None:
    # The manifest says the model is written in Latvian: its plain texts are Latvian whatever
    # the output language; the library's plain texts are English.
    latvian = parse(exported("archimate", latvian_example, tmp_path / "lv.xml"))
    assert said(latvian, xml_id("REQ-BRD-01"))[1] == "lv"
    assert said(latvian, xml_id("eu.ETIAS"))[1] == "en"
    assert said(latvian, xml_id("eu.ETIAS"), "documentation")[1] == "en"
    text = exported("archimate", latvian_example, tmp_path / "en.xml", "--language", "en")
    assert_valid(text)
    english = parse(text)
    assert said(english, xml_id("REQ-LV-01")) == ("A requirement in two languages", "en")
    assert said(english, xml_id("REQ-BRD-01"))[1] == "lv"
    assert said(english, xml_id("eu.ESP")) == ("European search portal (ESP)", "en")
    assert said(english, "view-context") == ("Context", "en")
    assert english.find("a:name", NS).get(LANG) == "lv"


def test_hostile_latvian_text_is_escaped_and_tagged(write_model: WriteModel) -> None:
    latvian = f"""\
organisations:
  - id: org.lv
    name:
      en: Plain
      lv: {HOSTILE}
    kind: ministry
"""
    root = write_model({**FILES, "latvian.yaml": latvian})
    text = archimate_export(in_language(validate_model(root, root), "lv"))
    assert_valid(text)
    assert "<script>" not in text and "]]>" not in text
    tree = parse(text)
    assert said(tree, xml_id("org.lv")) == (HOSTILE_IN_XML, "lv")
    assert said(tree, xml_id("0rg.one")) == (HOSTILE_IN_XML, "en")  # written in English

"""The Structurizr export's deployment environments: nodes nested as the model nests them,
an instance per hosting, the connections between instances, a deployment view per
environment; checked with tests/export/dsl_checker.py."""

from __future__ import annotations

import pytest

from archlex.api import load
from archlex.export.deployments import ENVIRONMENT_TITLES
from archlex.export.ids import dsl_deployment_identifier, dsl_identifier
from archlex.export.structurizr import structurizr_dsl
from archlex.model import Model
from tests.conftest import WriteModel
from tests.export.dsl_checker import Parsed, check, undefined_includes
from tests.export.hostile import FILES, TECHNICAL_FILES
from tests.export.test_structurizr import HOSTILE_IN_DSL


def _names(model: Model) -> dict[str, str]:
    return {n.id: str(n.name) for n in model.nodes}


def _expected_ancestry(model: Model, node_id: str) -> list[str]:
    nodes = {n.id: n for n in model.nodes}
    names = []
    current = nodes.get(node_id)
    while current is not None:
        names.append(str(current.name))
        current = nodes.get(current.within or "")
    return names[::-1]


def test_every_hosting_is_an_instance_inside_its_nodes(example: Model, example_dsl: str) -> None:
    parsed = check(example_dsl)
    assert parsed.errors == []
    assert parsed.environments == ["Production", "Disaster recovery (DR)", "Acceptance", "Test"]
    hostings = [(n, h) for n in example.nodes for h in n.hosts]
    assert len(parsed.instances) == len(hostings) > 60
    for node, hosting in hostings:
        identifier = dsl_deployment_identifier(hosting.environment.value, node.id, hosting.system)
        of, block = parsed.instances[identifier]
        assert of == dsl_identifier(hosting.system)
        assert parsed.ancestry(block) == _expected_ancestry(example, node.id)


def test_national_interfaces_are_container_instances(example_dsl: str) -> None:
    parsed = check(example_dsl)
    kinds = {parsed.elements[i].kind for i, (of, _) in parsed.instances.items() if "NUI" in of}
    assert kinds == {"containerInstance"}


def test_networks_are_infrastructure_nodes_where_they_are_attached(
    example: Model, example_dsl: str
) -> None:
    parsed = check(example_dsl)
    networks = {str(n.name) for n in example.networks}
    placed = {
        (name, tuple(parsed.ancestry(block)))
        for kind, name, block in parsed.deployment_nodes
        if kind == "infrastructureNode"
    }
    assert {name for name, _ in placed} == networks
    names = _names(example)
    # The EU communication infrastructure reaches the NUI segment, not the whole data centre.
    euci = str(next(n.name for n in example.networks if n.id == "NET-EUCI"))
    assert (euci, (names["DC1"], names["DC1-NUI"])) in placed
    assert (euci, (names["DC1"],)) not in placed


def _connections(parsed: Parsed) -> dict[str, tuple[str, str, list[str]]]:
    return {r[2][0].split(":")[0]: r for r in parsed.relationships if r[2][2:3] == ["Connection"]}


def test_connections_join_instances_with_protocol_and_format(
    example: Model, example_dsl: str
) -> None:
    connections = _connections(check(example_dsl))
    hosted = {
        (h.environment, h.system): n.id for n in example.nodes for h in n.hosts
    }  # one node per system and environment in the example
    for connection in example.connections:
        both = [e for e in ENVIRONMENT_TITLES if (e, connection.from_) in hosted]
        both = [e for e in both if (e, connection.to) in hosted]
        if not both:
            assert connection.id not in connections
            continue
        source, target, (description, technology, _) = connections[connection.id]
        assert description.startswith(f"{connection.id}: ")
        environment = both[-1]  # the last environment written keeps the key in this dict
        assert source == dsl_deployment_identifier(
            environment.value, hosted[(environment, connection.from_)], connection.from_
        )
        assert target == dsl_deployment_identifier(
            environment.value, hosted[(environment, connection.to)], connection.to
        )
        assert technology == f"{connection.protocol}, {connection.format}"
    assert connections["CN-ESP"][2][1] == "REST, UMF (XML)"


def test_a_deployment_view_per_environment_shows_only_connections(example_dsl: str) -> None:
    parsed = check(example_dsl)
    deployment = [key for kind, _, key in parsed.views if kind == "deployment"]
    assert deployment == [
        "deployment-production",
        "deployment-dr",
        "deployment-acceptance",
        "deployment-test",
    ]
    block = example_dsl.split('deployment * "Production" "deployment-production" {', 1)[1]
    assert block.split("}", 1)[0].split() == [
        "include",
        "*",
        "exclude",
        '"relationship.tag!=Connection"',
        "autolayout",
        "lr",
    ]


def test_a_named_technical_view_is_a_deployment_view(write_model: WriteModel) -> None:
    text = structurizr_dsl(load(write_model(TECHNICAL_FILES)).model)
    parsed = check(text)
    assert parsed.errors == [] and undefined_includes(parsed) == []
    assert ("deployment", None, "view.tech") in parsed.views
    lines = text.split('"view.tech"', 1)[1].splitlines()[1:]
    block = lines[: next(i for i, line in enumerate(lines) if line.strip() == "}")]
    included = [line.split()[1] for line in block if "include" in line]
    assert included == [dsl_deployment_identifier("production", "zone.1", "sys.a")]


def test_hostile_technical_text_cannot_break_the_workspace(write_model: WriteModel) -> None:
    text = structurizr_dsl(load(write_model(TECHNICAL_FILES)).model)
    parsed = check(text)
    assert parsed.errors == []
    assert "${" not in text
    names = [name for kind, name, _ in parsed.deployment_nodes if kind == "deploymentNode"]
    assert HOSTILE_IN_DSL in names
    # Two sibling zones (and the network beside them) share a name: the repeats get their id.
    assert f"{HOSTILE_IN_DSL} (zone.1)" in names and f"{HOSTILE_IN_DSL} (zone.2)" in names
    (connection,) = _connections(parsed).values()
    assert connection[2][1] == f"{HOSTILE_IN_DSL}, {HOSTILE_IN_DSL}"


def test_a_model_without_hosting_has_no_deployment(write_model: WriteModel) -> None:
    text = structurizr_dsl(load(write_model(FILES)).model)
    assert "deployment" not in text and "Instance" not in text
    assert check(text).errors == []


_SYSTEM = 'workspace {\n  model {\n    s = softwareSystem "S"\n'


@pytest.mark.parametrize(
    ("dsl", "error"),
    [
        (_SYSTEM + '    deploymentNode "N" {\n    }\n  }\n}\n', "deploymentNode inside model"),
        (
            _SYSTEM + '    deploymentEnvironment "E" {\n      i = softwareSystemInstance s\n'
            "    }\n  }\n}\n",
            "softwareSystemInstance inside deploymentEnvironment",
        ),
        (
            _SYSTEM + '    deploymentEnvironment "E" {\n      deploymentNode "N" {\n'
            "        i = softwareSystemInstance nope\n      }\n    }\n  }\n}\n",
            "not a defined softwareSystem",
        ),
        (
            _SYSTEM + '    deploymentEnvironment "E" {\n      deploymentNode "N" {\n      }\n'
            '      deploymentNode "N" {\n      }\n    }\n  }\n}\n',
            "used twice in one deployment node",
        ),
        (
            _SYSTEM + '  }\n  views {\n    deployment * "Live" "k" {\n    }\n  }\n}\n',
            "no deployment environment",
        ),
    ],
)
def test_the_checker_finds_what_breaks_a_deployment(dsl: str, error: str) -> None:
    assert any(error in e for e in check(dsl).errors), check(dsl).errors

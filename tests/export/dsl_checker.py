"""A structural checker for the Structurizr DSL that archlex writes.

Not the Structurizr parser (Java), but its rules that can break a workspace: tokens as the DSL
reads them (quoted strings closed on their line, read as Structurizr's `Tokenizer` and
`Tokens.get` read them: a quote after a backslash is part of the string; the text is trimmed,
`\\"` becomes `"` and `\\n` a line break, and no other escape exists), `{` last on its line
and `}` alone on one, braces balanced, identifiers of a-zA-Z_0-9 defined once and before use,
relationships between defined elements that are not parent and child, unique names, and views
of defined software systems with unique keys. Deployment environments as the DSL nests them:
`deploymentNode`s in an environment or a node, instances and infrastructure nodes in a node,
an instance of a defined software system or container, unique names among siblings, and
`deployment` views of a defined environment whose `include`s are defined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

IDENTIFIER = re.compile(r"^[A-Za-z_0-9]+$")
BARE = re.compile(r"^[A-Za-z_0-9#*!=>{}-]+$")
BLOCKS = {"workspace", "model", "views", "styles"}
VIEW_KINDS = {"systemLandscape", "systemContext", "container", "deployment"}
# Where each deployment statement may stand (the parser's permitted contexts).
DEPLOYMENT_CONTEXTS = {
    "deploymentEnvironment": {"model"},
    "deploymentNode": {"deploymentEnvironment", "deploymentNode"},
    "infrastructureNode": {"deploymentNode"},
    "softwareSystemInstance": {"deploymentNode"},
    "containerInstance": {"deploymentNode"},
}
INSTANCE_OF = {"softwareSystemInstance": "softwareSystem", "containerInstance": "container"}
STYLE_RULES = {"shape", "background", "color", "border", "routing", "thickness"}


@dataclass
class Element:
    """A person, software system or container, with its parent system."""

    kind: str
    name: str
    parent: str | None


@dataclass
class Parsed:
    """What the checker found: errors, and the workspace's parts."""

    errors: list[str] = field(default_factory=list)
    elements: dict[str, Element] = field(default_factory=dict)
    relationships: list[tuple[str, str, list[str]]] = field(default_factory=list)
    views: list[tuple[str, str | None, str]] = field(default_factory=list)  # kind, scope, key
    environments: list[str] = field(default_factory=list)
    deployment_nodes: list[tuple[str, str, str]] = field(default_factory=list)  # kind, name, block
    instances: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> of, block
    includes: list[str] = field(default_factory=list)
    # The names already used inside each open block, by the block's unique key.
    names_in: dict[str, set[str]] = field(default_factory=dict)
    # Each deployment node's block: its name and the block it stands in.
    blocks: dict[str, tuple[str, str]] = field(default_factory=dict)

    def ancestry(self, block: str) -> list[str]:
        """The names of the deployment nodes a block lies in, outermost first."""
        names = []
        while block in self.blocks:
            name, block = self.blocks[block]
            names.append(name)
        return names[::-1]


def tokenize(line: str) -> list[tuple[str, bool]]:
    """The line's tokens, each with whether it was quoted; ValueError when a string is open."""
    tokens: list[tuple[str, bool]] = []
    position = 0
    while position < len(line):
        if line[position].isspace():
            position += 1
        elif line[position] == '"':
            text, position = _string(line, position + 1)
            tokens.append((text, True))
        else:
            end = position
            while end < len(line) and not line[end].isspace():
                if line[end] == '"':
                    raise ValueError(f"a quote inside the bare token {line[position : end + 1]!r}")
                end += 1
            tokens.append((line[position:end], False))
            position = end
    return tokens


def _string(line: str, position: int) -> tuple[str, int]:
    start = position
    while position < len(line):
        # Structurizr's Tokenizer: a quote right after a backslash does not end the string.
        if line[position] == '"' and line[position - 1] != "\\":
            return read_back(line[start:position]), position + 1
        position += 1
    raise ValueError("a string is not closed on its line")


def read_back(token: str) -> str:
    """A string's text as Structurizr's `Tokens.get` reads it."""
    return token.strip().replace('\\"', '"').strip().replace("\\n", "\n")


def check(text: str) -> Parsed:
    """Check a workspace; `Parsed.errors` lists what breaks it, with line numbers."""
    parsed = Parsed()
    stack: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("//", "#")):
            continue
        if stripped.endswith("\\"):
            parsed.errors.append(f"{number}: a line continues onto the next")
        try:
            tokens = tokenize(stripped)
        except ValueError as error:
            parsed.errors.append(f"{number}: {error}")
            continue
        for message in _line(parsed, stack, tokens):
            parsed.errors.append(f"{number}: {message}")
    if stack:
        parsed.errors.append(f"end: {len(stack)} blocks are not closed: {stack}")
    return parsed


def _line(parsed: Parsed, stack: list[str], tokens: list[tuple[str, bool]]) -> list[str]:
    words = [t for t, _ in tokens]
    errors = [f"bare token {t!r}" for t, quoted in tokens if not quoted and not BARE.match(t)]
    if any(t in "{}" and not quoted for t, quoted in tokens[:-1]):
        errors.append("a brace that is not the last token of its line")
    if words == ["}"]:
        if not stack:
            return [*errors, "a `}` closes no block"]
        stack.pop()
        return errors
    opens = words[-1] == "{" and not tokens[-1][1]
    body = words[:-1] if opens else words
    context = stack[-1] if stack else "top"
    errors += _statement(parsed, context, body, tokens)
    if opens:
        stack.append(f"{_block_name(body)}#{len(parsed.names_in)}")
        parsed.names_in[stack[-1]] = set()
        if body[0] == "deploymentNode" and len(body) > 1:
            parsed.blocks[stack[-1]] = (body[1], context)
    return errors


def _block_name(body: list[str]) -> str:
    if len(body) > 2 and body[1] == "=":
        return f"{body[2]}:{body[0]}"
    if len(body) > 2 and body[1] == "->":
        return "relationship"
    return body[0] if body else "?"


def _statement(
    parsed: Parsed, context: str, body: list[str], tokens: list[tuple[str, bool]]
) -> list[str]:
    if not body:
        return ["an empty statement"]
    kind = context.split("#")[0].split(":")[0]
    if kind == "properties":
        quoted = [q for _, q in tokens]
        return [] if len(body) == 2 and all(quoted) else ["a property is not two strings"]
    if len(body) > 2 and body[1] == "=":
        if body[2] in DEPLOYMENT_CONTEXTS:
            return _deployment(parsed, context, body[2], body[3:], body[0])
        return _definition(parsed, context, body)
    if body[0] in DEPLOYMENT_CONTEXTS:
        return _deployment(parsed, context, body[0], body[1:], None)
    if len(body) > 2 and body[1] == "->":
        return _relationship(parsed, body)
    if body[0] in VIEW_KINDS and context.startswith("views"):
        return _view(parsed, body)
    if context == "top" and body[0] == "workspace":
        return []
    if body[0] in BLOCKS or body[0] in ("element", "relationship", "!identifiers", "properties"):
        return []
    if body[0] == "include":
        parsed.includes += body[1:]
        return []
    if body[0] in ("exclude", "autolayout") or body[0] in STYLE_RULES:
        return []
    return [f"an unknown statement {body[0]!r} in {context}"]


def _deployment(
    parsed: Parsed, context: str, kind: str, arguments: list[str], identifier: str | None
) -> list[str]:
    """A deployment statement: in its permitted context, named uniquely among its siblings,
    an instance of a defined software system or container."""
    where = context.split("#")[0].split(":")[0]
    errors = []
    if where not in DEPLOYMENT_CONTEXTS[kind]:
        errors.append(f"{kind} inside {where}")
    if not arguments:
        return [*errors, f"{kind} without a name or element"]
    if identifier is not None:
        errors += _new_identifier(parsed, identifier)
        parsed.elements[identifier] = Element(kind, arguments[0], None)
    if kind == "deploymentEnvironment":
        if arguments[0] in parsed.environments:
            errors.append(f"deployment environment {arguments[0]!r} defined twice")
        parsed.environments.append(arguments[0])
    elif kind in INSTANCE_OF:
        of = parsed.elements.get(arguments[0])
        if of is None or of.kind != INSTANCE_OF[kind]:
            errors.append(f"{kind} of {arguments[0]!r}, which is not a defined {INSTANCE_OF[kind]}")
        if identifier is not None:
            parsed.instances[identifier] = (arguments[0], context)
    else:
        siblings = parsed.names_in.setdefault(context, set())
        if arguments[0] in siblings:
            errors.append(f"name {arguments[0]!r} used twice in one deployment node")
        siblings.add(arguments[0])
        parsed.deployment_nodes.append((kind, arguments[0], context))
    return errors


def _new_identifier(parsed: Parsed, identifier: str) -> list[str]:
    errors = []
    if not IDENTIFIER.match(identifier):
        errors.append(f"identifier {identifier!r} has characters the DSL does not allow")
    if identifier in parsed.elements:
        errors.append(f"identifier {identifier!r} defined twice")
    return errors


def _definition(parsed: Parsed, context: str, body: list[str]) -> list[str]:
    identifier, kind, name = body[0], body[2], body[3] if len(body) > 3 else ""
    errors = []
    if not IDENTIFIER.match(identifier):
        errors.append(f"identifier {identifier!r} has characters the DSL does not allow")
    if identifier in parsed.elements:
        errors.append(f"identifier {identifier!r} defined twice")
    parent = context.split("#")[0].split(":")[1] if context.startswith("softwareSystem:") else None
    if kind == "container" and parent is None:
        errors.append(f"container {identifier!r} outside a software system")
    if kind not in ("person", "softwareSystem", "container"):
        errors.append(f"unknown element kind {kind!r}")
    siblings = [e.name for e in parsed.elements.values() if e.parent == parent]
    if name in siblings:
        errors.append(f"name {name!r} used twice in one scope")
    parsed.elements[identifier] = Element(kind, name, parent)
    return errors


def _relationship(parsed: Parsed, body: list[str]) -> list[str]:
    source, target = body[0], body[2]
    ends = (source, target)
    errors = [f"{end!r} is not defined before use" for end in ends if end not in parsed.elements]
    if not errors:
        if parsed.elements[source].parent == target or parsed.elements[target].parent == source:
            errors.append(f"a relationship between {source} and its parent or child {target}")
    parsed.relationships.append((source, target, body[3:]))
    return errors


def _view(parsed: Parsed, body: list[str]) -> list[str]:
    kind = body[0]
    if kind == "deployment":
        return _deployment_view(parsed, body)
    scope = None if kind == "systemLandscape" else body[1]
    key = body[1] if scope is None else body[2]
    errors = []
    if scope is not None:
        element = parsed.elements.get(scope)
        if element is None or element.kind != "softwareSystem":
            errors.append(f"view of {scope!r}, which is not a defined software system")
    if key in {k for _, _, k in parsed.views}:
        errors.append(f"view key {key!r} used twice")
    parsed.views.append((kind, scope, key))
    return errors


def _deployment_view(parsed: Parsed, body: list[str]) -> list[str]:
    """`deployment <*|software system> <environment> <key> [description]`."""
    if len(body) < 4:
        return ["a deployment view without scope, environment and key"]
    scope, environment, key = body[1], body[2], body[3]
    errors = []
    if scope != "*" and getattr(parsed.elements.get(scope), "kind", None) != "softwareSystem":
        errors.append(f"deployment view of {scope!r}, which is not a defined software system")
    if environment not in parsed.environments:
        errors.append(f"deployment view of {environment!r}, which is no deployment environment")
    if key in {k for _, _, k in parsed.views}:
        errors.append(f"view key {key!r} used twice")
    parsed.views.append(("deployment", None if scope == "*" else scope, key))
    return errors


def undefined_includes(parsed: Parsed) -> list[str]:
    """What the views include that is neither `*` nor an expression nor a defined element."""
    return [
        name
        for name in parsed.includes
        if name != "*" and "==" not in name and "->" not in name and name not in parsed.elements
    ]

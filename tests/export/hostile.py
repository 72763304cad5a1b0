"""A small model whose names and descriptions try to break XML and the Structurizr DSL."""

from __future__ import annotations

# YAML double-quoted escapes give the control characters XML 1.0 forbids (\0, \x01, \x0b,
# \x1f, \ufffe) next to markup, quotes, a CDATA end, a DSL substitution and backslashes.
HOSTILE = (
    '"<script>alert(1)</script> & \\"quoted\\" \'single\' ]]> '
    '\\0\\x01\\x0b\\x1f\\ufffe ${workspace} } { \\\\ \\n-> next line \\\\"'
)
# What the ArchiMate export keeps of it: everything but the forbidden characters.
HOSTILE_IN_XML = (
    "<script>alert(1)</script> & \"quoted\" 'single' ]]>  ${workspace} } { \\ \n-> next line \\"
)

FILES = {
    "model.yaml": f"""\
organisations:
  - id: 0rg.one
    name: {HOSTILE}
    kind: ministry
    roles: [sirene-bureau]
    description: {HOSTILE}
systems:
  - id: sys.a
    name: {HOSTILE}
    kind: national
    owner: 0rg.one
    description: {HOSTILE}
    components:
      - id: sys.a-part
        name: {HOSTILE}
  - id: sys.b
    name: Second system
    kind: national
    owner: 0rg.one
data:
  - id: hostile-data
    name: {HOSTILE}
flows:
  - id: f.1
    from: sys.a-part
    to: sys.b
    data: [hostile-data]
    purpose: {HOSTILE}
    sync: query
processes:
  - id: p.1
    name: {HOSTILE}
    steps: [f.1]
""",
}

# The technical architecture of the same model, every text hostile: two sibling zones share a
# name (the DSL refuses that: the second gets its id), the hosting's notes, the connection's
# protocol, format and volume unit, and a named technical view's title; one hosting is
# listed twice (one instance, one identifier).
TECHNICAL = f"""\
networks:
  - id: net.1
    name: {HOSTILE}
    description: {HOSTILE}
    security: {HOSTILE}
nodes:
  - id: dc.1
    name: {HOSTILE}
    kind: data-centre
    location: {HOSTILE}
    description: {HOSTILE}
    networks: [net.1]
  - id: zone.1
    name: {HOSTILE}
    kind: zone
    within: dc.1
    hosts:
      - {{system: sys.a, instances: 2, availability: 99.9, description: {HOSTILE}}}
      - {{system: sys.a, environment: test}}
      - {{system: sys.a, environment: test}}
  - id: zone.2
    name: {HOSTILE}
    kind: zone
    within: dc.1
    hosts:
      - {{system: sys.b}}
      - {{system: sys.a-part, environment: dr}}
connections:
  - id: cn.1
    from: sys.a
    to: sys.b
    network: net.1
    protocol: {HOSTILE}
    format: {HOSTILE}
    security: {HOSTILE}
    flows: [f.1]
    volume: {{average: 5, unit: {HOSTILE}}}
views:
  - id: view.tech
    title: {HOSTILE}
    kind: technical
    include: [sys.a]
"""
TECHNICAL_FILES = {**FILES, "technical.yaml": TECHNICAL}

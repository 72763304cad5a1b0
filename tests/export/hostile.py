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

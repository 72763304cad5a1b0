"""A view the model names cannot be drawn as written: it takes the name of a default diagram
(`context`, `technical`, `technical-border`, `data`, `data-special`, `legend`,
`context-<system>`, `process-<process>`, `sequence-<process>`) and would overwrite it, it gives
a `depth` without a `focus` to count it from, or its `include`, `exclude` and `focus` leave
nothing to draw (a process or sequence view needs at least one flow). Rename the view, add the
focus, or include a process, flows or systems that take part in flows. An entry that names no
id and no tag is an `unknown-reference`.
"""

from __future__ import annotations

from archlex.check.context import CheckContext
from archlex.check.reads import FLOW_ENDS, VIEWS
from archlex.check.views import check_views
from archlex.findings import Finding, Severity
from archlex.rules import Phase, rule


@rule(
    "view-invalid",
    Severity.ERROR,
    Phase.VALIDATE,
    "a named view clashes with a default diagram, or selects nothing to draw",
    reads=VIEWS,
    reach={},
    through=FLOW_ENDS,  # a model with views: checked in full (archlex.check.flow_links)
)
def invalid_views(context: CheckContext) -> list[Finding]:
    """A view with a default diagram's name, a depth without focus, or an empty selection."""
    return context.from_pass(check_views)

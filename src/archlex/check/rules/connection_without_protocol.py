"""A connection crosses the border, from the national side (national systems and the national
uniform interfaces installed in the Member State) to an EU central system, an interoperability
component or an external system, and names no protocol. A connection to the EU is specified by
eu-LISA's interface control documents (message format, transport and security), and the national
side must say which it implements: `protocol: SOAP` (or REST, AMQP ...), with `format`,
`standard: eu.UMF` where the universal message format applies, and the `network` (e.g.
TESTA-ng) it runs over.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlex.check.context import CheckContext
from archlex.check.flow_ends import end_kind
from archlex.check.reads import COMPONENTS, reads
from archlex.findings import Finding, Severity
from archlex.model.infrastructure import is_state_side
from archlex.rules import Phase, rule


@rule(
    "connection-without-protocol",
    Severity.WARNING,
    Phase.CHECK,
    "a connection across the border names no protocol",
    reads=reads(COMPONENTS, connections={"from_", "to", "protocol"}, systems={"kind"}),
    reach={},
    through={},
)
def connections_without_protocol(context: CheckContext) -> Iterator[Finding]:
    """A connection between the national and the EU side with no protocol."""
    for connection in context.model.connections:
        kinds = [end_kind(context, end) for end in (connection.from_, connection.to)]
        if None in kinds or connection.protocol:
            continue
        sides = {is_state_side(kind.value) for kind in kinds if kind is not None}
        if len(sides) == 2:
            yield context.finding(
                connection.id,
                f"connection `{connection.id}` crosses the border from `{connection.from_}` to "
                f"`{connection.to}` but names no protocol",
                hint="add `protocol: SOAP` (or REST, AMQP ...), with `format`, `standard` and "
                "`network`",
            )

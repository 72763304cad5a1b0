"""The Open Group's ArchiMate exchange-format schema, loaded offline from the tests' copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

SCHEMAS = Path(__file__).parent.parent / "data" / "archimate-exchange"
# The schemas import the W3C's xml.xsd by URL; these files are the local copies.
LOCAL_COPIES = {
    "http://www.w3.org/2001/xml.xsd": SCHEMAS / "xml.xsd",
    "http://www.w3.org/2001/03/xml.xsd": SCHEMAS / "xml.xsd",
}


class OfflineResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the W3C schemas from the local copies; records anything else it is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url: str, public_id: str | None, context: Any) -> Any:
        self.asked.append(url)
        if url in LOCAL_COPIES:
            return self.resolve_filename(str(LOCAL_COPIES[url]), context)
        return None


def load_schema() -> tuple[Any, OfflineResolver]:
    """The Diagram schema (which includes View and Model), with network access forbidden."""
    resolver = OfflineResolver()
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    parser.resolvers.add(resolver)
    document = etree.parse(str(SCHEMAS / "archimate3_Diagram.xsd"), parser)
    return etree.XMLSchema(document), resolver

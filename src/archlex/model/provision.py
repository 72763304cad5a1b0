"""Provision references as the models use them (the parser is plain Python: archlex.provision)."""

from archlex.provision import MAX_PARTS, PROVISION_FORMAT, Provision, parse_provision

__all__ = ["MAX_PARTS", "PROVISION_FORMAT", "Provision", "parse_provision"]

"""The one note an output gives about texts it could not show in its language."""

from __future__ import annotations

from archlex.i18n import N_, Translator
from archlex.outcome import Report

# The kinds of model parts that hold text (class names in archlex.model), as a reader names them.
KINDS = {
    "AccessGrant": N_("access grants"),
    "Act": N_("acts"),
    "Article": N_("articles"),
    "Change": N_("change history entries"),
    "Chapter": N_("chapters"),
    "Component": N_("components"),
    "Connection": N_("connections"),
    "DataCategory": N_("data categories"),
    "DataEntity": N_("data entities"),
    "Decision": N_("decisions"),
    "Document": N_("document details"),
    "Flow": N_("flows"),
    "Fund": N_("funds"),
    "GlossaryEntry": N_("glossary entries"),
    "Manifest": N_("model name"),
    "MidLink": N_("MID links"),
    "Milestone": N_("milestones"),
    "NationalAct": N_("national legal acts"),
    "Network": N_("networks"),
    "Node": N_("nodes"),
    "Obligation": N_("obligations"),
    "Organisation": N_("organisations"),
    "Phase": N_("phases"),
    "Process": N_("processes"),
    "Regulation": N_("regulations"),
    "Requirement": N_("requirements"),
    "Risk": N_("risks"),
    "Role": N_("roles"),
    "Section": N_("chapter titles"),
    "Standard": N_("standards"),
    "System": N_("systems"),
    "View": N_("views"),
    "WorkPackage": N_("work packages"),
}


def fallback_note(report: Report, tr: Translator) -> str | None:
    """`Texts the model does not give in this language are shown as written: systems: 3, ...`,
    or None when every text is in the output's language."""
    if not report.fallbacks:
        return None
    # The model's name first: it heads the page the note is on; the kinds follow in their order.
    kinds = sorted(report.fallbacks, key=lambda kind: kind != "Manifest")
    parts = ", ".join(
        f"{tr.gettext(KINDS.get(kind, kind))}: {report.fallbacks[kind]}" for kind in kinds
    )
    return tr.gettext(
        "Texts the model does not give in this language are shown as written: {parts}."
    ).format(parts=parts)

"""A checked report in one output language: the model's texts put in that language, and a count
of what stayed in another (for the outputs' one note on it)."""

from __future__ import annotations

import dataclasses

from archlex.load import Project
from archlex.model.localize import localize_model, untranslated
from archlex.model.text import DEFAULT_LANGUAGE
from archlex.outcome import Report


def in_language(report: Report, language: str | None = None) -> Report:
    """The report with the model's texts in `language` (`--language`; default: the manifest's)
    where the model gives them, counting where it does not (`Report.fallbacks`)."""
    model = report.model
    target = language or model.manifest.language
    if report.output_language == target:
        return report
    written = report.written_language or model.manifest.language
    fallbacks: dict[str, int] = {}
    if target != DEFAULT_LANGUAGE:
        fallbacks = untranslated(model, target, written, library_ids(report.project))
        model = localize_model(model, target)
    if model.manifest.language != target:
        manifest = model.manifest.model_copy(update={"language": target})
        model = dataclasses.replace(model, manifest=manifest)
    project = report.project
    if model is not report.model:
        project = dataclasses.replace(project, model=model)
    return dataclasses.replace(
        report,
        project=project,
        output_language=target,
        fallbacks=fallbacks,
        written_language=written,
    )


def library_ids(project: Project) -> frozenset[str]:
    """The ids of the entities a bundled library defines (written in English)."""
    return frozenset(
        entity.id for _, entity in project.model.entities() if _is_library(project, entity.id)
    )


def _is_library(project: Project, entity_id: str) -> bool:
    located = project.sources.of(entity_id)
    return located is not None and located.file.startswith("[")

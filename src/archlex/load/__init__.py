"""Reading models: YAML with positions, the manifest and includes, libraries, validation."""

from archlex.load.project import Project, load_project
from archlex.load.sources import Located, SourceMap

__all__ = ["Located", "Project", "SourceMap", "load_project"]

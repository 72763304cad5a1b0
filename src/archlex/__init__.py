"""archlex: architecture-as-code and traceability for Regulations (EU) 2019/817 and 2019/818."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("archlex")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]

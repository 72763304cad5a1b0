"""archlex: architecture-as-code and traceability for Regulations (EU) 2019/817 and 2019/818."""

__version__ = "0.1.0"

__all__ = ["__version__"]

"""The model as one graph with typed edges, built once, and the queries rules need."""

from archlex.graph.model_graph import EDGE_KINDS, ModelGraph, build_graph

__all__ = ["EDGE_KINDS", "ModelGraph", "build_graph"]

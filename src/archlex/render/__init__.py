"""Outputs written from a model: today the JSON Schema for editors."""

"""Helpers the products, the site, impact and export share: Graphviz, escaping, staging, money."""

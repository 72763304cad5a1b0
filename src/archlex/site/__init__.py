"""The concept site: the model as mkdocs pages, built offline with mkdocs-material."""

# archlex: `make demo` sets everything up and runs archlex on the bundled example;
# `make test` is what CI runs (lint, types, tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SRC := src tests benchmarks

.PHONY: demo test lint typecheck unit fuzz bench schema help-text docs i18n catalogs system-packages \
	browser-deps clean vsix

# The example's `check` shows its open gaps and so exits 1; the demo shows them and goes on.
demo: $(INSTALLED) catalogs
	$(BIN)/archlex validate model/
	$(BIN)/archlex check model/ || echo "(the example's open gaps are listed above; see model/README.md)"
	$(BIN)/archlex render model/ --out build
	$(BIN)/archlex build model/ --out site
	@echo "Open site/index.html (the concept site), build/concept/concept.docx and build/matrix/matrix.html."

test: lint typecheck unit

lint: $(INSTALLED)
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)

typecheck: $(INSTALLED)
	$(BIN)/mypy

unit: $(INSTALLED) catalogs browser-deps
	$(BIN)/pytest -q -m "not slow" -n auto --maxprocesses 4 --dist loadfile

# Debian's chromium, the playwright package and axe-core for tests/browser (never
# `playwright install`: its browser download cannot be reached here).
browser-deps: $(INSTALLED)
	@scripts/browser-deps.sh $(BIN)/python

# The long fuzzing run (about 100k mutated models); not part of CI.
fuzz: $(INSTALLED)
	ARCHLEX_FUZZ_EXAMPLES=100000 $(BIN)/pytest -q -m slow tests/test_fuzz.py

# The benchmarks (long: about an hour on two cores); writes benchmarks/RESULTS.md. Pass options
# through BENCH, e.g. `make bench BENCH="--sizes 1000,10000 --only archlex"`.
bench: $(INSTALLED)
	$(BIN)/python benchmarks/bench.py $(BENCH)
	$(BIN)/python benchmarks/bench_catalog.py
	$(BIN)/python benchmarks/bench_lsp.py
	$(BIN)/python benchmarks/bench_startup.py

# The VS Code extension (editors/vscode) as a .vsix, built from the npm registry's packages.
vsix:
	cd editors/vscode && npm install --no-audit --no-fund && npx vsce package --allow-missing-repository --out archlex.vsix

# Regenerate the committed JSON Schemas after a model change (a test checks they are current).
schema: $(INSTALLED)
	$(BIN)/archlex schema --kind model-file -o schema/model-file.schema.json
	$(BIN)/archlex schema --kind manifest -o schema/manifest.schema.json

# Write again the text `archlex --help` prints without importing typer (a test checks it).
help-text: $(INSTALLED)
	$(BIN)/python -m archlex.cli.help_text

# Regenerate the generated reference pages (a test checks they are current).
docs: $(INSTALLED)
	$(BIN)/python -c "from archlex.docs_gen.rule_reference import rule_reference as r; \
	open('docs/rules.md', 'w', encoding='utf-8').write(r())"
	$(BIN)/python -c "from archlex.docs_gen.format_reference import format_reference as r; \
	open('docs/reference/format.md', 'w', encoding='utf-8').write(r())"
	$(BIN)/python -c "from archlex.docs_gen.cli_reference import cli_reference as r; \
	from archlex.cli.commands import app; \
	open('docs/reference/cli.md', 'w', encoding='utf-8').write(r(app))"
	$(BIN)/mkdocs build --strict

# The message catalogs (docs/i18n.md). `make i18n` extracts every marked string of src/ and
# templates/ (babel.cfg), merges them into each language's .po (new ones empty, changed ones
# fuzzy) and lists what is left to translate; `make catalogs` compiles the .po files to .mo,
# offline, for `make demo` and `make test`.
PO_FILES := $(wildcard src/archlex/locale/*/LC_MESSAGES/archlex.po)

i18n: $(INSTALLED)
	$(BIN)/python -m archlex.i18n_catalogs update

catalogs: $(PO_FILES:.po=.mo)

%.mo: %.po $(INSTALLED)
	$(BIN)/python -m archlex.i18n_catalogs compile

system-packages:
	@scripts/system-packages.sh $(PYTHON)

$(BIN)/python: | system-packages
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python system-packages
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist

# The edition's steps: `make help` lists them. `make book` and `make test` set up everything first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Rebuilt whenever the pinned requirements change. The edition's own package is not copied
# into the venv: a .pth file points the venv at the working tree.
STAMP := $(VENV)/.installed
# axe-core for the browser tests, at the version tests/package-lock.json pins.
AXE_STAMP := tests/node_modules/.installed
CHROMIUM := $(shell command -v chromium 2>/dev/null)
PORT ?= 8000
LAB_PORT ?= 8888

.PHONY: help setup book pdf test lint check data exports bundle bench serve lab clean

help: ## List the steps
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z]+):.*## /  make \1\t/'

$(STAMP): requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' | xargs -I{} sh -c 'echo "$(CURDIR)" > {}/edition.pth'
	touch $(STAMP)

$(AXE_STAMP): tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --silent
	touch $(AXE_STAMP)

setup: $(STAMP) $(AXE_STAMP) ## Set up .venv from the pinned requirements, Debian's Chromium and axe-core (CI runs as root)
ifeq ($(CHROMIUM),)
	apt-get update -qq && apt-get install -y -qq chromium > /dev/null
endif

check: $(STAMP) ## Validate all the data: each table against its schema, then the edition's own rules
	$(BIN)/python -m edition.check

data: $(STAMP) ## Regenerate the derived tables (data/derived/) from the capture (data/raw/)
	$(BIN)/python -m edition.derive

exports: check ## Write the data in other tools' formats into exports/
	$(BIN)/python -m edition.exports

book: setup check ## Build the HTML book into _build/html, with its PDFs (never from data that fails `make check`)
	$(BIN)/python -m edition.book

pdf: book ## List the PDFs `make book` printed into _build/html/pdf: the whole book and each reading chapter
	@$(BIN)/python -m edition.pdf

lint: $(STAMP) ## Lint the code with ruff
	$(BIN)/ruff check edition tests

test: setup lint ## Run every test: the data checks, the build, the notebooks, the browser
	$(BIN)/python -m pytest

bundle: book ## Write the whole edition (site, data, notebooks, citation) into one zip in _build/
	$(BIN)/python -m edition.bundle

bench: setup ## Measure build and test time and page weight against the stock Jupyter Book template
	$(BIN)/python -m edition.bench

serve: ## Serve _build/html on this machine only
	@echo "Serving _build/html at http://127.0.0.1:$(PORT)/"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: setup ## Open the notebooks in JupyterLab on this machine only (LAB_PORT, 8888), the venv as their kernel
	$(BIN)/python -m edition.lab $(LAB_PORT)

clean: ## Remove the build and the exports
	rm -rf _build exports

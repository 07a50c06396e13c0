# The edition's steps. `make book` and `make test` set up .venv from requirements.txt first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Rebuilt whenever the pinned requirements change. The edition's own package is not copied
# into the venv: a .pth file points the venv at the working tree.
STAMP := $(VENV)/.installed
BUILD_FLAGS := -n -W --keep-going
PORT ?= 8000

.PHONY: book test check data exports bench serve clean browser

$(STAMP): requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' | xargs -I{} sh -c 'echo "$(CURDIR)" > {}/edition.pth'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/python -m edition.check

# The data in other tools' formats, in exports/ (not kept in git: regenerate).
exports: check
	$(BIN)/python -m edition.exports

# Derived tables (data/article/paragraphs.csv) are regenerated from the capture, never edited.
data: $(STAMP)
	$(BIN)/python -m edition.derive

# The book is never built from data that fails `make check`.
book: check
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)

# The browser tests drive Debian's Chromium; install it where it is missing (CI runs as root).
CHROMIUM := $(shell command -v chromium 2>/dev/null)
browser:
ifeq ($(CHROMIUM),)
	apt-get update -qq && apt-get install -y -qq chromium > /dev/null
endif

test: $(STAMP) browser
	$(BIN)/python -m pytest

# Build speed and page weight against the stock Jupyter Book template (a benchmark, not a test).
bench: $(STAMP) browser
	$(BIN)/python -m edition.bench

serve:
	@echo "Serving _build/html at http://127.0.0.1:$(PORT)/"
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

clean:
	rm -rf _build exports

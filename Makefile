# dehusk: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SHARED ?= ../shared

.PHONY: demo test lint venv dev browser clean

$(VENV)/.core: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	touch $(VENV)/.core $@

venv: $(VENV)/.core

dev: $(VENV)/.test
	$(PIP) install -q -e '.[test,train,bench]'

# Chromium for the browser test of the inspection page (Debian packages; no browser download)
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium chromium-driver; \
	  else sudo apt-get update -q && sudo apt-get install -y -q chromium chromium-driver; fi; fi

demo: $(VENV)/.core
	$(PY) -m dehusk.demo --shared $(SHARED)

lint: $(VENV)/.test
	$(VENV)/bin/ruff check src tests scripts benchmarks

test: $(VENV)/.test browser
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist src/*.egg-info

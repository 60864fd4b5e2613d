# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run demo test bench snapshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/debrief

demo: $(STAMP_RUN)
	$(BIN)/debrief demo
	$(BIN)/debrief

# Lint and format are checked first (rules in pyproject.toml); tests run in parallel, one worker per core (pytest-xdist): each test has its own
# temporary database and folders, and none opens a port.
test: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto

bench: $(STAMP_TEST)
	$(BIN)/python -m pytest tests/benchmarks -s -p no:cacheprovider

snapshots: $(STAMP_TEST)
	$(BIN)/python -m pytest --snapshot-update

clean:
	rm -rf $(VENV) build dist *.egg-info

# Two entry points for a fresh machine with only Python 3.11+ and make:
#   make run   set up a local virtual environment and run the service
#   make test  set up the test environment and run every check

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck unit bench bench-week examples openapi catalogues clean

RUN_STAMP := $(VENV)/.installed-run

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $(RUN_STAMP)

# Running needs only the service's own dependencies, not the test toolchain.
$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

run: $(RUN_STAMP)
	$(BIN)/safety-check serve --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/ruff check src tests api bench
	$(BIN)/ruff format --check src tests api bench
	$(BIN)/mypy src
	$(BIN)/python -m pytest

# The fast inner loop: no browser, no server processes, no slow tests.
unit: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not slow" --ignore=tests/web --ignore=tests/durability \
		--ignore=tests/api/test_schema_fuzz.py

bench: $(STAMP)
	$(BIN)/python -m bench.engine
	$(BIN)/python -m bench.instructions
	$(BIN)/python -m bench.http
	$(BIN)/python -m bench.web_bytes
	$(BIN)/python -m bench.schools

# Needs SAFETY_CHECK_TEST_POSTGRES_URL and SAFETY_CHECK_TEST_REDIS_URL (see README).
bench-week: $(STAMP)
	$(BIN)/python -m bench.school_week $(ARGS)

# Extract every domain's messages to locale/<domain>.pot and update each language's PO (keeping
# review comments); tests/test_catalogue.py fails when this would change a committed file.
catalogues: $(STAMP)
	$(BIN)/python -m safety_check.catalogue_tools catalogues

examples: $(STAMP)
	$(BIN)/python -m api.examples.regenerate

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

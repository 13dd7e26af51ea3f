# Plain entry points: `make run` serves the site with its content, `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python >= 3.12 on PATH (pyenv honours .python-version, which asks for 3.13).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)

.PHONY: install run test test-postgres messages check clean

$(BIN)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then echo "Filmmaker needs Python 3.12 or newer, and none was found on PATH (python3 is $$(python3 --version 2>&1))."; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint constraints.txt ".[test]"
	@touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_site --if-empty
	$(BIN)/python manage.py build_press_kits
	$(BIN)/python manage.py ensure_admin
	@echo "Site: http://$(HOST):$(PORT)/  Admin: http://$(HOST):$(PORT)/fr/admin/"
	$(BIN)/python manage.py runserver --insecure $(HOST):$(PORT)

# The import contract first (pyproject.toml): a wrong import fails naming both modules.
test: install
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (DATABASE_URL defaults to the local server).
test-postgres: install
	$(BIN)/lint-imports
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/filmmaker} $(BIN)/python -m pytest

# Needs GNU gettext (Debian: apt-get install gettext). Only the django domain is extracted:
# locale/ar/LC_MESSAGES/djangojs.po is kept by hand (Django admin script strings).
messages: install
	$(BIN)/python manage.py makemessages --locale fr --locale ar --locale en --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=staticfiles --ignore=artifacts
	$(BIN)/python manage.py compilemessages --ignore=.venv

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Every public page in each language with ten times the content (rolled back afterwards):
# SQL queries and median milliseconds per page. SCALE=1 measures the site as it is.
SCALE ?= 10
REPEAT ?= 20
.PHONY: bench
bench: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py benchmark_pages --scale $(SCALE) --repeat $(REPEAT)

# Plain entry points: `make run` serves the site with its content, `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python >= 3.12 on PATH (pyenv honours .python-version, which asks for 3.13).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)

.PHONY: install run serve test test-postgres messages check clean

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
	$(BIN)/python manage.py title_cards
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
.PHONY: bench bench-production
bench: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py benchmark_pages --scale $(SCALE) --repeat $(REPEAT)

# Production serving: gunicorn (filmmaker/gunicorn.conf.py), DEBUG off, hashed and
# compressed static files served by WhiteNoise. Run `make run` once first to set the site
# up. Uploaded media are served by Django here only because DJANGO_SERVE_MEDIA defaults to
# 1 for this single-machine command; behind a web server or object storage set it to 0.
serve: install
	$(BIN)/python manage.py migrate --noinput -v 0
	DJANGO_PRODUCTION=1 $(BIN)/python manage.py collectstatic --noinput -v 0
	@echo "Site: http://$(HOST):$(PORT)/  (gunicorn, production settings)"
	DJANGO_SERVE_MEDIA=$${DJANGO_SERVE_MEDIA:-1} HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn -c filmmaker/gunicorn.conf.py

# Web fonts, subset in place with fonttools (pip install fonttools==4.68.0 brotli==1.2.1):
# hinting dropped, Arabic reduced to the Arabic block the site writes in, and a
# seven-letter face for the word "العربيّة" in the language switcher of the other pages.
# Running it again changes nothing; the unicode ranges match those in static/css/site.css.
FONTS := static/fonts
LATIN := U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212
LATIN_EXT := U+0100-0130,U+0132-0151,U+0154-02AF,U+0304,U+0308,U+0329,U+1E00-1EFF,U+2020,U+20A0-20AB,U+20AD-20CF,U+2113,U+2C60-2C7F,U+A720-A7FF
ARABIC := U+0600-065F,U+066A-066D,U+0670,U+200C-200F,U+2010-2011
# Spaces, digits and ASCII punctuation in bold Arabic text (static/css/site.css).
FIGURES := U+0020-0040,U+00A0,U+00AB,U+00BB
SUBSET := $(BIN)/pyftsubset --layout-features='*' --no-hinting --desubroutinize --flavor=woff2
.PHONY: fonts
fonts:
	for w in 400 700; do \
	  $(SUBSET) $(FONTS)/noto-sans-latin-$$w-normal.woff2 --unicodes="$(LATIN)" --output-file=$(FONTS)/noto-sans-latin-$$w-normal.woff2; \
	  $(SUBSET) $(FONTS)/noto-sans-latin-ext-$$w-normal.woff2 --unicodes="$(LATIN_EXT)" --output-file=$(FONTS)/noto-sans-latin-ext-$$w-normal.woff2; \
	  $(SUBSET) $(FONTS)/noto-sans-arabic-arabic-$$w-normal.woff2 --unicodes="$(ARABIC)" --output-file=$(FONTS)/noto-sans-arabic-arabic-$$w-normal.woff2; \
	done
	$(SUBSET) $(FONTS)/noto-sans-arabic-arabic-400-normal.woff2 --text="العربيّة" --output-file=$(FONTS)/noto-sans-arabic-language-name-400-normal.woff2
	$(BIN)/pyftsubset $(FONTS)/noto-sans-latin-700-normal.woff2 --unicodes="$(FIGURES)" --layout-features=kern \
	  --no-hinting --desubroutinize --flavor=woff2 --output-file=$(FONTS)/noto-sans-latin-figures-700-normal.woff2

# The production set-up at the seed size and at about 10,000 films (throwaway databases):
# queries, render time and size per page, then gunicorn driven by wrk (Debian package)
# against a bare view, page cache off and on, and first-visit bytes in Chromium.
bench-production: install
	$(BIN)/python manage.py benchmark_production

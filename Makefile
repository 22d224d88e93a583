# KAM Workbook Kit — self-bootstrapping: `make demo` and `make test` work on a
# fresh Debian + Python 3.11 machine. System packages are installed with apt-get
# only when missing (fonts and Pango for the WeasyPrint PDF route).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSTEM_PACKAGES := fonts-dejavu-core fonts-liberation libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 poppler-utils
JOBS ?= 2

.PHONY: setup system-deps demo test test-fast lab bench review lint format clean

setup: system-deps $(STAMP)

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	@echo "Installing the kit and its dependencies into $(VENV) (about two minutes the first time) ..."
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (KAM kit)" >/dev/null
	@touch $(STAMP)

demo: setup
	$(BIN)/kam demo

test: setup
	$(BIN)/python -m pytest -n $(JOBS) -q

test-fast: setup
	$(BIN)/python -m pytest -n $(JOBS) -q -m "not e2e"

# --allow-root only when run as root (containers, CI boxes); LAB_ARGS for more, e.g. --no-browser
lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS)

bench: setup
	$(BIN)/python -m benchmarks

# render both demo clients, picture every page (contact sheets) and run the print checks;
# REVIEW_OUT=folder keeps the output somewhere known (default: a new folder under /tmp)
review: setup
	$(BIN)/python -m kamlib.review $(if $(REVIEW_OUT),--out $(REVIEW_OUT))

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check kamlib tests benchmarks

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format kamlib tests benchmarks

clean:
	rm -rf reports .pytest_cache .ruff_cache build *.egg-info

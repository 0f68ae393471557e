# The course's two commands; each first sets up .venv (once, and again when pyproject.toml changes).
#   make lab    open the course in JupyterLab        (make lab COURSE_LANG=en for English)
#   make test   run every test: unit tests + nbval over every notebook in both languages
PYTHON ?= python3
VENV ?= .venv
COURSE_LANG ?= ko
# The torch release the stored outputs were made with; TORCH_INDEX picks a wheel index (e.g. CPU-only).
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
BIN := $(VENV)/bin
# Jupyter refuses to start as root unless told to; containers and CI machines often run as root.
LAB_FLAGS := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.PHONY: lab test setup notebooks check slides site

lab: setup
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/$(COURSE_LANG)/00_course_map.ipynb

test: setup
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/python -m pip install -e ".[test,browser,site]"
	touch $@

notebooks: setup
	$(BIN)/python -m course_utils.build notebooks

check: setup
	$(BIN)/python -m course_utils.build check

# Offline reveal.js decks (build/slides) and the static site (build/site); the first build needs npm.
slides: setup
	$(BIN)/python -m course_utils.build slides

site: setup
	$(BIN)/python -m course_utils.build site

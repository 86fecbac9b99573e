# Two commands set everything up from scratch: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev,ray]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newsfuse brief examples/in-amenas -o briefing.html
	$(VENV)/bin/newsfuse brief examples/in-amenas -o briefing.md --quiet
	$(VENV)/bin/newsfuse brief examples/in-amenas -o briefing.json --quiet
	@echo "Briefing of examples/in-amenas written to:"
	@echo "  $(CURDIR)/briefing.html"
	@echo "  $(CURDIR)/briefing.md"
	@echo "  $(CURDIR)/briefing.json"

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench

bench: $(STAMP)
	$(PY) bench/speed.py
	$(PY) bench/published_dates.py

clean:
	rm -rf $(VENV) briefing.html briefing.md briefing.json .pytest_cache

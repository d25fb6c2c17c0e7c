# Two commands on a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test browser eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)  ## analyse the example article
	$(VENV)/bin/lasswell analyze examples/kremlin-geneve.txt --published 2022-01-11

test: $(STAMP) browser  ## lint + the whole test suite
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m pytest -q -rs

# Debian's Chromium and ChromeDriver for the browser test (installed when missing, as root with
# apt); where they cannot be installed, that test is skipped and says why.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver \
	    >/dev/null) || echo "chromium could not be installed: the browser test will be skipped"; \
	else echo "chromium not installed and not root: the browser test will be skipped"; fi

eval: $(STAMP)  ## dev-set scores (GUIDELINES section 4)
	$(VENV)/bin/lasswell eval ../shared/gold/dev

bench: $(STAMP)  ## throughput: full analysis vs bare spaCy parse; corpus ingest with 1 and 2 workers
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/ingest.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Fresh machine: `make run` (set up, ingest corpus/, serve the chat) or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: setup run ingest test test-fast lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch first, so sentence-transformers does not pull a CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

ingest: setup
	$(PY) -m ingest

run: setup
	$(PY) -m ingest; status=$$?; [ $$status -le 1 ] || exit $$status
	$(PY) app.py

test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not slow"

lint: setup
	$(PY) -m ruff check .

bench: setup
	$(PY) bench/compare_langchain.py

clean:
	rm -rf $(VENV) data

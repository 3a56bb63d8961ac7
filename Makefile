# make install: .venv with the project and its test tools; make run: the demo crawl; make test: the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

run: install
	$(BIN)/newsarchive demo

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/bench_parse.py data/demo

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# make install: .venv with the project and its test tools; make run: the demo crawl; make test: the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test bench clean system

install: system $(VENV)/.installed

# Debian packages the suite needs: the PostgreSQL server binaries (the archive tests run against a throwaway
# server too, tests/pg.py), Redis (the shared-frontier tests start their own server, tests/redis_server.py),
# Chromium (the web page is tested in a headless browser, tests/browser.py), wget (import-warc is tested on
# the WARC files wget --warc-file writes, tests/test_warc_import.py) and nginx (bench/bench_crawl_nginx.py serves
# its site with an nginx of its own, never the system service).
# Installed when missing; CI runs as root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBS := $(shell ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || echo postgresql) \
        $(shell command -v redis-server >/dev/null 2>&1 || echo redis-server) \
        $(shell command -v chromium >/dev/null 2>&1 || echo chromium) \
        $(shell command -v wget >/dev/null 2>&1 || echo wget) \
        $(shell command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || echo nginx-light)
system:
	@if [ -n "$(strip $(DEBS))" ]; then \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(DEBS); \
	fi

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
	$(BIN)/python bench/bench_warc_import.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

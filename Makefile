# Two commands for a fresh machine: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app server
STAMP  := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test setup system-deps clean

run: setup instance/config.py
	$(FLASK) db upgrade
	$(FLASK) catalog load
	$(FLASK) run --host 127.0.0.1 --port 5000

# Two pytest-xdist workers: the browser tests spend much of their time waiting on Chromium, so
# two of them keep both cores busy. `make test WORKERS=0` runs everything in one process.
WORKERS ?= 2
test: setup system-deps
	$(PY) -m pytest -n $(WORKERS) --dist worksteal

setup: $(STAMP)

$(STAMP):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# A generated secret, written once; instance/ is git-ignored.
instance/config.py:
	mkdir -p instance
	$(PY) -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

system-deps:
	@sh .ci/system-deps

clean:
	rm -rf $(VENV) frontend/gen frontend/.webassets-cache .pytest_cache

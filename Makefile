# IOP Assistant. `make run` to talk to it, `make test` to check it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do $$p -c 'import sys; assert sys.version_info[:2]==(3,10)' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/iop.tar.gz
QUICK_MODEL := models/iop-quick.tar.gz
SPACY_PIPELINE := build/spacy_pipeline/fingerprint.json
TRAIN_INPUTS := $(shell find data domain -name '*.yml') config.yml program.yml $(SPACY_PIPELINE)
WIDGET := web/dist/iop-widget.js
WIDGET_INPUTS := $(shell find web/src -type f) web/build.mjs package.json package-lock.json
# `make run`'s steps: a numbered title, a progress line, real errors; full output in
# var/log/make-<step>.log, known third-party warnings hidden (scripts/make_step.py)
# (standard library only, so it runs before .venv exists)
STEP = $(or $(PYTHON310),python3) scripts/make_step.py

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONHASHSEED := 0
# keep compiled modules in __pycache__ (git-ignored) even where the environment says not to:
# recompiling the project and the tests on every run cost about 7 s of `make test-unit`
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install train quick-model run test validate lint eval bench lock test-nlu test-core test-py test-unit facts generate check-generated clean widget migrate console-admin demo-data purge scale-demo

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## make .venv (Python 3.10) with the locked dependencies

# uv installs the same locked, hash-checked wheels as pip in seconds instead of minutes
# (issue 17: the first run); pip does it when uv cannot be installed or cannot install them
$(VENV)/.installed: requirements.lock requirements-install.lock pyproject.toml
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed (Rasa 3.6 does not run on 3.11)"; exit 1; }
	@$(STEP) 1/5 "Install the Python dependencies into $(VENV)" install -- bash -c '\
	  set -e; test -x $(PY) || $(PYTHON310) -m venv $(VENV); \
	  $(PY) -m pip install --quiet --upgrade pip==24.0; \
	  if $(PY) -m pip install --quiet --require-hashes -r requirements-install.lock && \
	    $(VENV)/bin/uv pip install --python $(PY) --quiet --require-hashes --no-deps -r requirements.lock && \
	    $(VENV)/bin/uv pip install --python $(PY) --quiet --no-deps --no-build-isolation -e .; then :; \
	  else \
	    echo "uv could not install the lock: installing with pip (a few minutes)"; \
	    $(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock; \
	    $(PY) -m pip install --quiet --no-deps --no-build-isolation -e .; \
	  fi'
	@touch $@

lock: ## re-pin every dependency (with hashes) from requirements.in
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --strip-extras -o requirements.lock requirements.in
	$(VENV)/bin/pip-compile --generate-hashes --strip-extras -o requirements-install.lock requirements-install.in
	sed -i "/^--extra-index-url file:/d; /^--find-links \/opt/d" requirements.lock requirements-install.lock  # machine-local mirrors

$(SPACY_PIPELINE): $(VENV)/.installed iop_assistant/nlu/spacy_pipeline.py data/lookups/substances.yml
	@$(STEP) 2/5 "Build the spaCy pipeline" spacy -- $(PY) -m iop_assistant.nlu.spacy_pipeline

generate: $(VENV)/.installed ## write the generated files: domain/program_facts.yml from program.yml, first-message rules, story-then-question examples
	$(PY) -m iop_assistant.program_facts
	$(PY) scripts/generate_start_rules.py
	$(PY) scripts/generate_narrative_questions.py

facts: generate ## (old name of generate)

check-generated: $(VENV)/.installed ## fail when a generated file differs from what its source gives (never rewrites)
	$(PY) -m iop_assistant.program_facts --check
	$(PY) scripts/generate_start_rules.py --check
	$(PY) scripts/generate_narrative_questions.py --check

train: $(MODEL) ## train the model (only when data, config or domain changed)

# Rasa's training cache (.rasa/cache: each trained component keyed by the fingerprint of its
# config and inputs) is kept between clones in RASA_CACHE_STORE, like pip's and npm's caches:
# a clone whose data and config were trained before on this machine retrains only what
# changed (often the dialogue policies, a few minutes) instead of DIET (an hour or more).
# A fresh machine has no store and trains everything.
RASA_CACHE_STORE ?= $(HOME)/.cache/iop-assistant/rasa-training-cache

$(MODEL): $(TRAIN_INPUTS) | $(VENV)/.installed
	$(PY) -m iop_assistant.program_facts
	$(PY) scripts/generate_start_rules.py
	@if [ ! -e .rasa/cache/cache.db ] && [ -e "$(RASA_CACHE_STORE)/cache.db" ]; then \
	  mkdir -p .rasa && cp -a "$(RASA_CACHE_STORE)" .rasa/cache && echo "using the training cache in $(RASA_CACHE_STORE)"; fi
	@$(STEP) 3/5 "Train the model (about 45-55 minutes on 2 cores; minutes when only the dialogue changed)" train -- \
	  $(RASA) train --domain domain --fixed-model-name iop --out models
	@mkdir -p "$(RASA_CACHE_STORE)" && cp -a .rasa/cache/. "$(RASA_CACHE_STORE)/"

widget: $(WIDGET) ## build the chat widget into web/dist/ (only when its sources changed)

node_modules/.installed: package.json package-lock.json
	@$(STEP) 4/5 "Install the widget's JavaScript dependencies" npm -- npm ci --no-audit --no-fund
	@touch $@

$(WIDGET): $(WIDGET_INPUTS) node_modules/.installed
	@$(STEP) 4/5 "Build the chat widget" widget -- npm run build
	@touch $@

migrate: $(VENV)/.installed ## bring the app database (DATABASE_URL) to the newest schema
	$(PY) -m iop_assistant.migrations upgrade

# A first run (no model yet) answers with a quick model within minutes and trains the
# full one in the background, swapped in when ready (issue 17; docs/performance.md).
run: | $(VENV)/.installed ## start the assistant on embedded defaults (Ctrl-C stops everything)
	@if [ -f $(MODEL) ]; then \
	  $(MAKE) --no-print-directory $(MODEL) $(WIDGET) && \
	  echo "[5/5] Start the servers (logs in var/log/)" && ./scripts/run.sh; \
	else \
	  $(MAKE) --no-print-directory $(QUICK_MODEL) $(WIDGET) && \
	  echo "[5/5] Start the servers with the quick model; the full model trains meanwhile (var/log/train-background.log)" && \
	  IOP_FULL_MODEL_PENDING=1 ./scripts/run.sh; \
	fi

quick-model: $(QUICK_MODEL) ## the first run's model: DIET without its transformer (scripts/quick_config.py)

$(QUICK_MODEL): $(TRAIN_INPUTS) scripts/quick_config.py | $(VENV)/.installed
	$(PY) -m iop_assistant.program_facts
	$(PY) scripts/generate_start_rules.py
	$(PY) scripts/quick_config.py
	@$(STEP) 3/5 "Train a quick model for the first answers (about 9 minutes)" train-quick -- \
	  $(RASA) train --domain domain --config build/config-quick.yml --fixed-model-name iop-quick --out models \
	  --skip-validation

scale-demo: $(MODEL) $(WIDGET) ## 2 Rasa + 2 action servers behind nginx on PostgreSQL and Redis
	./scripts/scale_demo.sh

validate: $(VENV)/.installed $(SPACY_PIPELINE) ## check training data and domain
	$(PY) scripts/validate.py

lint: $(VENV)/.installed node_modules/.installed ## ruff (lint and format) and pyright (basic mode, pinned in package.json)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/pyright

test-nlu: $(MODEL) ## held-out intent accuracy (fails below macro-F1 0.90)
	$(RASA) test nlu --domain domain --nlu tests/nlu_holdout.yml --model $(MODEL) --out results/nlu --no-plot
	$(PY) scripts/check_nlu_report.py results/nlu/intent_report.json --min-macro-f1 0.90

test-core: $(MODEL) ## test stories (fails on any wrong prediction)
	$(RASA) test core --stories tests/stories --model $(MODEL) --out results/core --fail-on-prediction-errors --no-plot

test-py: $(MODEL) $(WIDGET) ## pytest, every layer: unit, model, server, browser, services
	$(PY) -m pytest tests

# the markers are applied by tests/conftest.py (tests/layers.py); no model, server, browser or database.
# pytest-xdist runs them on every core; TEST_WORKERS=0 runs them in one process (pdb, -x)
TEST_WORKERS ?= auto
test-unit: $(SPACY_PIPELINE) ## the fast tests only (no trained model, servers, browser, PostgreSQL/Redis, slow)
	$(PY) -m pytest tests -n $(TEST_WORKERS) -m "not model and not server and not browser and not services and not slow"

# check-generated comes first, before anything (make train) can rewrite a generated file
test: check-generated validate lint test-nlu test-core test-py ## everything CI runs

eval: $(MODEL) ## every quality number: held-out and blind understanding, crisis, whole conversations
	$(PY) scripts/evaluate.py

bench: $(MODEL) ## latency and throughput (not part of make test)
	$(PY) benchmarks/latency.py

.PHONY: faults fuzz
faults: $(VENV)/.installed ## fault tests that take minutes: Twilio outage for a minute, atheris fuzzing; not in make test
	IOP_RUN_FAULTS=1 $(PY) -m pytest -s tests/faults

fuzz: $(VENV)/.installed ## each atheris harness for FUZZ_SECONDS (default 60); fails on any crash
	$(PY) fuzz/run.py

console-admin: $(VENV)/.installed ## create a console admin (USER=name; password prompted or CONSOLE_ADMIN_PASSWORD)
	$(PY) -m iop_assistant.console.create_admin "$${USER_NAME:-$(USER)}"

demo-data: $(VENV)/.installed ## talk demo conversations to the running assistant (`make run` first)
	$(PY) scripts/demo_data.py

purge: $(VENV)/.installed ## delete conversations older than IOP_RETENTION_DAYS (DRY_RUN=1 to list only)
	$(PY) -m iop_assistant.console.purge $(if $(DRY_RUN),--dry-run)

clean: ## remove built artefacts (keeps .venv)
	rm -rf build models results var/*.db

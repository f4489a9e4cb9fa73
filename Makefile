# accord: `make demo` sets up and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?= demo-output

.PHONY: setup demo test lint bench clean browser model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Headless Chromium for the brief's render test (Debian package; needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: setup
	bash scripts/demo.sh $(DEMO_DIR)

test: setup browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks

# Retrain the stance classifier on the annotated text the repository ships (after changing
# the training data, the vocabularies or the rules); prints its cross-validated figures.
model: setup
	$(BIN)/accord train-model --out src/accord/data/models/stance.json \
	  --corpus training/written --gold training/written.gold.jsonl \
	  --corpus src/accord/data/sample_corpus --gold tests/data/sample_corpus.gold.jsonl \
	  --corpus tests/data/dev --gold tests/data/dev.gold.jsonl

bench: setup
	for b in benchmarks/*_bench.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DIR) accord.db

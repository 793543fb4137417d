# The two commands of the README do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean benchmarks train

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,parquet,api]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dateline ingest examples/corpus --db dateline.db
	@echo ""
	@echo "Next: browse what was found (the commands are in $(BIN); 'source $(BIN)/activate' puts them on your PATH):"
	@echo "  $(BIN)/dateline events --db dateline.db"
	@echo "  $(BIN)/dateline quotes --db dateline.db --speaker Morozov"
	@echo "  $(BIN)/dateline show --db dateline.db ID      # one article, IDs from: $(BIN)/dateline articles --db dateline.db"
	@echo "  $(BIN)/dateline serve --db dateline.db        # pages at http://127.0.0.1:8000/, API docs at /docs"

test: $(STAMP)
	$(BIN)/python -m pytest -q

benchmarks: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) dateline.db build dist src/*.egg-info

# Rebuild the shipped event model from the news event corpus (needs ../shared and scikit-learn).
# The proposals' places come from a gazetteer of its own (built once from this checkout), not the
# user's, which every checkout shares and may rebuild or import into.
train: $(STAMP)
	$(BIN)/python benchmarks/news_corpus.py --out build/news --sentence-sets
	DATELINE_GAZETTEER=$(CURDIR)/build/gazetteer.sqlite $(BIN)/dateline train events --corpus build/news

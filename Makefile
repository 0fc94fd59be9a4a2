# The two commands a newcomer needs: `make run` and `make test`. See README.md.
VENV   ?= .venv
BIN    := $(VENV)/bin
PYTHON ?= python3
PORT   ?= 8501

.PHONY: install neo4j run app test test-fast typecheck lint format docs stop bench clean audit

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

neo4j: install                      ## start the local Neo4j (or use NEO4J_URI) and apply the schema
	$(BIN)/projektdb db start

run: neo4j                          ## install, start Neo4j, load the sample documents, serve the app
	$(BIN)/projektdb ingest sample_data
	$(BIN)/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

app: install                        ## only the app (Neo4j already running)
	$(BIN)/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

test: install typecheck             ## lint, types and the whole test suite against a real Neo4j
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

test-fast: install                  ## the tests without Neo4j, Streamlit pages, a browser or long runs (< 60 s)
	$(BIN)/python -m pytest -q -m "not db and not app and not browser and not slow"

typecheck: install                  ## mypy over the five packages ([tool.mypy] in pyproject.toml)
	$(BIN)/mypy

audit: install                      ## known vulnerabilities in the installed dependencies (PyPI's JSON API)
	$(BIN)/pip-audit --vulnerability-service pypi --progress-spinner off --skip-editable

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

docs: install                       ## write the README's CLI reference from the commands' help
	$(BIN)/python -m projektdb.reference --write README.md

stop:
	$(BIN)/projektdb db stop

bench: install                      ## the performance benchmark at 1k, 10k and 50k projects (long; docs/performance.md)
	mkdir -p bench-results
	$(BIN)/projektdb bench --json bench-results/bench.json

clean:                              ## remove the venv and build output (data/ is kept)
	rm -rf $(VENV) neo4j-launcher/target .pytest_cache .ruff_cache

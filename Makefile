# Two commands on a fresh machine: `make run` opens the app, `make test` runs every check.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench bundle bundle-smoke clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m ketachecklist $(FILE)

lint: $(STAMP)
	$(BIN)/ruff check ketachecklist tests benchmarks
	$(BIN)/ruff format --check ketachecklist tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/vulture

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

# The English singular and plural of every %n text (docs/architecture.md, Translations): lupdate
# adds a new %n text to the .ts, you write its two English forms there, lrelease makes the .qm.
TRANSLATIONS := ketachecklist/translations
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -pluralonly -locations none -no-obsolete \
		-target-language en ketachecklist -ts $(TRANSLATIONS)/ketachecklist_en.ts
	$(BIN)/pyside6-lrelease $(TRANSLATIONS)/ketachecklist_en.ts -qm $(TRANSLATIONS)/ketachecklist_en.qm

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

# The standalone one-folder app (PyInstaller, see docs/bundle.md) and a .tar.gz of it.
BUNDLE_DIR := dist/bundle
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath $(BUNDLE_DIR) \
		--workpath build/bundle packaging/ketachecklist.spec
	tar -C $(BUNDLE_DIR) -czf $(BUNDLE_DIR)/ketachecklist-$$($(BIN)/python -c \
		'import ketachecklist; print(ketachecklist.__version__)')-linux-$$(uname -m).tar.gz ketachecklist
	@echo "bundle: $(BUNDLE_DIR)/ketachecklist/ketachecklist"

bundle-smoke: bundle
	$(BIN)/python benchmarks/bundle_smoke.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

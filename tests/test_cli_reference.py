"""The README's CLI reference is the commands' own: written by `make docs`, and this test fails
when a command, an option or a help text changed without it."""

from __future__ import annotations

from projektdb import reference
from tests.conftest import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"


def test_the_readme_reference_is_what_the_commands_say() -> None:
    readme = README.read_text(encoding="utf-8")
    assert reference.START in readme and reference.END in readme
    assert reference.replaced(readme) == readme, "the README's CLI reference is out of date: run `make docs`"


def test_the_reference_lists_every_command_with_its_options() -> None:
    text = reference.reference()
    for line in ("projektdb node NODE_ID [--per-group PER_GROUP] [--json]", "projektdb db reset [--yes]"):
        assert line in text
    assert "--set FIELD=VALUE ..." in text and "--user USER" in text
    assert "projektdb export --output FILE [--format json|xlsx]" in text


def test_a_changed_help_text_is_drift() -> None:
    readme = README.read_text(encoding="utf-8")
    stale = readme.replace("How many nodes of each kind (label) the graph holds.", "An old help text.")
    assert stale != readme and reference.replaced(stale) == readme

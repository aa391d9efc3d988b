"""``--new DIR``: a small, valid lesson to start from."""

from __future__ import annotations

from pathlib import Path

# Editors that speak the YAML language server validate against the copy written beside.
SCHEMA_LINE = "# yaml-language-server: $schema=lesson.schema.json\n"

FILES = {
    "lesson.yaml": """\
# The lesson manifest. Play it with:  llm-landscape {dir}
# Check it with:  llm-landscape --check {dir}    (format: docs/lesson-format.md)
title: "My first lesson"
chapter: 1
subtitle: "A two-step lesson to start from"
badge: "Draft"
steps:
  - 01-welcome.yaml
  - 02-next.yaml
""",
    "01-welcome.yaml": """\
id: welcome
label: Welcome
icon: school
title: "Welcome"
subtitle: "What this lesson is about"
heading: "Start here"
body: |
  Write the step's prose here, in **Markdown**.

  - Space moves on, Left goes back
  - `p` plays the lesson on a timer
insight: "The key idea of the step goes in the callout."
code:
  title: "A first example"
  language: python
  source: |
    def greet(name):
        return f"Hello, {name}!"
""",
    "02-next.yaml": """\
id: next
label: Next
icon: rocket_launch
title: "Where to go next"
body: "Add steps by adding files and listing them under `steps` in lesson.yaml."
""",
}


class ScaffoldError(Exception):
    pass


def write_new_lesson(directory: Path) -> list[Path]:
    """Write the starter lesson; refuse to touch a directory that has files."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new directory")
    directory.mkdir(parents=True, exist_ok=True)
    from .json_schema import schema_text

    schema_file = directory / "lesson.schema.json"
    schema_file.write_text(schema_text(), encoding="utf-8")
    written = [schema_file]
    for name, text in FILES.items():
        path = directory / name
        path.write_text(SCHEMA_LINE + text.replace("{dir}", str(directory)), encoding="utf-8")
        written.append(path)
    return written

"""The documentation's example lesson must load: the docs cannot drift from the loader."""

from __future__ import annotations

import re
from pathlib import Path

from llm_landscape.lesson.loader import load_lesson

DOC = Path(__file__).resolve().parent.parent / "docs" / "lesson-format.md"


def test_the_documented_example_plays(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    manifest, step_file = blocks[0], blocks[1]
    (tmp_path / "steps").mkdir()
    (tmp_path / "my-lesson.yaml").write_text(manifest, encoding="utf-8")
    (tmp_path / "steps" / "02-bpe.yaml").write_text(step_file, encoding="utf-8")
    lesson, warnings = load_lesson(tmp_path / "my-lesson.yaml")
    assert warnings == []
    assert lesson.heading == "Ch 1 — Tokenizers"
    assert [s.id for s in lesson.steps] == ["why", "bpe"]
    first = lesson.steps[0]
    assert first.dwell == 20
    assert first.code is not None and first.code.language == "python"


def test_the_architecture_map_names_every_module() -> None:
    source = DOC.parent.parent / "src" / "llm_landscape"
    text = (DOC.parent / "architecture.md").read_text(encoding="utf-8")
    # Named as the map names them: by file within their package folder.
    modules = [p.name for p in sorted(source.rglob("*.py")) if p.name != "__init__.py"]
    assert [name for name in modules if name not in text] == []
    packages = sorted({p.parent.name for p in source.rglob("*.py")} - {"llm_landscape"})
    assert [f"{name}/" for name in packages if f"{name}/" not in text] == []

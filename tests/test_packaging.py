"""The built-in lesson travels inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_the_lesson(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("llm_landscape-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    lesson = "llm_landscape/lessons/llm-landscape/"
    expected = ["lesson.yaml", "01-players.yaml", "02-open.yaml", "03-closed.yaml",
                "04-agents.yaml", "05-recap.yaml", "06-future.yaml"]  # fmt: skip
    for name in expected:
        assert lesson + name in names
    assert "llm_landscape/player/app.py" in names

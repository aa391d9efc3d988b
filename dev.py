#!/usr/bin/env python3
"""One entry point for a fresh checkout: python3 dev.py play | serve | test | lint.

Everything goes into ./.venv, so it works where a bare ``pip install`` is
refused (PEP 668, Debian and Ubuntu system Pythons). Re-installs only when
pyproject.toml changed since the last install.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def ensure_venv(extra: str | None) -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 - dev.py runs on whatever python3 is
        sys.exit("llm-landscape needs Python 3.10 or newer.")
    if not PYTHON.exists():
        created = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
        if created.returncode != 0:
            sys.exit(
                "Could not create .venv. On Debian or Ubuntu install the venv module first:\n"
                "    sudo apt install python3-venv"
            )
    stamp = VENV / f".installed-{extra or 'app'}"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    target = f"{ROOT}[{extra}]" if extra else str(ROOT)
    print(f"Installing llm-landscape into {VENV} ...", file=sys.stderr)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "-e", target], check=True)
    stamp.touch()


def run(*command: str | Path) -> int:
    return subprocess.run([str(part) for part in command], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    task, args = (argv[0], argv[1:]) if argv else ("play", [])
    if task == "play":
        ensure_venv(None)
        return run(BIN / "llm-landscape", *args)
    if task == "serve":  # the [web] extra too: the lesson to a class of browsers
        ensure_venv("web")
        return run(BIN / "llm-landscape", "--serve", *args)
    if task == "test":
        ensure_venv("test")
        code = run(PYTHON, "-m", "pytest", *args)
        if code == 5:  # pytest ran no test: that is a failure, not a pass
            print("pytest collected no tests", file=sys.stderr)
            return 1
        return code
    if task == "lint":
        ensure_venv("test")
        checks = [
            (BIN / "ruff", "check", "."),
            (BIN / "ruff", "format", "--check", "."),
            (BIN / "mypy", "--strict", "src"),
            # The import contract in pyproject.toml: packages by role, no cycles.
            (BIN / "lint-imports",),
        ]
        return max(run(*check) for check in checks)
    usage = "usage: python3 dev.py [play [ARGS] | serve [ARGS] | test [PYTEST ARGS] | lint]"
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

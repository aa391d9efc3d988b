"""Write the large hostile and legitimate lessons the tests and benchmarks need.

They are generated, not committed: ``python tests/make_big_corpus.py DIR``.
Each file name maps to its expected outcome in ``BIG_EXPECTED``.
"""

from __future__ import annotations

import sys
from pathlib import Path

STEP = "  - {id: a, label: A, title: T, body: B}\n"

BIG_EXPECTED = {
    "fifty-megabytes.yaml": ": error: is larger than 16 MiB",
    "long-line.yaml": ":2:1: error: line is 5,000,000 characters long",
    "deep-nesting.yaml": ":20:1: error: values are nested more than 20 levels deep",
    "billion-laughs.yaml": ":2:8: error: aliases (*a) are not supported",
    "many-values.yaml": ":99989:5: error: the file has more than 100,000 values",
    "code-20000-lines/lesson.yaml": "ok",
    "steps-500.yaml": "ok",
}


def code_lines(count: int) -> str:
    body = "".join(
        f"        def function_{n}(value):  # line {n}\n            return value * {n}\n"
        for n in range(count // 2)
    )
    return body


def write(directory: Path) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / name for name in BIG_EXPECTED}
    with paths["fifty-megabytes.yaml"].open("w", encoding="utf-8") as handle:
        handle.write("title: T\nsteps:\n")
        handle.write(STEP * (50 * 1024 * 1024 // len(STEP)))
    paths["long-line.yaml"].write_text(
        "title: T\nsubtitle: " + "x" * 4_999_990 + "\nsteps:\n" + STEP, encoding="utf-8"
    )
    paths["deep-nesting.yaml"].write_text(
        "title: " + "[\n" * 50_000 + "]\n" * 50_000 + "steps:\n" + STEP, encoding="utf-8"
    )
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        laughs.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    paths["billion-laughs.yaml"].write_text(
        "\n".join(laughs) + "\ntitle: T\nsteps:\n" + STEP, encoding="utf-8"
    )
    paths["many-values.yaml"].write_text(
        "title: T\nsteps:\n" + STEP + "extra:\n" + "  - 1\n" * 600_000,
        encoding="utf-8",
    )
    big = directory / "code-20000-lines"
    big.mkdir(exist_ok=True)
    (big / "lesson.yaml").write_text(
        "title: Big code\nsteps:\n  - id: big\n    label: Big\n    title: Twenty thousand lines\n"
        "    body: A very long code panel.\n    code:\n      title: big.py\n"
        "      language: python\n      source: |\n" + code_lines(20_000),
        encoding="utf-8",
    )
    steps = "".join(
        f"  - {{id: s{n}, label: S{n}, title: Step {n}, body: Body of step {n}.,"
        f" code: {{language: python, source: 'x = {n}'}}}}\n"
        for n in range(1, 501)
    )
    paths["steps-500.yaml"].write_text("title: Five hundred\nsteps:\n" + steps, encoding="utf-8")
    return paths


if __name__ == "__main__":
    for name, path in write(Path(sys.argv[1])).items():
        print(f"{path}\t{BIG_EXPECTED[name]}")

"""``--serve`` under a class: time to the first frame, a step switch and memory
per learner, one learner alone against eight at once, measured in one run.

    .venv/bin/python benchmarks/serve_bench.py [--learners 8] [--rounds 3]

Each learner is a websocket session as textual.js opens it (tests/webclient.py):
connect, wait for the title card, then Space through the lesson to the end card.
"First frame" is from the websocket's connect to the title card drawn; "switch"
from sending Space to the new step's counter drawn; memory is each player's
resident set (VmRSS) once it shows the end card, beside ``python -c pass``'s.
The floor for the class figures is one learner alone, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.webclient import Server, Tab  # noqa: E402


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def bare_python_kib() -> int:
    probe = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    time.sleep(0.3)
    size = rss_kib(probe.pid)
    probe.communicate(b"")
    return size


async def learner(base: str, kept: list[Tab]) -> tuple[float, list[float]]:
    tab = Tab(base)
    kept.append(tab)  # open until every learner is done: memory is read then
    started = time.perf_counter()
    await tab.open()
    await tab.until("Space", seconds=120)
    first = time.perf_counter() - started
    switches = []
    for number in range(1, 7):
        sent = time.perf_counter()
        await tab.press(" ", f"Step {number} / 6", seconds=120)
        switches.append(time.perf_counter() - sent)
    await tab.press(" ", "Lesson complete", seconds=120)
    return first, switches


async def class_of(count: int, state: Path) -> tuple[list[float], list[float], list[int]]:
    served = Server("--max-sessions", str(count), state=state)
    tabs: list[Tab] = []
    try:
        results = await asyncio.gather(*(learner(served.base, tabs) for _ in range(count)))
        memory = [rss_kib(pid) for pid in served.players()]
        for tab in tabs:
            await tab.close()
    finally:
        served.stop()
    firsts = [first for first, _ in results]
    switches = [s for _, steps in results for s in steps]
    return firsts, switches, memory


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--learners", type=int, default=8)
    options.add_argument("--rounds", type=int, default=3)
    args = options.parse_args()
    alone_first: list[float] = []
    alone_switch: list[float] = []
    class_first: list[float] = []
    class_switch: list[float] = []
    alone_mem: list[int] = []
    class_mem: list[int] = []
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(args.rounds):  # side by side, so both see the same noise
            first, switch, memory = asyncio.run(class_of(1, Path(scratch, f"a{round_}")))
            alone_first += first
            alone_switch += switch
            alone_mem += memory
            first, switch, memory = asyncio.run(
                class_of(args.learners, Path(scratch, f"c{round_}"))
            )
            class_first += first
            class_switch += switch
            class_mem += memory
    bare = bare_python_kib()
    ms = 1000

    def line(name: str, alone: list[float], many: list[float]) -> None:
        a, c = statistics.median(alone) * ms, statistics.median(many) * ms
        print(
            f"{name:<22} alone {a:7.1f} ms   {args.learners} at once {c:7.1f} ms "
            f"(slowest {max(many) * ms:7.1f})   ratio {c / a:4.2f}x"
        )

    print(f"{args.rounds} rounds; one learner alone vs {args.learners} at once, medians")
    line("first frame", alone_first, class_first)
    line("step switch (ws)", alone_switch, class_switch)
    print(
        f"{'memory per player':<22} alone {statistics.median(alone_mem) / 1024:7.1f} MiB  "
        f"{args.learners} at once {statistics.median(class_mem) / 1024:7.1f} MiB   "
        f"python -c pass {bare / 1024:5.1f} MiB"
    )


if __name__ == "__main__":
    main()

"""A persistent tmux control-mode client: each poll is a pipe round trip, not a fork."""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

POLL_INTERVAL = 0.00025
"""Seconds between two captures while waiting for a screen."""


class TmuxControl:
    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"llm-bench-{uuid.uuid4().hex[:8]}"
        self.size = (width, height)
        # Every directory a run writes lives in here, removed by close().
        self._scratch = tempfile.TemporaryDirectory(prefix="llm-bench-")
        self.env = env = _clean_env(self.fresh_dir("state-"), self.fresh_dir("cache-"))
        """What every run here is started with: no terminal size pinned, scratch places."""
        subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", "ctl",
             "-x", str(width), "-y", str(height), "sleep 100000"],
            check=True, env=env,
        )  # fmt: skip
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach", "-t", "ctl"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self._read_block()  # attaching answers with a block of its own
        self.command("set-option -g remain-on-exit on")

    def command(self, line: str) -> list[str]:
        """Run one tmux command; its output lines (notifications are skipped)."""
        assert self._client.stdin is not None
        self._client.stdin.write(line + "\n")
        self._client.stdin.flush()
        return self._read_block(line)

    def _read_block(self, line: str = "attach") -> list[str]:
        assert self._client.stdout is not None
        out: list[str] = []
        inside = False
        while True:
            reply = self._client.stdout.readline()
            if not reply:
                raise RuntimeError("tmux control client closed")
            reply = reply.rstrip("\n")
            if reply.startswith("%begin"):
                inside, out = True, []
            elif reply.startswith(("%end", "%error")) and inside:
                if reply.startswith("%error"):
                    raise RuntimeError(f"tmux: {line}: {out}")
                return out
            elif inside:
                out.append(reply)

    def screen(self, target: str = "run") -> str:
        return "\n".join(self.command(f"capture-pane -p -t {target}"))

    def start(self, command: str, target: str = "run") -> None:
        width, height = self.size
        quoted = command.replace("'", "'\\''")
        self.command(f"new-session -d -s {target} -x {width} -y {height} '{quoted}'")

    def kill(self, target: str = "run") -> None:
        self.command(f"kill-session -t {target}")

    def pane(self, fmt: str, target: str = "run") -> str:
        return self.command(f"display-message -p -t {target} '{fmt}'")[0]

    def wait(
        self,
        ready: Callable[[str], bool],
        *,
        settle: float = 0.06,
        timeout: float = 30.0,
        interval: float = POLL_INTERVAL,
    ) -> float:
        """Poll until ``ready(screen)`` and the screen has stopped changing for ``settle``
        seconds; the time (perf_counter) of the last change, i.e. the complete frame."""
        deadline = time.perf_counter() + timeout
        last, changed_at = None, time.perf_counter()
        seen, polled = False, 0.0
        while time.perf_counter() < deadline:
            # Polling flat out kept tmux busy on one of the two cores, taking
            # CPU from the program being timed: one capture per interval.
            time.sleep(max(0.0, interval - (time.perf_counter() - polled)))
            now = polled = time.perf_counter()
            screen = self.screen()
            if screen != last:
                last, changed_at = screen, now
            if not seen:
                seen = ready(screen)
            elif now - changed_at >= settle:
                return changed_at
        raise TimeoutError(f"screen never became ready:\n{last}")

    def fresh_dir(self, prefix: str) -> Path:
        """A new empty directory, removed with the others by close()."""
        return Path(tempfile.mkdtemp(prefix=prefix, dir=self._scratch.name))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.command("kill-server")
        self._client.kill()
        self._scratch.cleanup()
        # tmux leaves its socket behind when its server is killed.
        sockets = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (sockets / self.socket).unlink(missing_ok=True)


def _clean_env(state: Path, cache: Path) -> dict[str, str]:
    # COLUMNS/LINES would pin Textual's idea of the terminal size.
    # PYTHONDONTWRITEBYTECODE would make every run compile our modules afresh,
    # which no installed copy does.
    hidden = ("COLUMNS", "LINES", "TMUX", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["LANG"] = env.get("LANG") or "C.UTF-8"
    # Runs remember their place in a scratch directory, never the user's own.
    env["LLM_LANDSCAPE_STATE_DIR"] = str(state)
    env["LLM_LANDSCAPE_CACHE_DIR"] = str(cache)
    return env


def peak_rss_kib(pid: int) -> int:
    """VmHWM of ``pid`` or, when it is a shell, of its deepest child."""
    while True:
        children_file = Path(f"/proc/{pid}/task/{pid}/children")
        children = children_file.read_text().split() if children_file.exists() else []
        if not children:
            break
        pid = int(children[0])
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")

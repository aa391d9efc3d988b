"""What the player remembers between runs: each lesson's last step and the theme.

One small JSON file in the user's state directory. Writes are atomic (a
temporary file in the same directory, then ``os.replace``), so a crash never
leaves half a file, and read-merge-write under a lock file, so players
sharing it (two terminals, two lessons) keep each other's places. A missing,
empty, corrupt, unreadable or unwritable file is never fatal: the player goes
on without it and says so once.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lesson.model import Lesson

STATE_DIR_VARIABLE = "LLM_LANDSCAPE_STATE_DIR"
MAX_STATE_BYTES = 1024 * 1024


def default_path() -> Path:
    override = os.environ.get(STATE_DIR_VARIABLE)
    if override:
        return Path(override) / "state.json"
    from platformdirs import user_state_dir

    return Path(user_state_dir("llm-landscape")) / "state.json"


def lesson_key(lesson: Lesson) -> str:
    """A lesson is known by where it lives and what it is called."""
    return f"{lesson.path.resolve()}::{lesson.title}"


Progress = dict[str, dict[str, list[float]]]
"""One lesson's answers: step id → question number (as text, for JSON) →
[the choice made, when: seconds since the epoch]."""


@dataclass
class Memory:
    positions: dict[str, str] = field(default_factory=dict)
    """lesson key → id of the last step shown."""
    theme: str | None = None
    progress: dict[str, Progress] = field(default_factory=dict)
    """lesson key → its answers."""
    review: dict[str, dict[str, Any]] = field(default_factory=dict)
    """lesson key → its review cards (``review_session.py``): checked when used."""

    def answers_of(self, key: str) -> dict[str, dict[int, int]]:
        """One lesson's answers as the player keeps them: step id → question → choice."""
        return {
            step: {int(number): int(pair[0]) for number, pair in given.items()}
            for step, given in self.progress.get(key, {}).items()
        }


class StateStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def load(self) -> tuple[Memory, str | None]:
        """The remembered state and, if the file could not be used, why."""
        try:
            with self.path.open("rb") as handle:
                data = handle.read(MAX_STATE_BYTES + 1)
        except FileNotFoundError:
            return Memory(), None
        except OSError as error:
            return Memory(), f"could not read {self.path} ({error.strerror or error})"
        try:
            raw = json.loads(data.decode("utf-8"))
            return _memory(raw), None
        except (ValueError, TypeError, UnicodeDecodeError):
            return Memory(), f"ignored {self.path}: it is not a state file this player wrote"

    def save(
        self, memory: Memory, changed: Collection[str] | None = None, theme: bool = True
    ) -> str | None:
        """Write the places of ``changed`` lessons (all of ``memory``'s if None)
        and, if ``theme``, the theme, over what the file holds now: two players
        sharing the file each keep their own place. Read, merged and replaced
        under a lock, atomically; on failure return why, never raise."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_name(self.path.name + ".lock")):
                on_disk, _ = self.load()
                keys = memory.positions.keys() if changed is None else changed
                for key in keys:
                    if key in memory.positions:
                        on_disk.positions[key] = memory.positions[key]
                    if key in memory.progress:
                        on_disk.progress[key] = memory.progress[key]
                    if key in memory.review:
                        on_disk.review[key] = memory.review[key]
                if theme:
                    on_disk.theme = memory.theme
                self._write(on_disk)
        except OSError as error:
            return f"could not save your place to {self.path} ({error.strerror or error})"
        return None

    def forget(self, key: str) -> str | None:
        """Drop one lesson's place and answers (``--reset``); on failure say why."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_name(self.path.name + ".lock")):
                on_disk, _ = self.load()
                on_disk.positions.pop(key, None)
                on_disk.progress.pop(key, None)
                on_disk.review.pop(key, None)
                self._write(on_disk)
        except OSError as error:
            return f"could not update {self.path} ({error.strerror or error})"
        return None

    def _write(self, memory: Memory) -> None:
        state = {
            "version": 1,
            "positions": memory.positions,
            "theme": memory.theme,
            "progress": memory.progress,
            "review": memory.review,
        }
        payload = json.dumps(state, indent=1)
        fd, temporary = tempfile.mkstemp(prefix=".state-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (created if need be) while the block runs.
    Where there is no ``fcntl`` (Windows), the write is atomic but unlocked."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _memory(raw: object) -> Memory:
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    positions = raw.get("positions", {})
    theme = raw.get("theme")
    if not isinstance(positions, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in positions.items()
    ):
        raise TypeError("bad positions")
    if theme is not None and not isinstance(theme, str):
        raise TypeError("bad theme")
    review = raw.get("review")
    cards = (
        {str(k): v for k, v in review.items() if isinstance(v, dict)}
        if isinstance(review, dict)
        else {}
    )
    return Memory(dict(positions), theme, _progress(raw.get("progress")), cards)


def _progress(raw: object) -> dict[str, Progress]:
    """The answers kept, or none of a lesson whose entry is not of the right
    shape (its place and the theme are kept all the same)."""
    kept: dict[str, Progress] = {}
    if not isinstance(raw, dict):
        return kept
    for key, steps in raw.items():
        try:
            kept[str(key)] = {
                str(step): {
                    str(number): [int(pair[0]), float(pair[1])]
                    for number, pair in answers.items()
                    if isinstance(pair, list) and len(pair) == 2 and str(number).isdigit()
                }
                for step, answers in steps.items()
            }
        except (AttributeError, TypeError, ValueError):
            continue
    return kept

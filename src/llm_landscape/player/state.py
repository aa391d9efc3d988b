"""What the player remembers between runs: each lesson's last step and the theme.

One small JSON file in the user's state directory. Writes are atomic (a
temporary file in the same directory, then ``os.replace``), so a crash never
leaves half a file. A missing, empty, corrupt, unreadable or unwritable file is
never fatal: the player goes on without it and says so once.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Memory:
    positions: dict[str, str] = field(default_factory=dict)
    """lesson key → id of the last step shown."""
    theme: str | None = None


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

    def save(self, memory: Memory) -> str | None:
        """Write atomically; on failure return why, never raise."""
        payload = json.dumps(
            {"version": 1, "positions": memory.positions, "theme": memory.theme}, indent=1
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=".state-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                Path(temporary).replace(self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            return f"could not save your place to {self.path} ({error.strerror or error})"
        return None


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
    return Memory(dict(positions), theme)

"""What a browser tab may ask of its player, and the command that starts it.

A deep link (``/?step=3&theme=light``) is read here and nowhere else: a value
that is not exactly a step number of the lesson or a theme the player knows
is dropped, so nothing from a URL reaches the player's command line but a
number in range and one of a fixed set of words. The command is an argument
vector run without a shell (``players.py``): a lesson path with spaces or
shell characters is one argument, never parsed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

THEMES = ("dark", "light", "high-contrast")
"""The player's theme names (``player/themes.py`` ALIASES; a test keeps them equal)."""

_STEP = re.compile(r"[1-9][0-9]{0,3}")
SESSION_ID = re.compile(r"[0-9a-f]{32}")
"""A browser's session id as the server makes them: 16 random bytes in hex."""


@dataclass(frozen=True)
class Launch:
    """Where one tab's player starts: a step (1-based) and a theme, or the defaults."""

    step: int | None = None
    theme: str | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str], steps: int) -> Launch:
        step_text = query.get("step", "")
        step = int(step_text) if _STEP.fullmatch(step_text) else None
        if step is not None and step > steps:
            step = None
        theme = query.get("theme")
        return cls(step, theme if theme in THEMES else None)

    def over(self, default: Launch) -> Launch:
        """This launch; where it is silent, ``default`` (the teacher's --step and --theme)."""
        return Launch(self.step or default.step, self.theme or default.theme)

    def as_path(self) -> str:
        """The launch as a URL path segment, ``3.light``; ``-.-`` for the defaults."""
        return f"{self.step or '-'}.{self.theme or '-'}"

    @classmethod
    def from_path(cls, segment: str, steps: int) -> Launch:
        """The reverse of :meth:`as_path`, as strict as :meth:`from_query`."""
        step, _, theme = segment.partition(".")
        return cls.from_query({"step": step, "theme": theme}, steps)


def command(lesson: Path, launch: Launch, extra: tuple[str, ...] = ()) -> list[str]:
    """The player's argument vector: this Python, this package, this lesson;
    ``extra`` is the teacher's own options for every player (``--skip-checks``)."""
    # Absolute, so that a lesson named "-x" is never read as an option.
    argv = [sys.executable, "-m", "llm_landscape", str(lesson.resolve())]
    if launch.step is not None:
        argv += ["--step", str(launch.step)]
    if launch.theme is not None:
        argv += ["--theme", launch.theme]
    return [*argv, *extra]

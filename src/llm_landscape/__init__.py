"""llm-landscape: a terminal lesson player.

Packages by role (``docs/architecture.md`` has the map): ``lesson`` reads and
validates lessons into an immutable model; ``render`` turns its text into
styled text; ``outputs`` writes it out (``--print``, ``--export``, ...);
``player`` is the Textual app. ``cli`` and ``arguments`` sit on top. Only
``player`` imports Textual, so ``--check`` and ``--print`` start fast; the
import contract in ``pyproject.toml`` keeps it so.
"""

__version__ = "0.1.0"

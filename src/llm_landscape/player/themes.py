"""The themes `t` cycles through, including one fit for a projector."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="llm-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFAF00",
    error="#FF5F5F",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
)

CYCLE = ("textual-dark", "textual-light", HIGH_CONTRAST.name)
DEFAULT = CYCLE[0]
ALIASES = {"dark": CYCLE[0], "light": CYCLE[1], "high-contrast": CYCLE[2]}
"""The names the ``t`` key and the help use, for ``--theme``."""


def resolve(name: str) -> str:
    """A theme name as Textual knows it: ``light`` is ``textual-light``."""
    return ALIASES.get(name, name)


def next_theme(current: str) -> str:
    if current in CYCLE:
        return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]
    return CYCLE[0]

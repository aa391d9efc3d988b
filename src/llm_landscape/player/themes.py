"""The themes `t` cycles through: dark, light and one fit for a projector.

Each is Textual's own dark or light theme with the text colours it derives
replaced where they fall below WCAG AA on this player's backgrounds (4.5:1
for text, 3:1 for frames): ``tests/test_contrast.py`` measures every
character of every screen in each, and fails below the bar. The colours are
explicit rather than Textual's ``auto``, which a line-drawn widget resolves
against the screen's background, not its own.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="llm-dark",
    primary="#0178D4",
    secondary="#004578",
    accent="#FFA62B",
    warning="#FFA62B",
    error="#BA3C5B",
    success="#4EBF71",
    foreground="#E0E0E0",
    dark=True,
    variables={
        "text": "#E0E0E0",
        "text-muted": "#A8A8A8",
        "text-primary": "#6CB4EC",
        "text-secondary": "#8DB3D4",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#0060AA",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#2B4A66",
        "input-selection-background": "#0178D4 40%",
        "scrollbar": "#5A7A99",
        "scrollbar-hover": "#7A9AB9",
        "scrollbar-active": "#9ABAD9",
        "scrollbar-background": "#1E1E1E",
    },
)

LIGHT = Theme(
    name="llm-light",
    primary="#004578",
    secondary="#0160A8",
    accent="#FFA62B",
    warning="#FFA62B",
    error="#BA3C5B",
    success="#4EBF71",
    foreground="#1F1F1F",
    background="#F2F2F2",
    surface="#EAEAEA",
    panel="#DCDCDC",
    dark=False,
    variables={
        "text": "#1F1F1F",
        "text-muted": "#4F4F4F",
        "text-primary": "#003A66",
        "text-secondary": "#00528F",
        "text-accent": "#7A4500",
        "text-warning": "#7A4500",
        "text-success": "#1B6631",
        "text-error": "#8B1E3A",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#004578",
        "block-cursor-blurred-foreground": "#1F1F1F",
        "block-cursor-blurred-background": "#BFD3E6",
        "footer-key-foreground": "#00528F",
        "scrollbar": "#56708A",
        "scrollbar-hover": "#3F5A75",
        "scrollbar-active": "#2A4560",
        "scrollbar-background": "#DCDCDC",
    },
)

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
    variables={
        "text": "#FFFFFF",
        "text-muted": "#D0D0D0",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#005F5F",
        "scrollbar": "#C0C0C0",
        "scrollbar-hover": "#FFFFFF",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#1C1C1C",
    },
)


def _ansi(name: str, *, dark: bool, primary: str, accent: str) -> Theme:
    """A theme of the terminal's own 16 colours. Downsampled to 16 colours, the
    truecolor themes turn orange into bright red: the Key insight frame and
    the current step then read as errors. Here every accent is a colour
    chosen for its meaning, drawn by the terminal from its own palette."""
    return Theme(
        name=name,
        ansi=True,
        dark=dark,
        primary=primary,
        secondary="ansi_cyan",
        accent=accent,
        warning=accent,
        error="ansi_red",
        success="ansi_green",
        foreground="ansi_default",
        background="ansi_default",
        surface="ansi_default",
        panel="ansi_default",
        boost="ansi_default",
        variables={
            "ansi-background": "ansi_black" if dark else "ansi_white",
            "ansi-foreground": "ansi_white" if dark else "ansi_black",
            "text-muted": "ansi_default 60%",
            "text-primary": primary,
            "text-secondary": "ansi_cyan",
            "text-accent": accent,
            "text-warning": accent,
            "text-success": "ansi_green",
            "text-error": "ansi_red",
            "border": primary,
            "border-blurred": "ansi_default 60%",
            "block-cursor-foreground": "ansi_black" if dark else "ansi_white",
            "block-cursor-background": "ansi_white" if dark else "ansi_black",
            "block-cursor-blurred-foreground": "ansi_default",
            "block-cursor-blurred-background": "ansi_default",
            "block-cursor-blurred-text-style": "reverse",
            "scrollbar": primary,
            "scrollbar-background": "ansi_default",
        },
    )


# Yellow reads as "note" on a dark terminal; on a light one it is faint, and
# magenta takes its place.
ANSI_DARK = _ansi("llm-ansi-dark", dark=True, primary="ansi_cyan", accent="ansi_yellow")
ANSI_LIGHT = _ansi("llm-ansi-light", dark=False, primary="ansi_blue", accent="ansi_magenta")

SHIPPED = (DARK, LIGHT, HIGH_CONTRAST, ANSI_DARK, ANSI_LIGHT)
FULL_COLOUR = (DARK.name, LIGHT.name, HIGH_CONTRAST.name)
"""What ``t`` cycles through on a terminal of 256 colours or more."""
SIXTEEN_COLOUR = (ANSI_DARK.name, ANSI_LIGHT.name)
"""... and on one of 16 colours (``TERM=xterm``, ``screen``, ``linux``)."""
CYCLE = FULL_COLOUR
DEFAULT = CYCLE[0]
ALIASES = {"dark": DARK.name, "light": LIGHT.name, "high-contrast": HIGH_CONTRAST.name}
"""The names the ``t`` key and the help use, for ``--theme``."""
_ON_SIXTEEN = {DARK.name: ANSI_DARK.name, LIGHT.name: ANSI_LIGHT.name}
_ON_SIXTEEN[HIGH_CONTRAST.name] = ANSI_DARK.name  # the terminal's own brightest colours


def few_colours(color_system: str | None) -> bool:
    """Rich's name for the terminal's colours: "standard" and "windows" are 16."""
    return color_system in ("standard", "windows")


def resolve(name: str, color_system: str | None = "truecolor") -> str:
    """A theme name as Textual knows it: ``light`` is ``llm-light``; on a
    16-colour terminal a shipped theme is its 16-colour counterpart."""
    name = ALIASES.get(name, name)
    if few_colours(color_system):
        return _ON_SIXTEEN.get(name, name)
    return next((full for full, few in _ON_SIXTEEN.items() if few == name), name)


def remembered(name: str) -> str:
    """The name to keep for the next start, whatever its terminal: the full-colour one."""
    return resolve(name, "truecolor")


def next_theme(current: str, color_system: str | None = "truecolor") -> str:
    cycle = SIXTEEN_COLOUR if few_colours(color_system) else FULL_COLOUR
    if current in cycle:
        return cycle[(cycle.index(current) + 1) % len(cycle)]
    return cycle[0]

"""The player's keys: one table, read by the app, the help screen and the footer.

Navigation keys that a focused pane would otherwise take (arrows, Page Up/Down,
Home/End) are priority bindings. ``show=True`` marks the few keys the footer
legend shows.
"""

from __future__ import annotations

from textual.binding import Binding


def _nav(keys: str, action: str, description: str, id: str) -> Binding:
    # priority: the arrows must move between steps even when a pane has focus.
    return Binding(keys, action, description, id=id, priority=True, show=False)


PLAYER_BINDINGS: tuple[Binding, ...] = (
    Binding(
        "space,right,l,n,pagedown",
        "next",
        "Next step",
        id="step.next",
        key_display="Space",
        priority=True,
    ),
    _nav("left,h,backspace,pageup", "previous", "Previous step", "step.previous"),
    *(
        Binding(str(d), f"digit({d})", "Jump to step", id=f"step.digit{d}", show=False)
        for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
    ),
    _nav("home,g", "first", "First step", "step.first"),
    _nav("end,G", "last", "Last step", "step.last"),
    Binding("r", "resume", "Resume where you left off", id="resume", show=False),
    # Not priority: on a step, a focused pane scrolls itself with these.
    Binding("up", "scroll_card(-1)", "Scroll the title card", id="card.up", show=False),
    Binding("down", "scroll_card(1)", "Scroll the title card", id="card.down", show=False),
    Binding("p", "toggle_play", "Play / pause", id="play.toggle"),
    Binding("o", "overview", "Overview", id="overview"),
    Binding("slash", "search", "Search", id="search", key_display="/"),
    Binding("c", "copy_code", "Copy the code", id="copy", show=False),
    Binding("plus,equals_sign", "pace(1)", "Faster (Play)", id="play.faster", show=False),
    Binding("minus", "pace(-1)", "Slower (Play)", id="play.slower", show=False),
    Binding("ctrl+p", "command_palette", "Command palette: go to step", id="palette", show=False),
    Binding("t", "cycle_theme", "Next theme (dark, light, high contrast)", id="theme", show=False),
    Binding("question_mark", "help", "Help", id="help", key_display="?"),
    Binding("q,ctrl+c", "quit", "Quit", id="quit", priority=True, key_display="q"),
)

# Actions that only make sense on the lesson itself, not over help or the palette.
LESSON_ACTIONS = frozenset(
    {
        *("next", "previous", "first", "last", "digit", "toggle_play", "pace", "help"),
        *("resume", "overview", "search", "copy_code", "cycle_theme", "scroll_card"),
    }
)


_KEY_NAMES = {
    "space": "Space",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "slash": "/",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "Backspace",
    "home": "Home",
    "end": "End",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "ctrl+c": "Ctrl+C",
    "ctrl+p": "Ctrl+P",
    "escape": "Esc",
}


def key_label(key: str) -> str:
    """How a key is written for people: ``pagedown`` is PgDn."""
    return _KEY_NAMES.get(key, key)

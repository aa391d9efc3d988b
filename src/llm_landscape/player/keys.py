"""The player's keys: the lesson screen's and the app's, read by Textual, the
help screen and the key bar (``show=True`` marks the few the key bar shows).

Navigation keys that a focused pane would otherwise take (arrows, Page Up/Down,
Home/End) are priority bindings. Keys are named for people by
``LessonApp.get_key_display``, Textual's hook, with :data:`KEY_NAMES`.
"""

from __future__ import annotations

from textual.binding import Binding


def digit_keys(last: int) -> str:
    """The digits from 1 to ``last`` as the bottom line names them: "1" or "1–6"."""
    return "1" if last == 1 else f"1–{last}"


def _nav(keys: str, action: str, description: str, id: str) -> Binding:
    # priority: the arrows must move between steps even when a pane has focus.
    return Binding(keys, action, description, id=id, priority=True, show=False)


SCREEN_BINDINGS: tuple[Binding, ...] = (
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
    Binding("u", "open_question", "The first step with questions open", id="open", show=False),
    Binding("a", "answer", "Answer the step's question", id="answer", show=False),
    # Not priority: a focused pane scrolls itself with these.
    Binding("up,k", "scroll(-1)", "Scroll up", id="scroll.up", show=False),
    Binding("down,j", "scroll(1)", "Scroll down", id="scroll.down", show=False),
    Binding("p", "toggle_play", "Play / pause", id="play.toggle"),
    Binding("o", "overview", "Overview", id="overview"),
    Binding("slash", "search", "Search", id="search"),
    Binding("c", "copy_code", "Copy the code", id="copy", show=False),
    Binding("e", "download", "Download the lesson (HTML)", id="download", show=False),
    Binding("plus,equals_sign", "pace(1)", "Faster (Play)", id="play.faster", show=False),
    Binding("minus", "pace(-1)", "Slower (Play)", id="play.slower", show=False),
    Binding(
        "t", "app.cycle_theme", "Next theme (dark, light, high contrast)", id="theme", show=False
    ),
    Binding("question_mark", "help", "Help", id="help"),
    # On the lesson screen, so that q is a letter in the search box; Ctrl+C
    # quits from anywhere.
    Binding("q", "app.quit", "Quit", id="quit", priority=True),
)

APP_BINDINGS: tuple[Binding, ...] = (
    Binding("ctrl+p", "command_palette", "Command palette: go to step", id="palette", show=False),
    Binding("ctrl+c", "quit", "Quit", id="quit.anywhere", priority=True, show=False),
)

KEY_NAMES = {
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backspace": "Backspace",
    "home": "Home",
    "end": "End",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "equals_sign": "=",
    "plus": "+",
}
"""Where Textual's own names (``pgdn``, ``⌫``, ``space``) read less plainly."""

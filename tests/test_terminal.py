"""End to end: the installed ``llm-landscape`` in a real terminal (tmux)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).with_name("llm-landscape")


class Tmux:
    def __init__(self, scratch: Path) -> None:
        self.socket = f"llm-landscape-test-{uuid.uuid4().hex[:8]}"
        self.scratch = scratch
        """Where the players it starts keep their state: pytest's, removed in time."""

    def __call__(self, *args: str) -> str:
        # COLUMNS/LINES (set by pytest) would pin Textual's idea of the terminal size.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20, env=env
        )
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "player")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path)
    yield session
    session("kill-server")
    # tmux leaves its socket behind when its server is killed.
    sockets = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
    (sockets / session.socket).unlink(missing_ok=True)


def start(
    tmux: Tmux,
    *args: str,
    session: str = "player",
    size: str = "120x40",
    term: str = "",
    lang: str = "C.UTF-8",
    questions: bool = False,
) -> None:
    """Start the player in a new tmux session; ``term`` is the TERM it sees, if
    not tmux's own (with no COLORTERM: the colours are TERM's alone). Without
    ``questions`` the lesson's questions are not asked (``--skip-checks``):
    these tests are about the terminal, and a step that opens on a question
    would hide the text they look for."""
    assert COMMAND.exists(), f"{COMMAND} is not installed"
    command = f"env -u COLORTERM TERM={term} {COMMAND}" if term else str(COMMAND)
    env = {**os.environ, "LANG": lang, "TERM": "xterm-256color"}
    state = tempfile.mkdtemp(prefix="state-", dir=tmux.scratch)  # never the user's own
    tmux("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", size.split("x")[0], "-y", size.split("x")[1],
         "-e", f"LANG={env['LANG']}", "-e", f"LLM_LANDSCAPE_STATE_DIR={state}",
         f"{command} {'' if questions else '--skip-checks '}{' '.join(args)}; sleep 5")  # fmt: skip


def test_space_shows_step_one(tmux: Tmux) -> None:
    start(tmux)
    tmux.wait_for("Press Space to begin")
    assert "Step – / 6" in tmux.screen()
    tmux("send-keys", "-t", "player", "Space")
    screen = tmux.wait_for("Step 1 / 6")
    assert "The Major Players" in screen
    tmux("send-keys", "-t", "player", "q")
    deadline = time.monotonic() + 10
    while "Step 1 / 6" in tmux.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Step 1 / 6" not in tmux.screen()  # the alternate screen is gone


CORPUS = Path(__file__).resolve().parent / "corpus"


def test_osc_title_change_in_a_lesson_leaves_the_pane_title_alone(tmux: Tmux) -> None:
    start(tmux, str(CORPUS / "control-characters.yaml"))
    screen = tmux.wait_for("Press Space to begin")
    assert "␛]2;PWNED␇Title" in screen  # the title is shown, its ESC made visible...
    tmux("send-keys", "-t", "player", "Space")
    screen = tmux.wait_for("Step 1 / 1")
    assert "␛[2J␛[31mred" in screen
    title = tmux("display-message", "-p", "-t", "player", "#{pane_title}")
    assert "PWNED" not in title  # ...but it never reached the terminal as OSC 2


def settled(tmux: Tmux, session: str, text: str) -> list[str]:
    """The pane with its colours (``-e``), once ``text`` is shown and it stops changing."""
    deadline = time.monotonic() + 20
    previous = None
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-e", "-t", session)
        if text in screen and screen == previous:
            return screen.splitlines()
        previous = screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never settled:\n{previous}")


@pytest.mark.parametrize("size", ["120x40", "80x24"])
def test_a_step_reached_by_keys_looks_as_when_started_on_it(tmux: Tmux, size: str) -> None:
    """A step switch sends the terminal only the rows that change, so a row
    left over from the step before would show here: every step, reached from
    several others, must match the same step drawn on a fresh screen (colours
    included; the step bar differs only in which steps are marked visited)."""
    start(tmux, size=size)
    tmux.wait_for("Press Space to begin")
    fresh: dict[str, list[str]] = {}
    for key in "1234561352641":
        tmux("send-keys", "-t", "player", key)
        played = settled(tmux, "player", f"Step {key} / 6")
        if key not in fresh:
            start(tmux, "--step", key, session=f"fresh{key}", size=size)
            fresh[key] = settled(tmux, f"fresh{key}", f"Step {key} / 6")
            tmux("kill-session", "-t", f"fresh{key}")
        assert played[1:] == fresh[key][1:], f"step {key} differs from a fresh start"
    # A new theme redraws every row in its colours (cached lines included).
    tmux("send-keys", "-t", "player", "t")
    themed = settled(tmux, "player", "Step 1 / 6")
    assert themed != played
    start(tmux, "--step", "1", "--theme", "llm-light", session="light", size=size)
    assert themed[1:] == settled(tmux, "light", "Step 1 / 6")[1:]
    for key, theme in (("t", "llm-high-contrast"), ("2", "llm-high-contrast")):
        tmux("send-keys", "-t", "player", key)
        step = "1" if key == "t" else key
        themed = settled(tmux, "player", f"Step {step} / 6")
        start(tmux, "--step", step, "--theme", theme, session=f"hc{step}", size=size)
        assert themed[1:] == settled(tmux, f"hc{step}", f"Step {step} / 6")[1:], (key, theme)


def test_resizing_the_real_terminal(tmux: Tmux) -> None:
    start(tmux, "--step", "3")
    tmux.wait_for("Step 3 / 6")
    for width, height in ((80, 24), (20, 6), (200, 60), (120, 40)):
        tmux("resize-window", "-t", "player", "-x", str(width), "-y", str(height))
        expected = "Enlarge the terminal" if width < 30 or height < 10 else "Step 3 / 6"
        tmux.wait_for(expected)


def test_a_run_leaves_its_prose_and_code_in_the_lesson_cache(tmux: Tmux, tmp_path: Path) -> None:
    from llm_landscape.cli import builtin_lesson
    from llm_landscape.lesson import cache as lesson_cache
    from llm_landscape.lesson.loader import load_lesson

    lesson = tmp_path / "lesson"
    shutil.copytree(builtin_lesson(), lesson)
    an_hour_ago = time.time() - 3600
    for file in lesson.iterdir():
        os.utime(file, (an_hour_ago, an_hour_ago))

    def derived() -> dict[str, dict[str, object]]:
        entry = lesson_cache.read(lesson)
        return entry.derived if entry is not None else {}

    assert derived() == {}
    start(tmux, str(lesson))
    tmux.wait_for("Press Space to begin")
    tmux("send-keys", "-t", "player", "Space")
    tmux.wait_for("Step 1 / 6")
    tmux("send-keys", "-t", "player", "q")
    deadline = time.monotonic() + 10
    while not derived() and time.monotonic() < deadline:
        time.sleep(0.05)
    first = load_lesson(lesson)[0].steps[0]
    assert first.code is not None
    assert first.body in derived()["prose"]  # what the run compiled and lexed
    assert f"{first.code.language}\0{first.code.source}" in derived()["code"]


def test_at_80x24_down_scrolls_a_built_in_step_to_its_code(tmux: Tmux) -> None:
    """The default terminal: the step is one column, and ↓ alone (no Tab, no
    focus) brings its code into view; a cue says that more lies below."""
    start(tmux, size="80x24")
    tmux.wait_for("Press Space to begin")
    tmux("send-keys", "-t", "player", "4")  # from the title card: nothing has focus
    screen = tmux.wait_for("↓ more: code")
    assert "Step 4 / 6" in screen
    assert "while not done:" not in screen
    for _ in range(12):
        tmux("send-keys", "-t", "player", "Down")
    screen = tmux.wait_for("while not done:")
    assert "Agent Architecture · python" in screen  # the code's title, then its lines


def test_with_no_terminal_on_input_it_says_so_and_exits_2(tmux: Tmux) -> None:
    """`llm-landscape < /dev/null` ran for ever ignoring keys; it refuses now."""
    start(tmux, "< /dev/null; echo exit=$?")
    screen = tmux.wait_for("exit=")
    assert "standard input is not a terminal" in screen and "exit=2" in screen


def test_a_dumb_terminal_gets_the_lesson_as_plain_text(tmux: Tmux) -> None:
    assert COMMAND.exists()
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "player", "-x", "100", "-y", "30",
         "-e", "LANG=C.UTF-8", f"env TERM=dumb {COMMAND}; echo exit=$?; sleep 5")  # fmt: skip
    screen = tmux.wait_for("exit=")  # it ended by itself: no full-screen player
    assert "exit=0" in screen and "Go build something amazing." in screen
    colours = tmux("capture-pane", "-p", "-e", "-t", "player")
    assert "\x1b[" not in colours.split("Go build something amazing.")[0][-500:]  # plain text


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def foregrounds(line: str) -> set[str]:
    """The foreground colours a captured line sets: "33", "38;5;215", "91"..."""
    found = set()
    for params in SGR.findall(line):
        parts = params.split(";")
        while parts:
            part = parts.pop(0)
            if part in ("38", "48") and parts:
                extra = 2 if parts[0] == "5" else 4
                taken, parts = parts[:extra], parts[extra:]
                if part == "38":
                    found.add(";".join([part, *taken]))
            elif part.isdigit() and (30 <= int(part) <= 37 or 90 <= int(part) <= 97):
                found.add(part)
    return found


@pytest.mark.parametrize("term", ["xterm", "screen", "linux"])
def test_on_16_colours_the_accents_keep_their_meaning(tmux: Tmux, term: str) -> None:
    """Downsampled to 16 colours the orange accent became bright red, and the
    Key insight frame and the current step read as errors."""
    start(tmux, "--step", "4", term=term, size="80x24")
    tmux.wait_for("Step 4 / 6")
    tmux.wait_for("Key insight")
    screen = tmux("capture-pane", "-p", "-e", "-t", "player").splitlines()
    frame = next(line for line in screen if "Key insight" in line)
    assert "33" in foregrounds(frame)  # the terminal's own yellow
    used = set().union(*map(foregrounds, screen))
    assert not used & {"31", "91"}, used  # no red anywhere on a step
    assert not any(colour.startswith("38;") for colour in used), used  # nothing it cannot show


def test_on_256_colours_the_theme_is_drawn_in_the_palette(tmux: Tmux) -> None:
    start(tmux, "--step", "4", term="xterm-256color", size="80x24")
    tmux.wait_for("Step 4 / 6")
    tmux.wait_for("Key insight")
    screen = tmux("capture-pane", "-p", "-e", "-t", "player").splitlines()
    frame = next(line for line in screen if "Key insight" in line)
    assert {colour for colour in foregrounds(frame) if colour.startswith("38;5;")}


@pytest.mark.parametrize(
    ("args", "term", "lang"),
    [(["--ascii"], "", "C.UTF-8"), ([], "", "C"), ([], "linux", "C.UTF-8")],
    ids=["--ascii", "LANG=C", "TERM=linux"],
)
def test_ascii_terminals_get_a_screen_of_ascii_alone(
    tmux: Tmux, args: list[str], term: str, lang: str
) -> None:
    start(tmux, *args, "--step", "1", term=term, lang=lang, size="80x24")
    tmux.wait_for("Step 1 / 6")
    screen = tmux.wait_for("Key insight")
    assert screen.isascii(), sorted({char for char in screen if not char.isascii()})
    assert "+- Key insight -" in screen


def test_q_quits_within_a_second_while_a_lexer_never_ends(tmux: Tmux) -> None:
    start(tmux, str(CORPUS / "endless-lexer.yaml"), "--step", "1", size="80x24")
    tmux.wait_for("Step 1 / 1")
    assert "a=b" in tmux.screen()  # the code, plain, at once
    started = time.monotonic()
    tmux("send-keys", "-t", "player", "q")
    while "Step 1 / 1" in tmux.screen():
        assert time.monotonic() - started < 1.0, "q did not quit within a second"
        time.sleep(0.02)


def _player_pid(tmux: Tmux, session: str = "player") -> int:
    shell = tmux("display", "-p", "-t", session, "#{pane_pid}").strip()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
        if children.split():
            return int(children.split()[0])
        time.sleep(0.05)
    raise AssertionError("no player process")


@pytest.mark.parametrize("signal_name", ["TERM", "HUP"])
def test_kill_and_hangup_give_the_terminal_back_and_keep_the_place(
    tmux: Tmux, signal_name: str
) -> None:
    start(tmux, "--step", "2", size="80x24")
    tmux.wait_for("Step 2 / 6")
    tmux("send-keys", "-t", "player", "Right")
    tmux.wait_for("Step 3 / 6")  # a move made just before the signal
    flags = "#{alternate_on} #{mouse_any_flag} #{cursor_flag}"
    assert tmux("display", "-p", "-t", "player", flags).split() == ["1", "1", "0"]
    subprocess.run(["kill", f"-{signal_name}", str(_player_pid(tmux))], check=True)
    deadline = time.monotonic() + 5
    while tmux("display", "-p", "-t", "player", flags).split() != ["0", "0", "1"]:
        assert time.monotonic() < deadline, tmux("display", "-p", "-t", "player", flags)
        time.sleep(0.05)
    state = tmux("show-environment", "-t", "player", "LLM_LANDSCAPE_STATE_DIR").split("=", 1)[1]
    saved = next(Path(state.strip()).glob("*.json")).read_text(encoding="utf-8")
    assert "closed" in saved  # step 3's id: the place was saved on the way out


@pytest.mark.parametrize(
    "sequence", ["\x1b[99999999999u", "\x1b[1114112u", "\x1b[65;1;99999999999u"]
)
def test_a_malformed_key_sequence_from_the_terminal_is_survived(tmux: Tmux, sequence: str) -> None:
    """Textual 8.2.8's parser called chr() on the code point: a traceback, and
    the player gone with exit status 0."""
    start(tmux, "--step", "2", size="80x24")
    tmux.wait_for("Step 2 / 6")
    tmux("send-keys", "-t", "player", "-l", sequence)
    tmux("send-keys", "-t", "player", "Right")
    screen = tmux.wait_for("Step 3 / 6")
    assert "Traceback" not in screen and "OverflowError" not in screen


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/null"])
def test_the_player_is_drawn_with_standard_error_closed_or_elsewhere(
    tmux: Tmux, redirect: str
) -> None:
    """Textual draws on standard error: closed or sent away, the player ran
    invisible (and with it closed, ignored q)."""
    start(tmux, "--step", "2", redirect, size="80x24")
    tmux.wait_for("Step 2 / 6")
    tmux("send-keys", "-t", "player", "q")
    deadline = time.monotonic() + 5
    while "Step 2 / 6" in tmux.screen():
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.parametrize("moment", ["at once", "after the first frame", "after a move"])
def test_a_closed_terminal_window_ends_the_player_and_keeps_the_place(
    tmux: Tmux, moment: str
) -> None:
    """Killing tmux closes the pane's terminal (a real hangup, the terminal gone,
    unlike kill -HUP above). Restoring a terminal that is gone blocked for ever
    when it came just after the start: the process must end all the same."""
    start(tmux, "--step", "2", size="80x24")
    pid = _player_pid(tmux)
    if moment != "at once":
        tmux.wait_for("Step 2 / 6")
    if moment == "after a move":
        tmux("send-keys", "-t", "player", "Right")
        tmux.wait_for("Step 3 / 6")
    state = tmux("show-environment", "-t", "player", "LLM_LANDSCAPE_STATE_DIR").split("=", 1)[1]
    tmux("kill-server")
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pid}").exists() and "Z" not in _state_of(pid):
        assert time.monotonic() < deadline, f"the player ({pid}) outlived its terminal"
        time.sleep(0.05)
    if moment == "after a move":
        saved = next(Path(state.strip()).glob("*.json")).read_text(encoding="utf-8")
        assert "closed" in saved


def _state_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (OSError, IndexError):
        return "Z"

"""A guard around one bug in Textual's input parser (8.2.8).

A kitty-protocol key sequence with a huge code point, ``ESC[99999999999u``,
makes ``XTermParser._parse_extended_key`` call ``chr()`` on it: an
``OverflowError`` (or ``ValueError`` above U+10FFFF) escapes the driver's
input thread, the app ends with a traceback and exit status 0, and the
learner's place is lost. One stray or hostile sequence from the terminal
must not do that. The guard takes such a sequence as one key that nothing
is bound to. Reported upstream with
that reproduction; remove this module once Textual checks the code point.
"""

from __future__ import annotations

from typing import Any

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    from textual import events

    try:
        from textual._xterm_parser import XTermParser
    except ImportError:  # a Textual without that parser: nothing to guard
        return
    parse = XTermParser._parse_extended_key

    def guarded(self: XTermParser, sequence: str) -> Any:
        try:
            return parse(self, sequence)
        except (OverflowError, ValueError):
            # One key nothing is bound to: an empty answer would make the parser
            # read the sequence out as keys, "[", "9", "9"…, and digits jump steps.
            return [events.Key("unknown", None)]

    XTermParser._parse_extended_key = guarded  # type: ignore[method-assign,assignment]
    _installed = True

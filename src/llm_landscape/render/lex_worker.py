"""The child process of ``bounded_lex``: one request on stdin as JSON
(``language``, ``source``), the tokens on stdout as a JSON list of pairs."""

from __future__ import annotations

import json
import sys


def _die_after(seconds: float) -> None:
    """Ends this process on its own once its parent stops waiting, even if the
    parent has quit meanwhile: an endless lexer must not outlive the player.
    SIGALRM's default action kills the process inside a regex too."""
    import math
    import signal

    if hasattr(signal, "alarm"):
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(math.ceil(seconds) + 1)


def main() -> None:
    request = json.load(sys.stdin)
    _die_after(float(request.get("seconds", 2.0)))
    from .highlight import lex

    tokens = lex(str(request["source"]), str(request["language"]))
    json.dump([list(pair) for pair in tokens], sys.stdout)


if __name__ == "__main__":
    main()

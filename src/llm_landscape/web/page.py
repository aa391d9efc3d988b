"""The pages the server answers with: the player's page, "the class is full",
"this class needs its link".

Every address in them is relative (``static/…``, ``ws/…``), so the page works
behind a reverse proxy on a path prefix and whatever name or address the
browser used; nothing is fetched from outside the machine (the font is the
one textual-serve ships, the Content-Security-Policy in ``server.py`` holds
the page to its own origin). Lesson text reaches a page only HTML-escaped.
"""

from __future__ import annotations

from html import escape

FONT = "static/fonts/RobotoMono-VariableFont_wght.ttf"

_STYLE = """
@font-face { font-family: "Roboto Mono"; src: url("%(font)s") format("truetype");
             font-display: block; }
html, body { margin: 0; height: 100%%; background: #0c181f; color: #e8eef2;
             font-family: "Roboto Mono", ui-monospace, Menlo, Consolas, monospace; }
.textual-terminal { position: absolute; inset: 0; opacity: 0; }
body.-first-byte .textual-terminal { opacity: 1; transition: opacity 0.2s; }
.notice { position: absolute; inset: 0; display: flex; align-items: center;
          justify-content: center; text-align: center; line-height: 1.6; padding: 2em; }
body.-first-byte .starting, .ended, #start { display: none; }
/* A bar, not a cover: what the terminal showed last (a lesson's errors) stays. */
body.-closed .ended { display: flex; inset: auto 0 0 0; gap: 1.5em; padding: 0.8em;
                      background: #12232d; border-top: 1px solid #5e0ba7; z-index: 2; }
body.-closed .ended button { margin-top: 0; }
body.-closed .textual-terminal { opacity: 0.45; }
button { font: inherit; padding: 0.6em 1.6em; margin-top: 1em; border: 0;
         background: #5e0ba7; color: #fff; cursor: pointer; }
button:hover, button:focus-visible { background: #8a3fd1; }
"""

# The notice pages follow the browser's light or dark (the player's page
# takes the player's theme: its edges stay the terminal's colour).
_LIGHT = """
@media (prefers-color-scheme: light) {
  html, body { background: #f2f2f2; color: #1f1f1f; }
}
"""

# textual.js builds its websocket from a data attribute and opens downloads
# at the origin's root: both made relative to this page here, before its
# onload runs. The query goes too (a token stays out of the address bar and
# history; textual.js would fetch a "ping" address it named).
_SCRIPT = """
(function () {
  var terminal = document.getElementById("terminal");
  var socket = new URL(terminal.dataset.sessionWebsocketUrl, location.href);
  socket.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  terminal.dataset.sessionWebsocketUrl = socket.href;
  var base = new URL(".", location.href);
  var open = window.open.bind(window);
  window.open = function (url, target) {
    var address = new URL(url, location.href);
    if (address.origin === location.origin && address.pathname.indexOf("/download/") === 0) {
      url = new URL(address.pathname.slice(1) + address.search, base).href;
    }
    return open(url, target);
  };
  history.replaceState(null, "", location.pathname);
})();
"""


def player_page(title: str, socket_path: str, font_size: int) -> str:
    """The page of one tab: xterm.js (textual.js) connected to ``socket_path``."""
    name = escape(title)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{name}</title>
<link rel="icon" href="data:,">
<link rel="preload" href="{FONT}" as="font" type="font/ttf" crossorigin>
<link rel="stylesheet" href="static/css/xterm.css">
<style>{_STYLE % {"font": FONT}}</style>
<script src="static/js/textual.js"></script>
</head>
<body>
<div class="notice starting" role="status">Starting “{name}”…</div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{escape(socket_path)}"
 data-font-size="{font_size}"></div>
<div class="notice ended" role="status"><span>This player has ended: your place is kept.</span>
<button type="button" onclick="location.reload()">Start again</button></div>
<button id="start" type="button" hidden>Start</button>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def notice_page(title: str, heading: str, body: str) -> str:
    """A page that says one thing: the class is full, a token is needed."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(heading)} · {escape(title)}</title>
<link rel="icon" href="data:,">
<style>{_STYLE % {"font": FONT}}{_LIGHT}</style>
</head>
<body>
<main class="notice"><div><h1>{escape(heading)}</h1><p>{escape(body)}</p></div></main>
</body>
</html>
"""

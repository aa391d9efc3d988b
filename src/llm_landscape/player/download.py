"""The ``e`` key: the whole lesson as one HTML page, for the learner to keep.

In the browser (``--serve``) the page is handed to the browser, which saves
it; in a terminal it is written to the downloads folder, under a name not
yet taken there, and the notice says where. Either way through Textual's
``deliver_text``, whose ``DeliveryComplete`` and ``DeliveryFailed`` the app
turns into that notice (``app.py``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from textual.app import App

from ..lesson.model import Lesson
from ..outputs.exporter import to_html

DELIVERY = "lesson-html"
"""The name the app knows these deliveries by."""


def file_name(title: str) -> str:
    """``The LLM Landscape`` → ``the-llm-landscape.html``: safe in any folder and header."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'lesson'}.html"


def free_path(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name (2)``, ``(3)``… if it is taken: never overwrite."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, number = folder / name, 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate


def deliver(app: App[Any], lesson: Lesson) -> None:
    """Build the page and deliver it; run in a thread (highlighting takes a while)."""
    try:
        page = to_html(lesson)
    except ValueError as error:  # what --export would have said
        app.call_from_thread(app.notify, f"Not saved: {error}", severity="error", markup=False)
        return
    name = file_name(lesson.title)
    folder: Path | None = None
    if not app.is_web:
        from platformdirs import user_downloads_path

        folder = user_downloads_path()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            said = f"Not saved: cannot make {folder} ({error.strerror or error})"
            app.call_from_thread(app.notify, said, severity="error", markup=False)
            return
        name = free_path(folder, name).name
    app.call_from_thread(
        app.deliver_text,
        io.StringIO(page),
        save_directory=folder,
        save_filename=name,
        open_method="download",
        mime_type="text/html",
        name=DELIVERY,
    )

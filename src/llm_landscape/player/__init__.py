"""The Textual player: a thin app (``app``), the screen that owns the lesson
(``lesson_screen``), the screens it opens (``screens``), the widgets of a step
(``widgets``), and what keeps the learner's place between runs."""

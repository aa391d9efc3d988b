"""Turning lesson text into styled text: Markdown to Rich ``Text`` (``prose``),
code to highlighted lines (``highlight``, ``lexers``, ``outline_lexer``), and
the memo of both kept with the lesson cache (``renderings``). No Textual here."""

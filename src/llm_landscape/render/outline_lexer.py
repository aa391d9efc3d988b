"""A Pygments lexer for "comment outlines": code panels written as ``#`` notes.

Several panels of the course are outlines, not programs. Under the Python
lexer they are one grey comment; this lexer gives their structure colour:
headings (a line ending in ``:``), ``Name:`` keys, arrows, and ✓/✗ marks.
"""

from __future__ import annotations

from typing import ClassVar

from pygments.lexer import RegexLexer
from pygments.lexer import bygroups as _bygroups
from pygments.token import Comment, Generic, Name, Number, Operator, Punctuation, Text, Whitespace


def bygroups(*tokens: object) -> object:
    return _bygroups(*tokens)  # type: ignore[no-untyped-call]


class OutlineLexer(RegexLexer):
    name = "Outline"
    aliases: ClassVar[list[str]] = ["outline"]
    filenames: ClassVar[list[str]] = []

    tokens: ClassVar[dict[str, list]] = {  # type: ignore[type-arg]
        "root": [
            (r"\n", Whitespace),
            # "# Heading:" alone on its line (the colon ends it).
            (
                r"(#)([ \t]*)([^\n→✓✗:]+:)([ \t]*)$",
                bygroups(Comment, Whitespace, Generic.Heading, Whitespace),
            ),
            (r"(#)([ \t]*)(\d+\.)", bygroups(Comment, Whitespace, Number)),
            (
                r"(#)([ \t]*)([A-Za-z][\w .+/()-]{0,40}?:)(?=[ \t])",
                bygroups(Comment, Whitespace, Name.Attribute),
            ),
            (r"#", Comment),
            (r"✓", Generic.Inserted),
            (r"✗", Generic.Deleted),
            (r"→|×|\+(?= )", Operator),
            (r"[()]", Punctuation),
            (r"\"[^\"\n]*\"?", Generic.Emph),
            (r"[^\n→✓✗×()\"+]+", Text),
            (r".", Text),
        ]
    }

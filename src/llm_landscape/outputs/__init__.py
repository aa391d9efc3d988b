"""What the command line writes besides the player: ``--print`` (``printer``),
``--export`` (``exporter``), ``--check``'s notes (``advice``), ``--new``
(``scaffold``) and ``--schema`` (``json_schema``). No Textual here."""

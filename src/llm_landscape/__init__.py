"""llm-landscape: a terminal lesson player.

The package splits in two. The *engine* (``model``, ``diagnostics``,
``yamlsource``, ``loader``, ``navigation``, ``pacing``, ``textsafety``,
``icons``, ``prose``, ``highlight``, ``printer``, ``arguments``, ``cli``)
never imports Textual, so ``--check`` and ``--print`` start fast. The *app* (``app`` and
``widgets``) renders a lesson the engine has already validated.
"""

__version__ = "0.1.0"

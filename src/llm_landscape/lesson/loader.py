"""Load a lesson from YAML into the immutable model, reporting every problem at once."""

from __future__ import annotations

import re
from pathlib import Path

from . import icons, languages, schema
from .diagnostics import Diagnostic, LessonError, Report
from .fields import STR, FieldReader
from .model import CodePanel, Lesson, Step
from .questions import read_check
from .sourcefile import SourceFile, read_source
from .textsafety import make_safe
from .yamlsource import Mapping, Node, Scalar, Sequence, compose

MANIFEST_NAME = "lesson.yaml"
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")


def load_lesson(path: Path) -> tuple[Lesson, list[Diagnostic]]:
    """Load and validate a lesson directory or single-file lesson.

    Returns the lesson and its warnings; raises :class:`LessonError` with every
    error found.
    """
    report = Report()
    lesson = _LessonReader(report).read(path)
    if lesson is None or report.errors:
        if not report.errors:  # pragma: no cover - a reader bug, not a lesson problem
            report.add(Diagnostic(path, 0, 0, "could not be loaded"))
        raise LessonError(sorted(report.errors, key=_position))
    return lesson, sorted(report.warnings, key=_position)


def _position(diagnostic: Diagnostic) -> tuple[str, int, int]:
    return (str(diagnostic.path), diagnostic.line, diagnostic.column)


def manifest_path(path: Path) -> Path:
    return path / MANIFEST_NAME if path.is_dir() else path


class _LessonReader:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.ids: dict[str, tuple[Path, int]] = {}
        self.files: list[Path] = []

    def read(self, path: Path) -> Lesson | None:
        manifest = manifest_path(path)
        if not manifest.exists() and path.is_dir():
            self.report.add(
                Diagnostic(path, 0, 0, f"is a directory without {MANIFEST_NAME}; add one")
            )
            return None
        self.files.append(manifest)
        source = read_source(manifest, self.report)
        if source is None:
            return None
        root = compose(source, self.report)
        fields = FieldReader(source, self.report)
        if not isinstance(root, Mapping):
            self._not_a_mapping(source, root, "a lesson needs 'title' and 'steps'")
            return None
        found = fields.fields(root, schema.MANIFEST, "the lesson")
        steps = self._steps(fields, found.get("steps"), manifest.parent)
        chapter = self._chapter(fields, found.get("chapter"))
        lesson = Lesson(
            title=fields.required_text(found.get("title"), "title"),
            steps=tuple(steps),
            path=manifest,
            chapter=chapter,
            subtitle=fields.text(found.get("subtitle"), "subtitle"),
            badge=fields.text(found.get("badge"), "badge"),
            files=tuple(self.files),
        )
        return lesson

    def _not_a_mapping(self, source: SourceFile, root: Node | None, need: str) -> None:
        if self.report.errors:
            return  # a syntax error already explains it
        if root is None:
            message = f"the file is empty; {need}"
            self.report.add(Diagnostic(source.path, 1, 1, message, source_line=source.line(1)))
        else:
            found = "a list" if isinstance(root, Sequence) else "a single value"
            message = f"expected 'key: value' lines at the top level, found {found}; {need}"
            self.report.add(source.diagnostic(root.line, root.column, message))

    def _chapter(self, fields: FieldReader, node: Node | None) -> str:
        if isinstance(node, Scalar) and node.tag in (
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        ):
            return node.value
        return fields.text(node, "chapter")

    def _steps(self, fields: FieldReader, node: Node | None, base: Path) -> list[Step]:
        if node is None:
            return []
        if not isinstance(node, Sequence):
            fields.error(node, "'steps' must be a list, each item starting with '- '")
            return []
        if not node.items:
            fields.error(node, "'steps' is empty; a lesson needs at least one step")
        if len(node.items) > schema.MAX_STEPS:
            fields.error(node, f"a lesson may have at most {schema.MAX_STEPS:,} steps")
            return []
        steps: list[Step] = []
        for item in node.items:
            step = self._step_item(fields, item, base)
            if step is not None:
                steps.append(step)
        return steps

    def _step_item(self, fields: FieldReader, item: Node, base: Path) -> Step | None:
        if isinstance(item, Mapping):
            return self._read_step(fields, item)
        if isinstance(item, Scalar) and item.tag == STR:
            target = self._step_path(fields, item, base)
            return None if target is None else self._step_file(target, base)
        fields.error(item, "each step is a file path or a mapping with id, label, title, body")
        return None

    def _step_path(self, fields: FieldReader, item: Scalar, base: Path) -> Path | None:
        if "\0" in item.value:  # no file system takes it; Path.resolve would raise
            fields.error(item, "a step path cannot contain a NUL character")
            return None
        relative = Path(item.value)
        if relative.is_absolute():
            fields.error(item, "step paths must be relative to the lesson directory")
            return None
        try:
            target = (base / relative).resolve()
        except (OSError, RuntimeError):  # Python 3.11-3.12 raise RuntimeError for a loop
            fields.error(item, "this step path is a loop of symbolic links; point it at a file")
            return None
        if not target.is_relative_to(base.resolve()):
            fields.error(item, "this step path leads outside the lesson directory")
            return None
        if not target.exists():
            fields.error(item, f"no step file '{make_safe(item.value)}' next to the lesson")
            return None
        if target.is_dir():
            fields.error(item, f"'{make_safe(item.value)}' is a directory, not a step file")
            return None
        return base / relative

    def _step_file(self, path: Path, base: Path) -> Step | None:
        self.files.append(path)
        # Checked again on the file opened: a link swapped in after the check
        # above must not lead outside the lesson.
        source = read_source(path, self.report, within=base.resolve())
        if source is None:
            return None
        root = compose(source, self.report)
        if not isinstance(root, Mapping):
            self._not_a_mapping(source, root, "a step needs id, label, title and body")
            return None
        return self._read_step(FieldReader(source, self.report), root)

    def _read_step(self, fields: FieldReader, node: Mapping) -> Step:
        step = _read_step(fields, node)
        id_node = node.get("id")
        if step.id and id_node is not None:
            first = self.ids.setdefault(step.id, (fields.source.path, id_node.line))
            if first != (fields.source.path, id_node.line):
                where = f"{first[0].name}:{first[1]}"
                fields.error(
                    id_node, f"the id '{step.id}' is already used ({where}); ids must be unique"
                )
        return step


def _read_step(fields: FieldReader, node: Mapping) -> Step:
    found = fields.fields(node, schema.STEP, "a step")
    step_id = fields.required_text(found.get("id"), "id")
    id_node = found.get("id")
    if step_id and id_node is not None and not _SLUG.match(step_id):
        fields.error(id_node, f"id '{step_id}' may use only letters, digits, '-' and '_'")
    icon_node = found.get("icon")
    icon = fields.text(icon_node, "icon")
    if icon and icon_node is not None and not icons.is_known(icon):
        fields.warn(icon_node, f"unknown icon '{icon}'; a neutral glyph is shown instead")
    return Step(
        id=step_id,
        label=fields.required_text(found.get("label"), "label"),
        icon=icon,
        title=fields.required_text(found.get("title"), "title"),
        subtitle=fields.text(found.get("subtitle"), "subtitle"),
        heading=fields.text(found.get("heading"), "heading"),
        body=fields.required_text(found.get("body"), "body", line=False),
        insight=fields.text(found.get("insight"), "insight", line=False),
        code=_read_code(fields, found.get("code")),
        dwell=_read_dwell(fields, found.get("dwell")),
        check=read_check(fields, found.get("check")),
    )


def _read_code(fields: FieldReader, node: Node | None) -> CodePanel | None:
    if node is None:
        return None
    if not isinstance(node, Mapping):
        fields.error(node, "'code' must be a mapping with 'title', 'language' and 'source'")
        return None
    found = fields.fields(node, schema.CODE, "'code'")
    language_node = found.get("language")
    language = fields.text(language_node, "language") or languages.PLAIN
    if language_node is not None and not languages.is_known(language):
        fields.warn(language_node, f"unknown language '{language}'; shown as plain text")
        language = languages.PLAIN
    source = fields.text(found.get("source"), "source", line=False)
    return CodePanel(
        title=fields.text(found.get("title"), "title"),
        language=language,
        source=source.expandtabs(4).rstrip("\n"),
    )


def _read_dwell(fields: FieldReader, node: Node | None) -> float | None:
    if node is None:
        return None
    if isinstance(node, Scalar) and node.tag in (
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
    ):
        try:
            seconds = float(node.value.replace("_", ""))
        except ValueError:
            seconds = -1.0
        if 0 < seconds <= schema.MAX_DWELL:
            return seconds
    fields.error(node, f"'dwell' must be a number of seconds between 0 and {schema.MAX_DWELL:g}")
    return None


__all__ = ["LessonError", "load_lesson", "manifest_path"]

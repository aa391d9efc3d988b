"""What the learner has answered, and what follows from it: the question to
ask now, whether a step still hides behind a guess, the score, the steps
mastered, the first step worth coming back to. Plain functions over the
lesson and its answers, shared by the question widget, the lesson screen,
the overview, the end card and ``--review``; no Textual.
"""

from __future__ import annotations

from ..lesson.model import Lesson, Step

Answers = dict[str, dict[int, int]]
"""Step id → question number (0-based, in the step) → the choice made (0-based)."""

SHOW_ME = "Show me the step"


def first_open(step: Step, answers: Answers) -> int | None:
    """The question to ask now: a predict one not yet met (a guess, right or
    wrong, is enough), else the first after the step not yet answered right."""
    given = answers.get(step.id, {})
    for number, question in enumerate(step.check):
        if question.predict and number not in given:
            return number
    for number, question in enumerate(step.check):
        if not question.predict and given.get(number) != question.answer:
            return number
    return None


def score(steps: tuple[Step, ...], answers: Answers) -> tuple[int, int, list[tuple[int, int]]]:
    """Questions answered right, questions in all, and the (step, question)
    pairs still open: not yet answered right, and not a guess already made
    (a predict question is asked once), in lesson order."""
    right, total, missed = 0, 0, []
    for index, step in enumerate(steps):
        given = answers.get(step.id, {})
        for number, question in enumerate(step.check):
            total += 1
            if given.get(number) == question.answer:
                right += 1
            elif not (question.predict and number in given):
                missed.append((index, number))
    return right, total, missed


def predict_pending(step: Step, answers: Answers) -> bool:
    """A predict question not answered at all yet: the step stays hidden."""
    given = answers.get(step.id, {})
    return any(q.predict and n not in given for n, q in enumerate(step.check))


def mastered(lesson: Lesson, answers: Answers) -> frozenset[int]:
    """Steps with every question answered right (a wrong guess included)."""

    def right(step: Step) -> bool:
        given = answers.get(step.id, {})
        return all(given.get(n) == q.answer for n, q in enumerate(step.check))

    return frozenset(i for i, step in enumerate(lesson.steps) if step.check and right(step))


def first_open_step(lesson: Lesson, answers: Answers) -> tuple[int, int] | None:
    """The first step answered in but not mastered, and how many of its
    questions are open: worth coming back to. None before any answer (a new
    learner is not told about every question of the lesson)."""
    if not answers:
        return None
    _, _, missed = score(lesson.steps, answers)
    if not missed:
        return None
    first = missed[0][0]
    return first, sum(1 for index, _ in missed if index == first)

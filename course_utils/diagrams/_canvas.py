"""Shared plumbing for diagrams: a Figure that is not registered with pyplot, drawn with the course fonts."""

from contextlib import contextmanager

import matplotlib
from matplotlib.figure import Figure

from course_utils import fonts


@contextmanager
def course_fonts():
    """Draw with the Hangul-capable font list, then restore the caller's settings."""
    with matplotlib.rc_context(fonts.rc()):
        yield


def axes(ax=None, figsize=(8, 3)):
    """The given axes, or the axes of a new pyplot-free Figure."""
    if ax is not None:
        return ax
    return Figure(figsize=figsize, layout="constrained").add_subplot()

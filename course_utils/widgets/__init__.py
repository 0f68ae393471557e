"""Interactive explorers built on ipywidgets; each result is also plain text, for slides and HTML."""

from course_utils.widgets.explorer import Explorer

__all__ = ["Explorer"]

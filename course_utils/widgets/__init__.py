"""Interactive explorers built on ipywidgets; each result is also plain text, for slides and HTML."""

from course_utils.widgets.explorer import Explorer
from course_utils.widgets.overlap_explorer import OverlapExplorer
from course_utils.widgets.quiz import Question, Quiz
from course_utils.widgets.scatter_stepper import ScatterAddStepper
from course_utils.widgets.size_calculator import SizeCalculator

__all__ = ["Explorer", "OverlapExplorer", "Question", "Quiz", "ScatterAddStepper", "SizeCalculator"]

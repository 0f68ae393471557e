"""Importing course_utils changes no global state (rcParams, fonts, seeds)."""

import subprocess
import sys

SCRIPT = """
import matplotlib, torch
from matplotlib import font_manager
before = (dict(matplotlib.rcParams), len(font_manager.fontManager.ttflist), torch.initial_seed())
rng = torch.get_rng_state()
import course_utils, course_utils.fonts, course_utils.i18n, course_utils.glossary, course_utils.lessons
import course_utils.diagrams, course_utils.exercises, course_utils.notebook, course_utils.build.check
import course_utils.summary, course_utils.review, course_utils.widgets.quiz
after = (dict(matplotlib.rcParams), len(font_manager.fontManager.ttflist), torch.initial_seed())
print(before == after and torch.equal(rng, torch.get_rng_state()))
"""


def test_imports_leave_global_state_alone():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"

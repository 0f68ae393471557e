"""The generated notebooks are current and keep every rule (the same check as `python -m course_utils.build check`)."""

from course_utils.build.check import problems


def test_generated_notebooks_follow_the_rules(root):
    assert problems(root) == []

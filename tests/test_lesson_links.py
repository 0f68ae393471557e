"""Links between lessons in the sources point at lessons the course catalogue knows."""

import re

from course_utils.lessons import LESSONS


def test_notebook_links_name_catalogued_lessons(root):
    slugs = {lesson.slug for lesson in LESSONS}
    for source in sorted((root / "notebooks" / "src").glob("*.py")):
        for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", source.read_text(encoding="utf-8")):
            assert "/" not in target and target.removesuffix(".ipynb") in slugs, (source.name, target)

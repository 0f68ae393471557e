"""The lesson catalogue, the sources and the README's course map tell the same story."""

import re

from course_utils.lessons import LESSONS, markdown_table


def test_every_source_is_a_catalogued_lesson(root):
    slugs = [lesson.slug for lesson in LESSONS]
    assert [p.stem for p in sorted((root / "notebooks" / "src").glob("*.py")) if p.stem not in slugs] == []


def test_readme_links_every_written_lesson_in_both_languages(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for lesson in LESSONS:
        written = (root / "notebooks" / "src" / f"{lesson.slug}.py").exists()
        for lang in ("ko", "en"):
            link = f"(notebooks/{lang}/{lesson.slug}.ipynb)"
            assert (link in readme) == written, (lesson.slug, lang)
        assert lesson.ko in readme and lesson.en in readme


def test_readme_links_resolve(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (root / target).exists(), target


def test_lesson_table_links_only_existing_notebooks(tmp_path):
    (tmp_path / "00_course_map.ipynb").write_text("{}")
    table = markdown_table("en", tmp_path)
    assert "[Course map](00_course_map.ipynb)" in table and "Why upsampling? (coming)" in table

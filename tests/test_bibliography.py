"""One bibliography for the course: unique labels, and every citation in every lesson names one of them."""

from pathlib import Path

import pytest

from course_utils import bibliography
from course_utils.bibliography import cite, citation_problems, citations, labels, reference_problems, works
from course_utils.build.source import read_source


def _prose(root: Path):
    for path in sorted((root / "notebooks" / "src").glob("*.py")):
        for number, cell in enumerate(read_source(path).cells, start=1):
            if cell.cell_type == "markdown":
                yield f"{path.name} cell {number}", cell.source


def test_labels_are_unique_and_entries_complete():
    assert len(labels()) == len(works())
    for work in works():
        assert work.authors and work.title and work.venue and 1900 < work.year < 2100, work.label
        assert str(work.year) in work.label, work.label


def test_two_entries_with_one_label_are_refused(monkeypatch, tmp_path):
    text = (Path(bibliography.__file__).parent / "data" / "bibliography.toml").read_text(encoding="utf-8")
    first = text.index("[[work]]")
    doubled = text + "\n" + text[first:text.index("[[work]]", first + 1)]
    works.cache_clear()
    monkeypatch.setattr(bibliography.resources, "files", lambda _: tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bibliography.toml").write_text(doubled, encoding="utf-8")
    try:
        with pytest.raises(ValueError, match="unique"):
            works()
    finally:
        works.cache_clear()


@pytest.mark.parametrize("text, label", [
    ("as Odena et al. (2016) show", "Odena et al. 2016"),
    ("(Odena 외 2016)", "Odena et al. 2016"),
    ("Odena 외(2016)는", "Odena et al. 2016"),
    ("Dumoulin과 Visin(2016)은", "Dumoulin and Visin 2016"),
    ("Dumoulin and Visin's (2016) view", "Dumoulin and Visin 2016"),
    ("(Shi 외 2016b도 같은", "Shi et al. 2016b"),
    ("ICNR, Aitken et\\n al. 2017)", "Aitken et al. 2017"),
])
def test_citations_are_read_in_both_languages(text, label):
    assert [found[1] for found in citations(text.replace("\\n", "\n"))] == [label]
    assert citation_problems(text) == []


@pytest.mark.parametrize("planted", [
    "(Shi et al. 2016)",                 # ambiguous: two works of Shi et al. in 2016
    "(Shi 외, 2016a)",                   # comma between author and year
    "DCGAN (Radford, Metz, Chintala, 2015)",
    "Odena et al. (2017)",               # no such work
])
def test_planted_citation_errors_are_caught(planted):
    assert citation_problems(planted)


def test_every_citation_in_every_lesson_is_in_the_bibliography(root):
    problems = [f"{where}: {p}" for where, text in _prose(root) for p in citation_problems(text)]
    assert problems == []


def test_every_citation_in_the_message_catalogue_is_in_the_bibliography(root):
    import tomllib
    problems = []
    for path in sorted((root / "course_utils" / "data" / "messages").glob("*.toml")):
        for key, texts in tomllib.loads(path.read_text(encoding="utf-8")).items():
            problems += [f"{path.name} {key}: {p}" for text in texts.values() for p in citation_problems(text)]
    assert problems == []


def test_reference_lists_tell_works_of_one_author_and_year_apart(root):
    assert reference_problems("- W. Shi et al., *ESPCN*, CVPR 2016, arXiv:1609.05158") != []
    assert reference_problems("- W. Shi et al., *ESPCN*, CVPR 2016, arXiv:1609.05158 (2016a)") == []
    problems = [f"{where}: {p}" for where, text in _prose(root) for p in reference_problems(text)]
    assert problems == []


def test_the_course_list_names_every_work_in_the_learners_language():
    from course_utils.bibliography import cite, markdown_list
    ko, en = markdown_list("ko").splitlines(), markdown_list("en").splitlines()
    assert len(ko) == len(en) == len(works())
    assert cite("Odena et al. 2016", "ko") == "Odena 외 2016" and cite("Dumoulin and Visin 2016", "ko") == "Dumoulin과 Visin 2016"
    assert all(f"**{w.label}**" in line for w, line in zip(works(), en))
    with pytest.raises(KeyError, match="not in the bibliography"):
        cite("Shi et al. 2016", "en")


def test_label_led_items_of_lesson_reference_lists_copy_the_bibliography(root):
    # "- **Odena 외 2016**: ..." in a lesson's reference list must be the course entry, word for word
    import re

    from course_utils.bibliography import reference
    from course_utils.build.source import lang_of
    led = re.compile(r"^- \*\*(?P<label>[^*]+)\*\*: ")
    by_written = {(cite(w.label, lang), lang): w.label for w in works() for lang in ("ko", "en")}
    checked, problems = 0, []
    for path in sorted((root / "notebooks" / "src").glob("*.py")):
        for cell in read_source(path).cells:
            lang = lang_of(cell)
            if cell.cell_type != "markdown" or lang is None:
                continue
            for item in re.split(r"\n(?=- )", cell.source):
                m = led.match(item)
                if not m:
                    continue
                label = by_written.get((m["label"], lang))
                if label is None:  # a bold lead that is no label ("**분할 디코더**: ...")
                    continue
                flat = " ".join(item.split())
                if not flat.startswith(reference(label, lang)):
                    problems.append(f"{path.name}: {flat[:80]}")
                checked += 1
    assert problems == [] and checked > 0


def test_a_label_led_item_is_told_apart_by_its_label():
    assert reference_problems("- **Shi et al. 2016a**: W. Shi, *ESPCN*, CVPR 2016, arXiv:1609.05158, 2016.") == []
    assert reference_problems("- **Shi et al. 2016**: W. Shi, *ESPCN*, CVPR 2016, arXiv:1609.05158, 2016.") != []

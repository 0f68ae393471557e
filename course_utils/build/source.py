"""Read a lesson source (jupytext percent format) and split it into one notebook per language."""

import hashlib
from pathlib import Path

import jupytext
import nbformat

from course_utils.build.config import CourseConfig
from course_utils.i18n import LANGS, message

__all__ = [
    "SourceError", "LANG_TAGS", "TEACHES_TERMS_TAG", "NOTES_TAG", "SLIDES_SKIP_TAG", "SLIDES_OUTPUT_ONLY_TAG",
    "describe", "lang_of", "prose_lines", "read_source", "for_language", "slide_types",
]

LANG_TAGS = {f"lang-{lang}": lang for lang in LANGS}
# A markdown cell that teaches terms (the glossary, a rejected spelling) is exempt from the script and glossary rules.
TEACHES_TERMS_TAG = "teaches-terms"
# Slides: a cell tagged "notes" becomes speaker notes, "slides-skip" stays off the slides,
# "slides-output-only" shows its output without its code.
NOTES_TAG = "notes"
SLIDES_SKIP_TAG = "slides-skip"
SLIDES_OUTPUT_ONLY_TAG = "slides-output-only"
# The first line of a solution cell: JupyterLab shows a hidden cell's first line, which must not be the answer.
SOLUTION_FIRST_LINE = "# Solution: expand it only after you have tried the exercise."
# A markdown cell this short that opens a slide keeps the code cell after it on the same slide.
SHORT_LINES = 6


class SourceError(ValueError):
    """A lesson source breaks an authoring rule; the message names the file and cell."""


def lang_of(cell) -> str | None:
    """The language a cell belongs to, or None for a shared cell; SourceError for a tag no course language has."""
    tags = cell.metadata.get("tags", [])
    unknown = [t for t in tags if isinstance(t, str) and t.startswith("lang-") and t not in LANG_TAGS]
    if unknown:
        raise SourceError(f"unknown language tag {unknown[0]!r}; the course speaks {' and '.join(LANGS)}: "
                          f"use {' or '.join(LANG_TAGS)}")
    langs = [LANG_TAGS[t] for t in tags if t in LANG_TAGS]
    if len(langs) > 1:
        raise SourceError(f"cell has more than one language tag: {langs}; keep one")
    return langs[0] if langs else None


def prose_lines(markdown: str) -> list[str]:
    """The lines of a markdown text outside its ``` code fences (where a '#' starts a heading, not a comment)."""
    lines, in_code = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif not in_code:
            lines.append(line)
    return lines


def describe(index: int, cell) -> str:
    """'cell 3 (code, starting ...)': a cell by its 1-based position in the source and its first line."""
    first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else "(empty)"
    return f"cell {index + 1} ({cell.cell_type}, starting {first_line[:60]!r})"


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise SourceError(f"{path}: is not a file; a lesson source is one .py file in jupytext percent format "
                          "(rename or remove it)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: is not UTF-8 text (byte {err.object[err.start]:#04x} at offset {err.start}); "
                          "save it as UTF-8") from None


def _require_lesson(path: Path, nb) -> None:
    """A lesson has code and, in each language, prose that opens with a heading; else building it loses work."""
    if not any(c.cell_type == "code" and c.source.strip() for c in nb.cells):
        raise SourceError(f"{path}: has no code cell; a lesson source needs shared code cells "
                          "(is the file empty or truncated? restore it from git)")
    for lang in LANGS:
        prose = [c for c in nb.cells if c.cell_type == "markdown" and lang_of(c) == lang]
        if not prose:
            raise SourceError(f"{path}: has no markdown cell tagged lang-{lang}; every lesson is written in "
                              f"{' and '.join(LANGS)}")
        if not any(_heading_level(c) for c in prose):
            raise SourceError(f"{path}: no lang-{lang} markdown cell starts with a heading; "
                              "open the lesson with a '# title' cell in each language")


def read_source(path: Path) -> nbformat.NotebookNode:
    """The source as one notebook with every cell; every markdown cell must carry lang-ko or lang-en.

    SourceError (naming the file and what to do) for a folder, a file that is not UTF-8, an unknown language
    tag, and a source with no code cell or without headed prose in either language.
    """
    try:
        nb = jupytext.reads(_read_text(path), fmt="py:percent")
    except SourceError:
        raise
    except Exception as err:  # jupytext's own errors have no common base class
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise SourceError(f"{path}: jupytext cannot read it as a percent-format notebook ({first_line}); "
                          "check the '# %%' cell headers, e.g. tags=[\"lang-ko\"]") from None
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) or len(set(tags)) != len(tags):
            raise SourceError(f"{path}: {describe(index, cell)}: tags must be a list of different strings, "
                              f"e.g. tags=[\"lang-ko\"], got {tags!r}")
        try:
            lang = lang_of(cell)
        except SourceError as err:
            raise SourceError(f"{path}: {describe(index, cell)}: {err}") from None
        if cell.cell_type == "markdown" and lang is None:
            raise SourceError(
                f"{path}: {describe(index, cell)} has no language tag; "
                f"write it as '# %% [markdown] tags=[\"lang-ko\"]' or tags=[\"lang-en\"]"
            )
    _require_lesson(path, nb)
    return nb


def _cell_id(lang: str, index: int, source: str) -> str:
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    return f"{lang}-{index:03d}-{digest}"


def _generated(role: str, cell) -> nbformat.NotebookNode:
    cell.metadata["course"] = {"role": role}
    cell.metadata["slideshow"] = {"slide_type": "skip"}
    return cell


COLAB_INSTALL = """import sys

if "google.colab" in sys.modules:
    import subprocess

    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", {pip_url!r}], check=True)"""


def _colab_cells(lang: str, source_name: str, config: CourseConfig) -> list:
    """An 'Open in Colab' link and a cell that installs the course package on Colab only (elsewhere: no output)."""
    if not config.repository:
        return []
    notebook = f"notebooks/{lang}/{Path(source_name).stem}.ipynb"
    link = nbformat.v4.new_markdown_cell(
        message("build.colab_link", lang, url=config.colab_url(notebook)), metadata={"tags": [f"lang-{lang}"]}
    )
    install = nbformat.v4.new_code_cell(COLAB_INSTALL.format(pip_url=config.pip_url()))
    return [_generated("colab-link", link), _generated("colab-install", install)]


def _heading_level(cell) -> int:
    first = cell.source.lstrip().split("\n", 1)[0]
    hashes = len(first) - len(first.lstrip("#"))
    return hashes if cell.cell_type == "markdown" and 0 < hashes <= 6 and first[hashes:hashes + 1] == " " else 0


def _hidden_type(cell) -> str | None:
    tags = set(cell.metadata.get("tags", []))
    if NOTES_TAG in tags:
        return "notes"
    hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
    setup = cell.cell_type == "code" and cell.source.strip().endswith("setup(LANG)")
    if tags & {SLIDES_SKIP_TAG, "solution", "parameters"} or hidden or setup:
        return "skip"
    return None


def _rule_slide_type(cell, previous, following) -> str:
    if cell.cell_type == "markdown":
        level = _heading_level(cell)
        if level in (1, 2):
            return "slide"
        if level == 3:
            return "subslide"
        if previous is None or previous.cell_type != "code":
            return "-"
        return "subslide" if following is not None and following.cell_type == "code" else "fragment"
    opens_short_slide = (
        previous is not None and previous.cell_type == "markdown"
        and previous.metadata["slideshow"]["slide_type"] in ("slide", "subslide")
        and len([line for line in previous.source.splitlines() if line.strip()]) <= SHORT_LINES
    )
    return "-" if opens_short_slide else "subslide"


def slide_types(cells: list) -> None:
    """Give every cell a slideshow.slide_type, keeping any the source sets.

    By rule: '#'/'##' headings open a slide and '###' a subslide; prose right after code is a fragment
    (commentary), unless code follows it, when it opens a subslide (an introduction); a code cell opens a
    subslide unless it follows a short cell that opened one; the "notes" tag makes speaker notes;
    parameters, the setup cell, hidden solutions and "slides-skip" cells stay off the slides.
    """
    for cell in cells:
        hidden = _hidden_type(cell)
        if hidden and "slide_type" not in cell.metadata.get("slideshow", {}):
            cell.metadata["slideshow"] = {"slide_type": hidden}
    visible = [c for c in cells if c.metadata.get("slideshow", {}).get("slide_type") not in ("skip", "notes")]
    for index, cell in enumerate(visible):
        if "slide_type" not in cell.metadata.get("slideshow", {}):
            previous = visible[index - 1] if index > 0 else None
            following = visible[index + 1] if index + 1 < len(visible) else None
            cell.metadata["slideshow"] = {"slide_type": _rule_slide_type(cell, previous, following)}


def _out_of_the_way(cell) -> None:
    """Solutions (source and output) and lecturer's notes start hidden in JupyterLab; a solution's first line,
    which JupyterLab shows in place of a hidden cell, says what it is instead of giving the answer."""
    tags = cell.metadata.get("tags", [])
    if cell.cell_type == "code" and "solution" in tags:
        if not cell.source.startswith(SOLUTION_FIRST_LINE):
            cell.source = f"{SOLUTION_FIRST_LINE}\n{cell.source}"
        cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
    elif NOTES_TAG in tags:
        cell.metadata["jupyter"] = {"source_hidden": True}


def for_language(
    nb: nbformat.NotebookNode, lang: str, source_name: str, config: CourseConfig | None = None
) -> nbformat.NotebookNode:
    """An unexecuted notebook in one language: Colab cells (when the config names a repository), shared cells
    and this language's cells, each with its slide type; solutions and notes hidden; the 'generated from'
    notice in the notebook's metadata (course.notice), out of the learner's way."""
    config = config or CourseConfig()
    cells = [*_colab_cells(lang, source_name, config)]
    cells += [cell for cell in nb.cells if lang_of(cell) in (None, lang)]
    out = nbformat.v4.new_notebook()
    for index, cell in enumerate(cells):
        cell = nbformat.from_dict(dict(cell))
        cell.metadata = nbformat.from_dict(dict(cell.metadata))
        cell.id = _cell_id(lang, index, cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        _out_of_the_way(cell)
        out.cells.append(cell)
    slide_types(out.cells)
    out.metadata = nbformat.from_dict({
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "course": {"source": source_name, "lang": lang,
                   "notice": message("build.generated_notice", lang, source=source_name).removeprefix("> ")},
    })
    return out

"""Read a lesson source (jupytext percent format) and split it into one notebook per language."""

import hashlib
from pathlib import Path

import jupytext
import nbformat

from course_utils.i18n import LANGS, message

__all__ = ["SourceError", "LANG_TAGS", "TEACHES_TERMS_TAG", "lang_of", "read_source", "for_language"]

LANG_TAGS = {f"lang-{lang}": lang for lang in LANGS}
# A markdown cell that teaches terms (the glossary, a rejected spelling) is exempt from the script and glossary rules.
TEACHES_TERMS_TAG = "teaches-terms"


class SourceError(ValueError):
    """A lesson source breaks an authoring rule; the message names the file and cell."""


def lang_of(cell) -> str | None:
    """The language a cell belongs to, or None for a shared cell."""
    langs = [LANG_TAGS[t] for t in cell.metadata.get("tags", []) if t in LANG_TAGS]
    if len(langs) > 1:
        raise SourceError(f"cell has more than one language tag: {langs}")
    return langs[0] if langs else None


def _describe(index: int, cell) -> str:
    first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else "(empty)"
    return f"cell {index + 1} ({cell.cell_type}, starting {first_line[:60]!r})"


def read_source(path: Path) -> nbformat.NotebookNode:
    """The source as one notebook with every cell; every markdown cell must carry lang-ko or lang-en."""
    nb = jupytext.read(path, fmt="py:percent")
    for index, cell in enumerate(nb.cells):
        try:
            lang = lang_of(cell)
        except SourceError as err:
            raise SourceError(f"{path}: {_describe(index, cell)}: {err}") from None
        if cell.cell_type == "markdown" and lang is None:
            raise SourceError(
                f"{path}: {_describe(index, cell)} has no language tag; "
                f"write it as '# %% [markdown] tags=[\"lang-ko\"]' or tags=[\"lang-en\"]"
            )
    return nb


def _cell_id(lang: str, index: int, source: str) -> str:
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    return f"{lang}-{index:03d}-{digest}"


def for_language(nb: nbformat.NotebookNode, lang: str, source_name: str) -> nbformat.NotebookNode:
    """An unexecuted notebook in one language: a 'generated' notice, shared cells and this language's cells."""
    notice = nbformat.v4.new_markdown_cell(
        message("build.generated_notice", lang, source=source_name), metadata={"tags": [f"lang-{lang}"]}
    )
    cells = [notice] + [cell for cell in nb.cells if lang_of(cell) in (None, lang)]
    out = nbformat.v4.new_notebook()
    for index, cell in enumerate(cells):
        cell = nbformat.from_dict(dict(cell))
        cell.metadata = nbformat.from_dict(dict(cell.metadata))
        cell.id = _cell_id(lang, index, cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        out.cells.append(cell)
    out.metadata = nbformat.from_dict({
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "course": {"source": source_name, "lang": lang},
    })
    return out

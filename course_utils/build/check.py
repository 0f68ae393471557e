"""The rules every generated notebook must keep; `problems()` lists each broken rule with file and cell."""

import re
from pathlib import Path
from typing import Callable

import nbformat

from course_utils.build.config import load_config
from course_utils.build.outputs import english_words, text_outputs
from course_utils.build.pedagogy import pedagogy_problems
from course_utils.build.source import TEACHES_TERMS_TAG, for_language, lang_of, prose_lines, read_source
from course_utils.glossary import find_variants
from course_utils.i18n import LANGS

__all__ = ["HANGUL", "notebook_problems", "outline_problems", "problems", "cell_signature"]

HANGUL = re.compile(r"[\uac00-\ud7a3]")
RAISES_TAG = "raises-exception"
HEADING = re.compile(r"^(#{1,6}) +(\(?\d+(?:\.\d+)*\)?)?")


def cell_signature(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    """What must match between a source and its generated notebook: type, source and tags of each cell."""
    return [(c.cell_type, c.source, tuple(c.metadata.get("tags", []))) for c in nb.cells]


def notebook_problems(path: Path, nb, lang: str, where: Callable[[int], str] | None = None) -> list[str]:
    """Rules on one executed notebook: executed, no errors, no stderr, the right script in prose.

    Each problem starts with where(index) (default: the notebook's path and the cell's position in it).
    """
    found = []
    _where = where or (lambda index: f"{path}: cell {index + 1}")
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            if cell.source.rstrip().endswith(";"):
                found.append(f"{_where(index)}: ends with ';', which nbval does not honour (it runs cells "
                             "without history); assign the value to _ instead")
            if cell.source.strip() and cell.get("execution_count") is None:
                found.append(f"{_where(index)}: code cell was never executed (nbval would not compare it)")
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error" and RAISES_TAG not in tags:
                    found.append(f"{_where(index)}: error output {out.get('ename')}: {out.get('evalue')}")
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    found.append(f"{_where(index)}: stderr output {out.get('text', '')[:80]!r}")
            if lang == "ko" and (english := english_words(text_outputs(cell))):
                found.append(f"{_where(index)}: the Korean notebook prints English {sorted(set(english))}; print "
                             "shapes, symbols, identifiers or a message of course_utils.i18n instead")
        elif cell.cell_type == "markdown" and TEACHES_TERMS_TAG not in tags:
            has_hangul = bool(HANGUL.search(cell.source))
            if lang == "ko" and not has_hangul:
                found.append(f"{_where(index)}: Korean markdown cell has no Hangul")
            if lang == "en" and has_hangul:
                found.append(f"{_where(index)}: English markdown cell contains Hangul")
            if lang == "ko":
                for variant, preferred in find_variants(cell.source):
                    found.append(f"{_where(index)}: use the glossary term {preferred!r}, not {variant!r}")
    return found


def _shared_code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code" and lang_of(c) is None]


def _outline(nb) -> list[tuple[str, str, str]]:
    """The headings of a notebook's prose: (level marks, section number or '', the heading line)."""
    outline = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        outline += [(match[1], match[2] or "", line) for line in prose_lines(cell.source)
                    if (match := HEADING.match(line))]
    return outline


def outline_problems(name: str, ko, en) -> list[str]:
    """The ko and en notebooks must have the same headings: same levels, same section numbers, same order."""
    ko_outline, en_outline = _outline(ko), _outline(en)
    for index, (ko_heading, en_heading) in enumerate(zip(ko_outline, en_outline)):
        if ko_heading[:2] != en_heading[:2]:
            return [f"{name}: heading {index + 1} differs between ko and en: {ko_heading[2]!r} vs {en_heading[2]!r}"]
    if len(ko_outline) != len(en_outline):
        return [f"{name}: ko has {len(ko_outline)} headings, en has {len(en_outline)}"]
    return []


def problems(root: Path) -> list[str]:
    """Every broken rule across notebooks/src and the generated notebooks/ko and notebooks/en."""
    src_dir = root / "notebooks" / "src"
    sources = sorted(src_dir.glob("*.py"))
    found = []
    config = load_config(root)
    slugs = {p.stem for p in sources}
    for lang in LANGS:
        for orphan in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            if orphan.stem not in slugs:
                found.append(f"{orphan}: generated notebook has no source in {src_dir}")
    for source in sources:
        nb_src = read_source(source)
        found += [f"{source}: {problem}" for problem in pedagogy_problems(source.stem, nb_src, required=False)]
        generated = {}
        for lang in LANGS:
            path = root / "notebooks" / lang / f"{source.stem}.ipynb"
            if not path.exists():
                found.append(f"{path}: missing; run python -m course_utils.build notebooks {source.stem}")
                continue
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception as err:  # nbformat raises JSON, schema and decoding errors of many types
                found.append(f"{path}: cannot be read as a notebook ({type(err).__name__}); "
                             f"run python -m course_utils.build notebooks {source.stem}")
                continue
            expected = cell_signature(for_language(nb_src, lang, source.name, config))
            actual = cell_signature(nb)
            if expected != actual:
                index = next((i for i, (e, a) in enumerate(zip(expected, actual)) if e != a), min(len(expected), len(actual)))
                found.append(
                    f"{path}: cell {index + 1}: stale against {source} (first difference here); "
                    f"run python -m course_utils.build notebooks {source.stem}"
                )
            found += notebook_problems(path, nb, lang)
            generated[lang] = nb
        if len(generated) == 2:
            if _shared_code(generated["ko"]) != _shared_code(generated["en"]):
                found.append(f"{source.stem}: the ko and en notebooks run different shared code cells")
            found += outline_problems(source.stem, generated["ko"], generated["en"])
    return found

"""python -m course_utils.build notebooks [LESSON ...] | check | words | slides [LESSON ...] | site [LESSON ...]"""

import argparse
import sys
import time
from pathlib import Path

import nbformat

from course_utils.build.assets import AssetError
from course_utils.build.check import notebook_problems, problems
from course_utils.build.config import ConfigError, load_config
from course_utils.build.execute import ExecutionError, execute
from course_utils.build.pedagogy import MAIN_LINE_WORDS, word_count
from course_utils.build.publish import PublishError
from course_utils.build.source import SourceError, describe, for_language, lang_of, read_source
from course_utils.build.site import build_site
from course_utils.build.slides import build_slides
from course_utils.i18n import LANGS


class UsageError(ValueError):
    """The command line names something that does not exist."""


def find_root(start: Path) -> Path:
    """The course repository containing start (the folder that holds notebooks/src)."""
    for folder in (start, *start.parents):
        if (folder / "notebooks" / "src").is_dir():
            return folder
    raise UsageError(f"no notebooks/src above {start}; run this inside the course repository")


def select_sources(root: Path, names: list[str]) -> list[Path]:
    """Sources for the given lesson names (full slug or its number, e.g. 01); all when none given."""
    sources = sorted((root / "notebooks" / "src").glob("*.py"))
    if not names:
        return sources
    chosen = []
    for name in names:
        stem = Path(name).stem
        matches = [s for s in sources if s.stem == stem or s.stem.split("_", 1)[0] == stem]
        if not matches:
            known = ", ".join(s.stem for s in sources)
            raise UsageError(f"unknown lesson {name!r}; known lessons: {known}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


def in_source(source: Path, nb_src, generated, lang: str):
    """A function naming a cell of the generated notebook by its position in the source file (the generated
    notebook has the build's cells in front and lacks the other language's cells)."""
    positions = [i for i, cell in enumerate(nb_src.cells) if lang_of(cell) in (None, lang)]
    added = len(generated.cells) - len(positions)

    def where(index: int | None) -> str:
        if index is None or index < added:
            return f"{source} [{lang}]: " + ("a cell" if index is None else f"the build's own cell {index + 1}")
        position = positions[index - added]
        return f"{source}: {describe(position, nb_src.cells[position])} [{lang}]"

    return where


def build_lesson(root: Path, source: Path) -> None:
    """Generate and execute both languages; write them only if both pass the notebook rules.

    Raises SourceError (nothing written) for a source that is not a lesson, ExecutionError naming the
    failing cell by its position in the source file.
    """
    nb_src = read_source(source)
    config = load_config(root)
    results = {}
    for lang in LANGS:
        out_dir = root / "notebooks" / lang
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{source.stem}.ipynb"
        started = time.perf_counter()
        generated = for_language(nb_src, lang, source.name, config)
        where = in_source(source, nb_src, generated, lang)
        try:
            nb = execute(generated, cwd=out_dir, label=f"{source} [{lang}]")
        except ExecutionError as err:
            raise ExecutionError(f"{where(err.index)} failed; fix it and build again:\n{err.detail}") from None
        broken = notebook_problems(target, nb, lang, where)
        if broken:
            raise ExecutionError("\n".join(broken))
        results[target] = nb
        print(f"{target.relative_to(root)}: executed in {time.perf_counter() - started:.1f} s")
    for target, nb in results.items():
        tmp = target.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        tmp.replace(target)


def words_table(sources: list[Path]) -> str:
    """A plain-text table: per lesson and language, the words of the main line and of the deep dives."""
    header = f"{'lesson':32} " + " ".join(f"{lang + ' main':>8} {lang + ' deep':>8}" for lang in LANGS)
    rows = [header]
    for source in sources:
        nb_src = read_source(source)
        counts = [word_count(nb_src, lang) for lang in LANGS]
        over = any(c.main > MAIN_LINE_WORDS for c in counts)
        rows.append(f"{source.stem:32} " + " ".join(f"{c.main:8d} {c.deep_dive:8d}" for c in counts)
                    + ("  > " + str(MAIN_LINE_WORDS) if over else ""))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course_utils.build", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    nbs = sub.add_parser("notebooks", help="generate and execute notebooks/ko and notebooks/en from notebooks/src")
    nbs.add_argument("lessons", nargs="*", help="lesson slugs or numbers (default: all)")
    sub.add_parser("check", help="fail if a generated notebook is stale or breaks a rule")
    sub.add_parser("words", help="words of each lesson's main line and deep dives, per language")
    slides = sub.add_parser("slides", help="offline reveal.js decks of the executed notebooks in build/slides/{ko,en}")
    slides.add_argument("lessons", nargs="*", help="lesson slugs or numbers (default: all)")
    slides.add_argument("--pdf", action="store_true",
                        help="also print a PDF handout per deck and language (with and without speaker notes)")
    site = sub.add_parser("site", help="the bilingual static site of the executed notebooks in build/site")
    site.add_argument("lessons", nargs="*", help="lesson slugs or numbers (default: all)")
    args = parser.parse_args(argv)
    try:
        root = find_root(Path.cwd())
        if args.command == "notebooks":
            for source in select_sources(root, args.lessons):
                build_lesson(root, source)
            return 0
        if args.command == "words":
            print(words_table(select_sources(root, [])))
            return 0
        if args.command in ("slides", "site"):
            build = build_slides if args.command == "slides" else build_site
            options = {"pdf": True} if getattr(args, "pdf", False) else {}
            started = time.perf_counter()
            out = build(root, [s.stem for s in select_sources(root, args.lessons)], root / "build" / args.command,
                        **options)
            print(f"{out.relative_to(root)}: built in {time.perf_counter() - started:.1f} s")
            return 0
        found = problems(root)
        for line in found:
            print(line)
        print(f"{len(found)} problem(s) found" if found else "all notebooks are up to date and follow the rules")
        return 1 if found else 0
    except (UsageError, SourceError, ExecutionError, ConfigError, AssetError, PublishError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

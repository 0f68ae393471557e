"""Files of the slide build: the executed notebooks it reads, the folder it writes, its offline check.

(The slides' own copy of what they once shared with the site build, so either can change on its own.)
"""

import html
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from course_utils.build.offline import tree_problems
from course_utils.i18n import LANGS
from course_utils.lessons import by_slug

__all__ = ["Deck", "PublishError", "decks", "lesson_label", "link_lessons", "escape", "staged", "write", "verify"]

NOTEBOOK_LINK = re.compile(
    r'<a(?P<before>\s[^>]*?)?\shref="(?P<slug>[\w-]+)\.ipynb(?P<fragment>#[^"]*)?"(?P<after>[^>]*)>(?P<text>.*?)</a>', re.S
)

try:  # the site build raises the same error; one class lets the command line catch both
    from course_utils.build.pages import PublishError
except ImportError:  # pragma: no cover - the site build moved on
    class PublishError(RuntimeError):
        """A built page loads something remote or links to something that is not there."""


@dataclass(frozen=True)
class Deck:
    """One lesson: its executed notebook in every language that has one."""

    slug: str
    notebooks: dict

    @property
    def html_name(self) -> str:
        return f"{self.slug}.html"


def decks(root: Path, slugs: list[str]) -> list[Deck]:
    """Lessons in course order whose executed notebooks exist in every course language."""
    found = []
    for slug in sorted(slugs):
        paths = {lang: root / "notebooks" / lang / f"{slug}.ipynb" for lang in LANGS}
        if all(p.exists() for p in paths.values()):
            found.append(Deck(slug, paths))
    return found


def lesson_label(slug: str, lang: str) -> str:
    """'01. Why upsampling?' (the number and the course map's title; the slug when the map lacks it)."""
    try:
        return f"{slug[:2]}. {by_slug(slug).title(lang)}"
    except KeyError:
        return slug


def link_lessons(body: str, built: set[str]) -> str:
    """Links between lessons point at the built .html deck; a link to a lesson not built becomes its text."""

    def repl(found: re.Match) -> str:
        if found["slug"] not in built:
            return found["text"]
        href = f'href="{found["slug"]}.html{found["fragment"] or ""}"'
        return f'<a{found["before"] or ""} {href}{found["after"]}>{found["text"]}</a>'

    return NOTEBOOK_LINK.sub(repl, body)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


@contextmanager
def staged(out: Path):
    """Yield an empty folder beside out; when the block succeeds it replaces out, when it fails out is untouched."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        yield staging
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            out.rename(old / out.name)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def verify(out: Path) -> None:
    """Raise PublishError listing every remote load and unresolved local reference under out."""
    found = tree_problems(out)
    if found:
        raise PublishError(f"{out} must work offline, but:\n" + "\n".join(found))

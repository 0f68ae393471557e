"""What the site and the slide builds share: lesson labels, links between lessons, writing a build folder only
when it succeeds, and the offline check of what was written."""

import html
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from course_utils.build.offline import tree_problems
from course_utils.lessons import by_slug

__all__ = ["NOTEBOOK_LINK", "PublishError", "escape", "lesson_label", "link_lessons", "staged", "verify", "write"]

NOTEBOOK_LINK = re.compile(
    r'<a(?P<before>\s[^>]*?)?\shref="(?P<slug>[\w-]+)\.ipynb(?P<fragment>#[^"]*)?"(?P<after>[^>]*)>(?P<text>.*?)</a>', re.S
)


class PublishError(RuntimeError):
    """A built page loads something remote or links to something that is not there."""


def lesson_label(slug: str, lang: str) -> str:
    """'01. Why upsampling?' (the number and the course map's title; the slug when the map lacks it)."""
    try:
        return f"{slug[:2]}. {by_slug(slug).title(lang)}"
    except KeyError:
        return slug


def link_lessons(body: str, built: set[str]) -> str:
    """Links between lessons point at the built .html page; a link to a lesson not built becomes its text."""

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

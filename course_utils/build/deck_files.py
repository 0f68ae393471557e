"""The executed notebooks the slide build reads, one deck per lesson."""

from dataclasses import dataclass
from pathlib import Path

from course_utils.i18n import LANGS

__all__ = ["Deck", "decks"]


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

"""The course map: every lesson's slug and title in both languages, in teaching order."""

from dataclasses import dataclass
from pathlib import Path

from course_utils.i18n import message

__all__ = ["Lesson", "LESSONS", "by_slug", "markdown_table"]


@dataclass(frozen=True)
class Lesson:
    slug: str
    ko: str
    en: str

    def title(self, lang: str) -> str:
        return {"ko": self.ko, "en": self.en}[lang]


LESSONS = (
    Lesson("00_course_map", "코스 안내", "Course map"),
    Lesson("01_why_upsampling", "왜 업샘플링이 필요한가", "Why upsampling?"),
    Lesson("02_how_it_works", "동작 원리", "How it works"),
    Lesson("03_output_size", "출력 크기 계산", "Output size"),
    Lesson("04_checkerboard", "체커보드 아티팩트와 세 가지 해결책", "Checkerboard artifacts and three fixes"),
    Lesson("05_three_methods", "세 가지 업샘플링 방법 비교", "The three methods compared"),
    Lesson("06_unet_decoder", "실전: U-Net 디코더", "In practice: the U-Net decoder"),
    Lesson("07_dcgan_generator", "실전: DCGAN 생성자", "In practice: the DCGAN generator"),
    Lesson("08_connections", "딥러닝 속 연결고리와 복습", "Connections and review"),
    Lesson("09_super_resolution_lab", "초해상도 실험실", "Super-resolution lab"),
    Lesson("10_interpolation_and_init", "보간, 초기화, 주파수로 다시 보기", "Interpolation, initialization and the frequency view"),
    Lesson("11_beyond_2d_and_unpooling", "2-D 너머와 언풀링", "Beyond 2-D, and unpooling"),
)


def by_slug(slug: str) -> Lesson:
    """The lesson with this slug (KeyError names the known slugs)."""
    for lesson in LESSONS:
        if lesson.slug == slug:
            return lesson
    raise KeyError(f"unknown lesson {slug!r}; known lessons: {', '.join(l.slug for l in LESSONS)}")


def markdown_table(lang: str, folder: Path = Path(".")) -> str:
    """The lesson list as Markdown: a link where folder holds the notebook, 'coming' otherwise."""
    coming = message("lessons.coming", lang)
    header = f"| {message('lessons.number', lang)} | {message('lessons.lesson', lang)} |\n|---|---|"
    rows = []
    for lesson in LESSONS:
        number, title = lesson.slug[:2], lesson.title(lang)
        notebook = folder / f"{lesson.slug}.ipynb"
        rows.append(f"| {number} | [{title}]({notebook.name}) |" if notebook.exists() else f"| {number} | {title} ({coming}) |")
    return "\n".join([header, *rows])

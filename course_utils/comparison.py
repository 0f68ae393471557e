"""The upsampling-methods comparison table, rebuilt from measured values, in the learner's language."""

from dataclasses import dataclass

from course_utils.i18n import check_lang, message
from course_utils.metrics import strength_verdict

__all__ = ["Measured", "markdown_table", "USES"]

USES = ("transposed", "resize", "sub_pixel", "sub_pixel_icnr")


@dataclass(frozen=True)
class Measured:
    """One method's measured values: checkerboard strength at initialization, multiply-adds, parameters, CPU seconds."""

    name: str
    strength: float
    macs: int
    params: int
    seconds: tuple[float, ...]
    use: str

    def __post_init__(self):
        if self.use not in USES:
            raise ValueError(f"use must be one of {USES}, got {self.use!r}")


def _speed(seconds: float, fastest: float, lang: str) -> str:
    ratio = seconds / fastest
    if ratio < 1.05:
        word = message("comparison.fastest", lang)
    else:
        word = message("comparison.slower", lang, ratio=f"{ratio:.2f}")
    return f"{seconds * 1e3:.1f} ms ({word})"


def markdown_table(rows: list[Measured], sizes: list[str], lang: str) -> str:
    """Columns: method, checkerboard at init, multiply-adds, parameters, CPU time per size, quality, typical use."""
    check_lang(lang)
    if not rows or any(len(r.seconds) != len(sizes) for r in rows):
        raise ValueError("every row needs one CPU time per size, and there must be at least one row")
    fewest = min(r.macs for r in rows)
    fastest = [min(r.seconds[i] for r in rows) for i in range(len(sizes))]
    header = [message("comparison.method", lang), message("comparison.checkerboard", lang),
              message("comparison.macs", lang, size=sizes[0]), message("comparison.params", lang),
              *[message("comparison.cpu_time", lang, size=size) for size in sizes],
              message("comparison.quality", lang), message("comparison.use", lang)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        cells = [r.name, f"{strength_verdict(r.strength, lang)} ({r.strength:.3f})",
                 f"{r.macs / 1e6:.1f} M (×{r.macs / fewest:.2f})", f"{r.params:,}",
                 *[_speed(s, f, lang) for s, f in zip(r.seconds, fastest)],
                 message("comparison.quality_not_measured", lang), message(f"comparison.use.{r.use}", lang)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)

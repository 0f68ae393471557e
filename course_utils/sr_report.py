"""The super-resolution lab's results as aligned text tables, headers in the learner's language (lesson 09)."""

import unicodedata
from dataclasses import dataclass

from course_utils.i18n import check_lang, message
from course_utils.metrics import strength_verdict

__all__ = ["Result", "display_width", "text_table", "results_table"]


@dataclass(frozen=True)
class Result:
    """One model on the held-out images: mean PSNR (dB) and SSIM, and checkerboard strengths on a flat image."""

    name: str
    params: int
    psnr: float
    ssim: float
    strength_init: float
    strength_trained: float


def display_width(text: str) -> int:
    """Columns a monospaced font gives the text: wide East Asian characters (Hangul) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded to the widest cell (by display width): the first left-aligned, the others right-aligned.

    ValueError for an empty header, a row of another length or a cell that is not a string.
    """
    if not header or any(len(row) != len(header) for row in rows):
        raise ValueError(f"the header needs at least one cell and every row {len(header)} cells")
    if not all(isinstance(cell, str) for row in [header, *rows] for cell in row):
        raise ValueError("every cell of a text table must be a string")
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        padded = [c + " " * (w - display_width(c)) if i == 0 else " " * (w - display_width(c)) + c
                  for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def _strength(value: float, lang: str) -> str:
    return f"{value:.3f} {strength_verdict(value, lang)}"


def results_table(baseline: Result, rows: list[Result], lang: str) -> str:
    """Model, parameters, PSNR, gain over the baseline, SSIM, checkerboard at initialization and after training."""
    check_lang(lang)
    header = [message(f"sr_report.{key}", lang)
              for key in ("model", "params", "psnr", "gain", "ssim", "strength_init", "strength_trained")]
    cells = []
    for r in [baseline, *rows]:
        cells.append([r.name, f"{r.params:,}", f"{r.psnr:.2f}", f"{r.psnr - baseline.psnr:+.2f}", f"{r.ssim:.3f}",
                      _strength(r.strength_init, lang), _strength(r.strength_trained, lang)])
    return text_table(header, cells)

"""English left in what a Korean notebook prints: words outside the allow-list of identifiers and units."""

import re
import tomllib
from functools import cache
from importlib import resources

__all__ = ["allowed_words", "english_words", "text_outputs"]

WORD = re.compile(r"[A-Za-z]+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CODE_BEFORE = set("_.=/:[(~'\"")
OPERATORS = set("=<>!+*/@×")
CODE_AFTER = set("_(=[:.)")


@cache
def allowed_words() -> frozenset[str]:
    """Lower-case words of course_utils/data/output_words.toml (identifiers and units)."""
    text = resources.files("course_utils").joinpath("data/output_words.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return frozenset(word.lower() for group in ("identifiers", "units") for word in data[group])


def _is_code(text: str, start: int, end: int, word: str) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    operator_near = text[:start].rstrip(" ")[-1:] in OPERATORS or text[end:].lstrip(" ")[:1] in OPERATORS
    return (len(word) < 2 or operator_near or before in CODE_BEFORE or after in CODE_AFTER or before.isdigit() or after.isdigit()
            or HANGUL.match(after) is not None or any(c.isupper() for c in word[1:]))


CODE_SPAN = re.compile(r"`[^`\n]*`")


def english_words(text: str) -> list[str]:
    """The words of text that read as English prose: Latin letters, not code-like, not allowed.

    Code-like: a single letter, glued to code punctuation or digits (x.grad, k=3, conv2d, aten::mul, 'uniform',
    close(a, b), label:), next to an operator (counts == x, useful = 4), followed by a Korean particle
    (forward의), or
    written in camel or upper case (PixelShuffle, ConvT, PSNR), or inside `backticks`, which mark code.
    """
    text = CODE_SPAN.sub(lambda span: " " * len(span[0]), text)
    return [m[0] for m in WORD.finditer(text)
            if not _is_code(text, m.start(), m.end(), m[0]) and m[0].lower() not in allowed_words()]


def text_outputs(cell) -> str:
    """The text a code cell shows: stdout and plain-text results (not images, HTML or widgets; stderr is an error anyway)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stdout":
            parts.append(out.get("text", ""))
        elif "text/plain" in out.get("data", {}) and not any(
                kind.startswith(("image/", "text/html", "application/vnd.jupyter.widget")) for kind in out["data"]):
            parts.append(out["data"]["text/plain"])
    return "".join(parts)

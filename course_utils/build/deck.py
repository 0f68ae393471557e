"""Plan the slides of one lesson from its executed notebooks in every language at once.

A notebook cell is not a slide. Headings ('#' to '###') open slides; a prose cell shows the first sentence of
each paragraph (and of each list item) on the slide and its full text in the speaker notes; code is cleaned of
test markers and split across slides when long; long outputs keep what they are about (excerpt). Every layout decision is made
on the tallest language, so the decks of a lesson have the same slides in the same order.
"""

import base64
import io
import re
import struct
import unicodedata
from dataclasses import dataclass, field

from course_utils.build.source import NOTES_TAG, SLIDES_OUTPUT_ONLY_TAG

__all__ = ["Block", "Slide", "plan", "summary", "clean_code", "excerpt", "text_cells", "CODE_COLUMNS", "MARKER_LINE"]

# Slide geometry in CSS pixels of the 1280×720 slide (course_utils/build/slides_static/slides.css).
WIDTH = 1216
HEIGHT = 572  # below the title, above the slide number
GAP = 10  # between blocks
BODY_PX, BODY_LINE = 30, 1.3
TITLE_PX = 40
CODE_PX, CODE_LINE = 23, 1.25
TITLE_ONLY = 8  # slides of a deck that carry nothing but their heading still count as content
MIN_FIGURE = 330
# A figure is shown at least this large: its smallest label ≥ 18 px on a 1280×720 screen (the slide is scaled by
# 1/1.02 there for reveal.js's margin), with a little room for the planner's estimates.
FIGURE_TEXT = 19.0
PART_PAD = 5  # pixels kept around a part of a figure shown on a slide of its own (less toward a neighbour)
# Lines the audience should not see: test markers and the reasons written for reviewers.
MARKER_LINE = re.compile(r"^\s*#\s*(NBVAL_[A-Z_]+|reason:|x86-digits:)")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "cf.", "etc.", "Fig.", "al.", "approx.", "No.")


@dataclass
class Block:
    """One thing on a slide: kind is prose, code, text (output), error, image, html or markdown (output);
    content maps each language to what is shown (the same for shared code); height is in slide pixels."""

    kind: str
    content: dict
    height: float
    note: dict = field(default_factory=dict)
    cont: str = ""  # "more" when code or output continues on the next slide


@dataclass
class Slide:
    """A slide: its title per language, level (1 title slide, 2 section, 3 subsection, 0 continuation), blocks
    and speaker notes (markdown per language)."""

    title: dict
    level: int
    blocks: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)
    heading_px: float = 0.0  # what a title longer than one line takes from the space below it

    def used(self) -> float:
        return self.heading_px + sum(b.height + GAP for b in self.blocks)


CODE_COLUMNS = int((WIDTH - 32) / (CODE_PX * 0.602)) - 1  # monospace cells on one line of a code block


def text_cells(text: str) -> float:
    """Width of text in monospace cells (a Korean syllable is about 1.7 cells)."""
    return sum(1.7 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _ems(text: str) -> float:
    """Rough width of proportional text in ems (Korean syllables are one em, Latin about half)."""
    text = re.sub(r"\$[^$]*\$", "xxxxxx", text)
    text = re.sub(r"[*`]|\]\([^)]*\)|\[", "", text)
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.52 for ch in text)


def _prose_rows(text: str, indent_em: float = 0.0) -> int:
    per_line = WIDTH / BODY_PX - indent_em
    return max(1, -(-int(_ems(text) * 1.12) // int(per_line)))


def _code_rows(line: str) -> int:
    per_line = CODE_COLUMNS - 2
    return max(1, -(-int(text_cells(line)) // per_line))


def clean_code(source: str) -> list[str]:
    """The code's lines without test-marker comment lines and without blank lines at either end."""
    lines = [line for line in source.splitlines() if not MARKER_LINE.match(line)]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _mask(text: str) -> str:
    """text with math, code spans and link targets replaced by same-length filler, so punctuation inside
    them does not end a sentence."""
    for pattern in (r"\$\$.*?\$\$", r"\$[^$]*\$", r"`[^`]*`", r"\]\([^)]*\)"):
        text = re.sub(pattern, lambda m: "x" * len(m.group()), text, flags=re.S)
    return text


def summary(paragraph: str) -> str:
    """The first sentence of a paragraph (the whole paragraph when it is one sentence).

    A sentence ends at '.', '!', '?' or ':' followed by a space, outside math, code and parentheses, and not
    after a common abbreviation.
    """
    flat = " ".join(line.strip() for line in paragraph.splitlines())
    masked = _mask(flat)
    depth = 0
    for i, ch in enumerate(masked):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ".!?:" and depth == 0 and i + 1 < len(masked) and masked[i + 1] == " ":
            end = i + 1
            while end < len(masked) and masked[end] in "*_":
                end += 1
            head = flat[:end]
            if any(head.endswith(a) for a in ABBREVIATIONS) or re.search(r"(^|\s)\d+\.$", head):
                continue
            if head.count("**") % 2 or head.count("`") % 2:
                continue
            if ch == ":" and len(head) < 25:
                continue
            rest = flat[end:].strip()
            return head if rest else flat
    return flat


# ---------------------------------------------------------------- markdown cells into parts

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")


def _parts(source: str) -> list[tuple[str, str]]:
    """A markdown cell as (kind, text) parts: heading (text with its '#'s), para, list, table, math, fence."""
    parts, lines, i = [], source.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if HEADING.match(line):
            parts.append(("heading", line))
            i += 1
            continue
        if line.lstrip().startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].lstrip().startswith("```"):
                j += 1
            parts.append(("fence", "\n".join(lines[i:j + 1])))
            i = j + 1
            continue
        if line.strip().startswith("$$"):
            j = i
            while j < len(lines) and not (lines[j].strip().endswith("$$") and (j > i or lines[j].strip() != "$$")):
                j += 1
            parts.append(("math", "\n".join(lines[i:j + 1])))
            i = j + 1
            continue
        kind = "table" if line.lstrip().startswith("|") else "list" if LIST_ITEM.match(line) else "para"
        j = i
        while j < len(lines) and lines[j].strip() and not HEADING.match(lines[j]):
            if kind == "para" and j > i and (LIST_ITEM.match(lines[j]) or lines[j].lstrip().startswith(("|", "$$"))):
                break
            j += 1
        parts.append((kind, "\n".join(lines[i:j])))
        i = j
    return parts


def _list_items(text: str) -> list[tuple[str, str]]:
    """(marker, item text) of the top-level items of a markdown list."""
    items = []
    for line in text.splitlines():
        found = LIST_ITEM.match(line)
        if found and not found.group(1):
            items.append([found.group(2), line[found.end():]])
        elif items:
            items[-1][1] += " " + line.strip()
    return [tuple(item) for item in items]


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            continue
        rows.append(cells)
    return rows


def _shorten(text: str, limit: int = 60) -> str:
    short = summary(text)
    if _ems(short) > limit * 0.52:
        words, out = short.split(" "), ""
        for word in words:
            if _ems(out + " " + word) > limit * 0.52:
                return out.strip() + " …"
            out += " " + word
    return short


def _table_shown(rows: list[list[str]]) -> list[list[str]]:
    """Table cells cut to their first sentence, shorter the more columns share the slide's width."""
    ncols = max(len(r) for r in rows)
    return [[_shorten(c, 36 if ncols > 3 else 64 if ncols == 3 else 90) for c in r] for r in rows]


def _table_height(rows: list[list[str]]) -> float:
    ncols = max(len(r) for r in rows)
    col = WIDTH / ncols / (CODE_PX * 0.55)
    return sum(max(-(-int(text_cells(c) * 0.95) // max(1, int(col - 1))) for c in r) * CODE_PX * 1.3 + 10
               for r in rows) + 10


def _part_block(kind: str, texts: dict) -> Block:
    """The slide version of one part of a prose cell (per language), its height and its full text for notes."""
    shown, heights = {}, []
    for lang, text in texts.items():
        if kind == "para":
            shown[lang] = summary(text)
            heights.append(_prose_rows(shown[lang]) * BODY_PX * BODY_LINE + 0.4 * BODY_PX)
        elif kind == "list":
            items = [(m, summary(t)) for m, t in _list_items(text)]
            shown[lang] = "\n".join(f"{m} {t}" for m, t in items)
            heights.append(sum(_prose_rows(t, 1.6) for _, t in items) * BODY_PX * BODY_LINE + 0.4 * BODY_PX)
        elif kind == "table":
            shown[lang] = _table_shown(_table_rows(text))
            heights.append(_table_height(shown[lang]))
        elif kind == "math":
            shown[lang] = text
            heights.append(70 * max(1, text.count("\\\\") + 1))
        else:  # a fenced code block
            shown[lang] = text
            heights.append((len(text.splitlines()) - 1) * CODE_PX * CODE_LINE + 20)
    return Block("prose" if kind != "table" else "table", shown, max(heights), note=dict(texts))


# ---------------------------------------------------------------- outputs

def _output_blocks(outputs_by_lang: dict) -> list[Block]:
    """The slide blocks of a code cell's outputs (aligned across languages: the outputs come from the same code)."""
    langs = list(outputs_by_lang)
    first = outputs_by_lang[langs[0]]
    blocks, text = [], {lang: [] for lang in langs}

    def flush():
        if any(text[lang] for lang in langs):
            joined = {lang: "".join(text[lang]) for lang in langs}
            blocks.append(Block("text", joined, 0))
            for lang in langs:
                text[lang] = []

    for index, output in enumerate(first):
        per = {lang: outputs_by_lang[lang][index] if index < len(outputs_by_lang[lang]) else output for lang in langs}
        if output.output_type == "stream":
            for lang in langs:
                text[lang].append(per[lang].text)
            continue
        if output.output_type == "error":
            flush()
            shown = {}
            for lang in langs:
                value = (per[lang].evalue or "").strip().splitlines()
                shown[lang] = f"{per[lang].ename}: {value[0] if value else ''}".strip()
            blocks.append(Block("error", shown, 0))
            continue
        data = output.get("data", {})
        if WIDGET_VIEW in data:
            continue  # a live widget: its printed result follows in the lesson, never its repr
        flush()
        if "image/png" in data:
            parts = {lang: _figures(per[lang]) for lang in langs}
            if len({len(p) for p in parts.values()}) != 1:  # drawn differently: each language's whole figure
                parts = {lang: [_figure(per[lang])] for lang in langs}
            for index in range(len(parts[langs[0]])):
                blocks.append(Block("image", {lang: parts[lang][index] for lang in langs}, MIN_FIGURE))
        elif "text/markdown" in data:
            for lang in langs:
                text[lang] = []
            blocks.append(Block("markdown", {lang: per[lang].data["text/markdown"] for lang in langs}, 0))
        elif "text/html" in data:
            blocks.append(Block("html", {lang: per[lang].data["text/html"] for lang in langs}, 0))
        elif "text/plain" in data:
            for lang in langs:
                text[lang].append(per[lang].data["text/plain"] + "\n")
    flush()
    return blocks


def _figure(output) -> dict:
    """A PNG output as {png (base64), width, height (its natural 1x size in CSS pixels), text_px (its smallest
    font at that size, None when the notebook did not record it)}."""
    png = output.data["image/png"]
    meta = output.get("metadata", {}).get("image/png", {})
    width, height = meta.get("width"), meta.get("height")
    if not (width and height):
        header = base64.b64decode(png[:64])[16:24]  # the PNG's IHDR: width and height, big-endian
        width, height = struct.unpack(">II", header)
    return {"png": png.strip(), "width": int(width), "height": int(height), "text_px": meta.get("min_text_px")}


def _figures(output) -> list[dict]:
    """The figure of a PNG output as _figure describes it, or, when the notebook recorded parts to show one slide
    each (metadata image/png slide_parts, course_utils.diagrams.text_size), those parts cut out of the PNG."""
    whole = _figure(output)
    boxes = output.get("metadata", {}).get("image/png", {}).get("slide_parts") or []
    if not boxes:
        return [whole]
    from PIL import Image

    picture = Image.open(io.BytesIO(base64.b64decode(whole["png"])))
    scale = picture.width / whole["width"]  # 2 for the hi-DPI PNGs notebook.setup draws
    parts = []
    for left, top, right, bottom in _margins(boxes, whole["width"], whole["height"]):
        piece = picture.crop((round(left * scale), round(top * scale), round(right * scale), round(bottom * scale)))
        buffer = io.BytesIO()
        piece.save(buffer, format="PNG", optimize=True)
        parts.append({"png": base64.b64encode(buffer.getvalue()).decode("ascii"), "width": right - left,
                      "height": bottom - top, "text_px": whole["text_px"]})
    return parts


def _margins(boxes: list, width: int, height: int) -> list[tuple[int, int, int, int]]:
    """Each box [left, top, right, bottom] grown by PART_PAD on every side, but only halfway to a neighbouring
    box on that side (so a crop never shows a sliver of the next panel), and kept inside width × height."""
    grown = []
    for left, top, right, bottom in boxes:
        across = [b for b in boxes if b[0] < right and b[2] > left]  # boxes above or below this one
        along = [b for b in boxes if b[1] < bottom and b[3] > top]  # boxes left or right of it
        top -= min([PART_PAD, *((top - b[3]) / 2 for b in across if b[3] <= top)])
        bottom += min([PART_PAD, *((b[1] - bottom) / 2 for b in across if b[1] >= bottom)])
        left -= min([PART_PAD, *((left - b[2]) / 2 for b in along if b[2] <= left)])
        right += min([PART_PAD, *((b[0] - right) / 2 for b in along if b[0] >= right)])
        grown.append((max(0, int(left)), max(0, int(top)), min(width, int(right + 0.5)), min(height, int(bottom + 0.5))))
    return grown


def _text_rows(text: str) -> list[int]:
    return [_code_rows(line) for line in text.rstrip("\n").splitlines()]


# ---------------------------------------------------------------- the plan

class _Planner:
    def __init__(self, langs: list[str]):
        self.langs = langs
        self.slides: list[Slide] = []
        self.section = {lang: "" for lang in langs}
        self.pending_notes = {lang: [] for lang in langs}
        self.last_prose = {lang: "" for lang in langs}

    def open(self, title: dict, level: int) -> Slide:
        slide = Slide(dict(title), level, notes={lang: list(self.pending_notes[lang]) for lang in self.langs},
                      heading_px=self.heading_px(title))
        self.pending_notes = {lang: [] for lang in self.langs}
        self.slides.append(slide)
        return slide

    @staticmethod
    def heading_px(title: dict) -> float:
        """The height a title takes beyond its first line, in the longest language."""
        rows = max((-(-int(_ems(t) * TITLE_PX * 1.08 + 70) // WIDTH) for t in title.values()), default=1)
        return (max(1, rows) - 1) * TITLE_PX * 1.2

    def current(self) -> Slide:
        return self.slides[-1] if self.slides else self.open(self.section, 0)

    def room(self, height: float) -> Slide:
        """The current slide if height fits on it, else a continuation slide of the same section."""
        slide = self.current()
        if slide.used() + height + GAP > HEIGHT and slide.blocks:
            slide = self.open(self.section, 0)
        return slide

    def heading(self, texts: dict) -> None:
        level = min(len(HEADING.match(t).group(1)) for t in texts.values())
        titles = {lang: HEADING.match(t).group(2).strip() for lang, t in texts.items()}
        if level <= 3:
            self.section = titles
            self.open(titles, level)
        else:
            block = Block("prose", {lang: f"**{titles[lang]}**" for lang in self.langs}, BODY_PX * BODY_LINE * 1.2)
            self.room(block.height + 3 * BODY_PX * BODY_LINE).blocks.append(block)  # with what follows it

    def prose(self, cells: dict) -> None:
        parts = {lang: _parts(cells[lang].source) for lang in self.langs}
        counts = {len(p) for p in parts.values()}
        if len(counts) != 1 or len({tuple(k for k, _ in p) for p in parts.values()}) != 1:
            # the languages disagree on the cell's structure: one block of first sentences
            texts = {lang: " ".join(t for k, t in parts[lang] if k != "heading") for lang in self.langs}
            parts = {lang: [("para", texts[lang])] for lang in self.langs}
        for index in range(len(parts[self.langs[0]])):
            kind = parts[self.langs[0]][index][0]
            texts = {lang: parts[lang][index][1] for lang in self.langs}
            if kind == "heading":
                self.heading(texts)
                continue
            if kind == "table":
                self.table(texts)
                for lang in self.langs:
                    self.last_prose[lang] = texts[lang]
                continue
            block = _part_block(kind, texts)
            slide = self.room(block.height)
            slide.blocks.append(block)
            for lang in self.langs:
                slide.notes[lang].append(texts[lang])
                self.last_prose[lang] = texts[lang]

    def table(self, texts: dict, notes: bool = True) -> None:
        """A markdown table per language: at most five columns a slide (the first column repeated), and as many
        rows as fit, the header repeated on every slide it continues on."""
        rows = {lang: _table_rows(texts[lang]) for lang in self.langs}
        ncols = max(len(r) for r in rows[self.langs[0]])
        groups = [list(range(ncols))] if ncols <= 5 else [[0, *range(i, min(i + 4, ncols))] for i in range(1, ncols, 4)]
        limit = HEIGHT - 40 - self.heading_px(self.section)
        for cols in groups:
            sub = {lang: [[r[c] if c < len(r) else "" for c in cols] for r in rows[lang]] for lang in self.langs}
            body_rows = len(sub[self.langs[0]]) - 1
            start = 1
            while start <= body_rows:
                end = start + 1
                while end <= body_rows and self._table_px(sub, start, end + 1) <= limit:
                    end += 1
                shown = {lang: _table_shown([sub[lang][0], *sub[lang][start:end]]) for lang in self.langs}
                height = self._table_px(sub, start, end)
                slide = self.room(height)
                slide.blocks.append(Block("table", shown, height))
                for lang in self.langs:
                    if notes:
                        slide.notes[lang].append(texts[lang])
                    elif not slide.notes[lang] and self.last_prose[lang]:
                        slide.notes[lang].append(self.last_prose[lang])
                start = end

    def _table_px(self, sub: dict, start: int, end: int) -> float:
        return max(_table_height(_table_shown([sub[lang][0], *sub[lang][start:end]])) for lang in self.langs)

    def notes(self, cells: dict) -> None:
        target = self.slides[-1].notes if self.slides else self.pending_notes
        for lang in self.langs:
            target[lang].append(cells[lang].source)

    def code(self, cells: dict, show_code: bool) -> None:
        first = cells[self.langs[0]]
        lines = clean_code(first.source) if show_code else []
        outputs = _output_blocks({lang: cells[lang].get("outputs", []) for lang in self.langs})
        for block in outputs:
            if block.kind in ("text", "error"):
                rows = max(sum(_text_rows(block.content[lang])) for lang in self.langs)
                block.height = rows * CODE_PX * CODE_LINE + 24
            elif block.kind in ("markdown", "html"):
                block.height = HEIGHT  # a table the lesson prints: a slide of its own
        code_rows = [_code_rows(line) for line in lines]
        chunks = self._chunks(lines, code_rows)
        for index, (chunk, height) in enumerate(chunks):
            block = Block("code", {lang: "\n".join(chunk) for lang in self.langs}, height + 24,
                          cont="more" if index + 1 < len(chunks) else "")
            slide = self.room(block.height)
            slide.blocks.append(block)
            self._code_notes(slide)
        for block in outputs:
            self._place_output(block)

    def _code_notes(self, slide: Slide) -> None:
        for lang in self.langs:
            if not slide.notes[lang] and self.last_prose[lang]:
                slide.notes[lang].append(self.last_prose[lang])

    def _chunks(self, lines: list[str], rows: list[int]) -> list[tuple[list[str], float]]:
        """Code split at blank lines (else anywhere) into pieces that fit a slide under its title."""
        line_px = CODE_PX * CODE_LINE
        limit = HEIGHT - 40 - self.heading_px(self.section)
        if sum(rows) * line_px <= limit:
            return [(lines, sum(rows) * line_px)] if lines else []
        chunks, start = [], 0
        while start < len(lines):
            end, used, best = start, 0.0, None
            while end < len(lines) and used + rows[end] * line_px <= limit:
                used += rows[end] * line_px
                end += 1
                if end < len(lines) and not lines[end].strip() and not lines[end - 1].startswith((" ", "\t")):
                    best = end
                elif end < len(lines) and not lines[end].strip():
                    best = best if best and best > start + (end - start) // 2 else end
            if end < len(lines) and best and best > start + 3:
                end = best
            chunk = lines[start:end]
            while chunk and not chunk[-1].strip():
                chunk.pop()
            chunks.append((chunk, sum(rows[start:start + len(chunk)]) * line_px))
            start = end
            while start < len(lines) and not lines[start].strip():
                start += 1
        return chunks

    def _place_output(self, block: Block) -> None:
        if block.kind == "markdown" and all(t.lstrip().startswith("|") for t in block.content.values()):
            self.table(block.content, notes=False)
            return
        if block.kind == "image":
            block.height = self._figure_height(block)
            slide = self.current()
            if slide.used() + block.height + GAP > HEIGHT or any(b.kind == "image" for b in slide.blocks):
                slide = self.open(self.section, 0)
                self._code_notes(slide)
            slide.blocks.append(block)
            return
        if block.kind in ("text", "error") and block.height > HEIGHT - 40 - self.heading_px(self.section):
            self._trim(block)
        slide = self.room(block.height)
        if not slide.blocks:
            self._code_notes(slide)
        slide.blocks.append(block)

    def _figure_height(self, block: Block) -> float:
        """The height a figure needs on the slide for its smallest label to be FIGURE_TEXT slide pixels (the
        whole space under the title when even the slide's width is not enough), at least MIN_FIGURE."""
        room = HEIGHT - 40 - self.heading_px(self.section)
        need = MIN_FIGURE
        for figure in block.content.values():
            if not figure["text_px"]:
                continue
            scale = FIGURE_TEXT / figure["text_px"]
            need = max(need, room if scale * figure["width"] > WIDTH else scale * figure["height"])
        return min(need, room)

    def _trim(self, block: Block) -> None:
        """Cut an output taller than a slide down to what fits (excerpt says which lines stay)."""
        line_px = CODE_PX * CODE_LINE
        budget = int((HEIGHT - 40 - 24 - self.heading_px(self.section)) // line_px)
        for lang in self.langs:
            block.content[lang] = excerpt(block.content[lang], budget)
        block.height = max(sum(_text_rows(block.content[lang])) for lang in self.langs) * line_px + 24


# A line an output is about: a claim's verdict ("...: True"), a total.
KEY_LINE = re.compile(r":\s*(True|False)\s*$|^\s*total\b", re.I)
RULE_LINE = re.compile(r"^[\s\-=+|:]*-{3,}[\s\-=+|:]*$")


def excerpt(text: str, budget: int) -> str:
    """An output cut to at most budget slide rows, keeping what it is about: its first line (and the rule under
    a table's header), its claims' verdicts and totals (KEY_LINE), its last line (unless indented, the tail of a
    group), then as many lines from the top as still fit. Each run of lines left out becomes one line "⋯ (+N)"."""
    lines = text.rstrip("\n").splitlines()
    rows = [_code_rows(line) for line in lines]
    if sum(rows) <= budget:
        return text

    def cost(keep: set) -> int:
        gaps = sum(1 for i in range(len(lines)) if i not in keep and (i == 0 or i - 1 in keep))
        return sum(rows[i] for i in keep) + gaps

    last = [len(lines) - 1] if not lines[-1][:1].isspace() else []  # not the tail of an indented group
    must = [0, *([1] if len(lines) > 2 and RULE_LINE.match(lines[1]) else []), *last,
            *(i for i, line in enumerate(lines) if KEY_LINE.search(line))]
    keep: set = set()
    for index in dict.fromkeys(must):
        if cost(keep | {index}) <= budget:
            keep.add(index)
    for index in range(len(lines)):
        if index not in keep:
            if cost(keep | {index}) > budget:
                break
            keep.add(index)
    shown, left_out = [], 0
    for index, line in enumerate(lines):
        if index in keep:
            if left_out:
                shown.append(f"⋯ (+{left_out})")
            shown.append(line)
            left_out = 0
        else:
            left_out += 1
    if left_out:
        shown.append(f"⋯ (+{left_out})")
    return "\n".join(shown)


def plan(notebooks: dict) -> dict[str, list[Slide]]:
    """{lang: slides} of one lesson from its executed notebooks {lang: notebook}; the same slides in every
    language. ValueError when the notebooks do not have the same cells (regenerate them from the source)."""
    langs = list(notebooks)
    cells = {lang: notebooks[lang].cells for lang in langs}
    if len({len(c) for c in cells.values()}) != 1:
        raise ValueError("the notebooks of the lesson differ in their number of cells; regenerate them")
    planner = _Planner(langs)
    for index in range(len(cells[langs[0]])):
        pair = {lang: cells[lang][index] for lang in langs}
        first = pair[langs[0]]
        kinds = {c.cell_type for c in pair.values()}
        if len(kinds) != 1:
            raise ValueError(f"cell {index + 1} is markdown in one language and code in another; regenerate")
        tags = set(first.metadata.get("tags", []))
        slide_type = first.metadata.get("slideshow", {}).get("slide_type")
        if NOTES_TAG in tags:
            planner.notes(pair)
        elif slide_type == "skip" or not first.source.strip():
            continue
        elif first.cell_type == "markdown":
            planner.prose(pair)
        elif first.cell_type == "code":
            planner.code(pair, show_code=SLIDES_OUTPUT_ONLY_TAG not in tags)
    slides = [s for s in planner.slides if s.blocks or s.level in (1, 2, 3)]
    return {lang: [_in(slide, lang) for slide in slides] for lang in langs}


def _in(slide: Slide, lang: str) -> Slide:
    blocks = [Block(b.kind, b.content[lang], b.height, b.note.get(lang, ""), b.cont) for b in slide.blocks]
    return Slide(slide.title[lang], slide.level, blocks, slide.notes[lang])

"""One planned deck (course_utils.build.deck) as a reveal.js page that loads only files beside it."""

import re

from nbconvert.filters.markdown_mistune import markdown2html_mistune
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from course_utils.build.deck import CODE_COLUMNS, Slide, text_cells
from course_utils.build.publish import escape

__all__ = ["deck_page", "pygments_css"]

FORMATTER = HtmlFormatter(nowrap=True)


def pygments_css() -> str:
    """The colours of highlighted code on the slides."""
    return HtmlFormatter(style="default").get_style_defs(".reveal .code")


def _markdown(text: str) -> str:
    return markdown2html_mistune(text)


def _table(rows: list[list[str]]) -> str:
    head, *body = rows
    cells = "".join(f"<th>{_inline(c)}</th>" for c in head)
    lines = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in body)
    return f'<table class="deck-table"><thead><tr>{cells}</tr></thead><tbody>{lines}</tbody></table>'


def _inline(text: str) -> str:
    """One line of markdown without its paragraph ("02. Title" stays a title, not a numbered list)."""
    rendered = _markdown(re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", text)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


def _block(block) -> str:
    more = ' data-more="1"' if block.cont else ""
    if block.kind == "prose":
        return f'<div class="deck-prose">{_markdown(block.content)}</div>'
    if block.kind == "table":
        return f'<div class="deck-prose">{_table(block.content)}</div>'
    if block.kind == "code":
        code = highlight(block.content, PythonLexer(), FORMATTER).rstrip("\n")
        lines = "".join(f'<span class="line">{line}\n</span>' for line in code.split("\n"))
        return f'<pre class="code"{more}>{lines}</pre>'
    if block.kind == "text":
        wide = max((text_cells(line) for line in block.content.splitlines()), default=0) > CODE_COLUMNS
        return f'<pre class="output{" prose-output" if wide else ""}">{escape(block.content.rstrip())}</pre>'
    if block.kind == "error":
        return f'<pre class="output error">{escape(block.content)}</pre>'
    if block.kind == "image":
        fig = block.content
        size = f' data-width="{fig["width"]}" data-height="{fig["height"]}"'
        text = f' data-text-px="{fig["text_px"]}"' if fig["text_px"] else ""
        return f'<div class="figure"><img alt=""{size}{text} src="data:image/png;base64,{fig["png"]}"></div>'
    if block.kind == "markdown":
        return f'<div class="deck-prose output-table">{_markdown(block.content)}</div>'
    return f'<div class="output-html">{block.content}</div>'


def _notes(slide: Slide) -> str:
    if not slide.notes:
        return ""
    return '<aside class="notes">' + "\n".join(_markdown(n) for n in slide.notes) + "</aside>"


def _section(slide: Slide, number: int) -> str:
    kind = {1: "deck-title", 2: "deck-section", 3: "deck-section"}.get(slide.level, "deck-content")
    kind += " has-blocks" if slide.blocks else ""
    tag = "h1" if slide.level == 1 else "h2"
    more = '<span class="deck-cont" aria-hidden="true">⋯</span>' if slide.level == 0 else ""
    blocks = "\n".join(_block(b) for b in slide.blocks)
    return (f'<section class="{kind}" data-slide="{number}">\n<div class="deck-frame">\n'
            f"<{tag}>{_inline(slide.title)}{more}</{tag}>\n<div class=\"deck-body\">\n{blocks}\n</div>\n</div>\n"
            f"{_notes(slide)}\n</section>")


MATHJAX = """<script>
window.MathJax = {
  tex: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]],
        processEscapes: true, processEnvironments: true},
  chtml: {scale: 1}
};
</script>
<script src="STATIC/mathjax/es5/tex-chtml.js" defer></script>"""


def deck_page(slides: list[Slide], title: str, lang: str, static: str) -> str:
    """The HTML of a deck: reveal.js with linear navigation (→ and Space visit every slide), slide numbers,
    speaker notes (S) and MathJax, all from static (a relative address)."""
    sections = "\n".join(_section(s, i + 1) for i, s in enumerate(slides))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{static}/reveal.js/dist/reveal.css">
<link rel="stylesheet" href="{static}/reveal.js/dist/theme/white.css">
<link rel="stylesheet" href="{static}/deck-code.css">
<link rel="stylesheet" href="{static}/deck.css">
{MATHJAX.replace("STATIC", static)}
</head>
<body>
<div class="reveal"><div class="slides">
{sections}
</div></div>
<script src="{static}/reveal.js/dist/reveal.js"></script>
<script src="{static}/reveal.js/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({{
  width: 1280, height: 720, margin: 0.02, minScale: 0.2, maxScale: 4,
  center: false, controls: true, controlsLayout: "bottom-right", progress: true, hash: true,
  navigationMode: "linear", slideNumber: "c/t", transition: "none", pdfMaxPagesPerSlide: 1,
  plugins: [RevealNotes]
}});
</script>
</body>
</html>
"""

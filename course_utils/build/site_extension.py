"""A Sphinx extension of the course site: myst-nb's collapsed cells named by their visible text.

myst-nb labels each collapsed cell's toggle "Toggle hidden content" (in English, whatever the page's language),
which differs from the text the toggle shows ("풀이 보기"); screen readers then announce words that are not on
the screen (axe-core's rule label-content-name-mismatch). The toggle's own text names it here.
"""

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode


def visit_hidden_cell(self, node) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n'
                     f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n'
                     f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n</summary>\n')


def depart_hidden_cell(self, node) -> None:
    self.body.append("</details>\n")


def setup(app):
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Every figure in every committed notebook carries alt text in its notebook's language (issue 15): the site and
screen readers read it from the output's metadata (course_utils.notebook.setup puts it there)."""

import json
import re

import pytest

from course_utils.i18n import LANGS

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_has_alt_text_in_the_notebooks_language(root, lang):
    missing, wrong_language, figures = [], [], 0
    for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells):
            for output in cell.get("outputs", []):
                if "image/png" not in output.get("data", {}):
                    continue
                figures += 1
                alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
                if not alt.strip():
                    missing.append(f"{path.name} cell {number}")
                elif lang == "ko" and not HANGUL.search(alt):
                    wrong_language.append(f"{path.name} cell {number}: {alt[:60]}")
    assert figures > 0
    assert missing == [], f"figures without alt text: {missing}"
    assert wrong_language == [], f"Korean notebooks' figures described without Korean: {wrong_language}"

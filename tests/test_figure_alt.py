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


def _figures(lang):
    """One small figure from every diagram function that draws one, with its name."""
    import numpy as np
    import torch

    from course_utils import diagrams as d

    images = torch.rand(3, 1, 4, 4)
    return {
        "encoder_decoder": d.encoder_decoder([32, 16, 8], lang),
        "overlap_heatmap": d.overlap_heatmap(np.ones((4, 4)), lang, interior=range(1, 3)),
        "overlap_heatmaps": d.overlap_heatmaps([("K=4 S=2", np.ones((4, 4)), range(1, 3)), ("K=3 S=2", np.ones((3, 3)), None)], lang),
        "overlap_outer_product": d.overlap_outer_product([1, 2, 1], lang),
        "response_gallery": d.response_gallery([np.zeros((3, 3)), np.eye(3)], ["a", "b"], lang),
        "strength_bars": d.strength_bars(["a", "b"], [0.5, 0.01], lang),
        "size_strip": d.size_strip(3, 3, 2, 1, 0, 1, lang),
        "conv_matrix_grid": d.conv_matrix_grid([["w1", "", "w2", ""], ["", "w1", "", "w2"]], lang, input_width=2),
        "scatter_add_step": d.scatter_add_step([["a", "b", "c"]] * 3, [[1, 1, 0]] * 3, lang, stamp=(0, 0, 2, 2), padding=1),
        "scatter_add_steps": d.scatter_add_steps([[["a", "b"], ["c", "d"]]] * 2, [(0, 0, 1, 1), (1, 1, 1, 1)], lang, values=[1, 2]),
        "image_grid": d.image_grid(images, nrow=2, title="x", lang=lang),
        "segmentation_samples": d.segmentation_samples(images, images.round(), {"net": images.round()}, lang),
        "pattern_panels": d.pattern_panels({"A": images}, {"A": torch.rand(4, 4)}, lang),
        "crop_gallery": d.crop_gallery([np.zeros((4, 4)), np.ones((4, 4))], ["x", "y"], "butterfly", lang),
        "gain_bars": d.gain_bars(["a", "b"], [0.5, -0.2], (0.1, 0.3), "a", lang),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_every_diagram_function_writes_an_alt_sentence(lang):
    """Not the figure's titles and labels (alt_text's fallback): a sentence the function wrote (describe), in
    the figure's language, that says more than the titles."""
    from course_utils.diagrams.alt import ATTRIBUTE

    for name, fig in _figures(lang).items():
        alt = getattr(fig, ATTRIBUTE, None)
        assert alt and alt.endswith("."), (name, alt)
        assert (lang == "ko") == bool(HANGUL.search(alt)), (name, alt)


def test_the_calculators_figure_travels_in_its_output_with_alt_text():
    """The widget's bundle carries its figure (2x PNG, shown at 1x) and alt text; a static page shows the text and
    then the figure (pages._static), JupyterLab the widget."""
    import base64

    import nbformat

    from course_utils.build.pages import WIDGET_VIEW, _static
    from course_utils.widgets import SizeCalculator

    calculator = SizeCalculator("ko", I=7, K=3, S=2, P=1, P_out=1)
    data, metadata = calculator._repr_mimebundle_()
    assert WIDGET_VIEW in data and data["text/plain"] == calculator.text
    png = base64.b64decode(data["image/png"])
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 2 * metadata["image/png"]["width"]
    assert HANGUL.search(metadata["image/png"]["alt"]) and "7" in metadata["image/png"]["alt"]
    shown = _static(nbformat.v4.new_output("display_data", data=dict(data), metadata=metadata))
    assert [set(o.data) for o in shown] == [{"text/plain"}, {"image/png"}]
    assert shown[1].metadata["image/png"]["alt"] == metadata["image/png"]["alt"]

    calculator.controls["P_out"].value = 2  # a broken rule: text only, no figure
    data = calculator._repr_mimebundle_()
    assert "image/png" not in data and calculator.figure is None

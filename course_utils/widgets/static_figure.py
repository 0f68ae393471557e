"""An explorer's figure in its own output bundle, for pages where no widget runs (the site)."""

import base64
import io

from matplotlib.figure import Figure

from course_utils.diagrams.alt import alt_text

__all__ = ["with_figure"]


def with_figure(bundle: dict, figure: Figure | None):
    """bundle with `figure` added as a 2x PNG (image/png, shown at its 1x size) and its alt text, as
    (bundle, metadata) the way IPython takes a `_repr_mimebundle_`; bundle alone when figure is None.

    JupyterLab keeps showing the live widget (it prefers the widget view), nbval compares neither images nor
    metadata, and a static page shows the figure beside the widget's text with the alt text the figure carries
    (course_utils.diagrams.describe)."""
    if figure is None:
        return bundle
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=2 * figure.dpi)
    png = buffer.getvalue()
    width, height = (int.from_bytes(png[offset:offset + 4], "big") // 2 for offset in (16, 20))  # IHDR
    metadata = {"width": width, "height": height}
    alt = alt_text(figure)
    if alt:
        metadata["alt"] = alt
    return {**bundle, "image/png": base64.b64encode(png).decode("ascii")}, {"image/png": metadata}

"""What the slides need to know about a figure: how small its words are drawn, and which parts of it can be
shown one slide each (a figure of many panels is too dense to read from the back of a hall as one picture)."""

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure

__all__ = ["smallest_text_px", "slide_parts", "split_for_slides"]

ATTRIBUTE = "course_slide_parts"


def split_for_slides(fig: Figure, groups) -> Figure:
    """Mark fig to be shown on the slides one group of its axes at a time (e.g. one panel or one row of a
    gallery per slide); the notebook shows the whole figure. Returns fig. ValueError for a group that is empty
    or holds axes of another figure."""
    groups = [list(group) for group in groups]
    if not groups or any(not group or any(ax.figure is not fig for ax in group) for group in groups):
        raise ValueError("groups must be non-empty lists of the figure's own axes")
    setattr(fig, ATTRIBUTE, groups)
    return fig


def _noting_renderer(fig: Figure, sizes: list) -> RendererAgg:
    width, height = fig.canvas.get_width_height()
    renderer = RendererAgg(width, height, fig.dpi)
    draw_text = renderer.draw_text

    def noted(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if s.strip():
            sizes.append(prop.get_size_in_points() * fig.dpi / 72)
        return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    renderer.draw_text = noted
    return renderer


def smallest_text_px(fig: Figure) -> float | None:
    """The height in pixels of the smallest font the figure draws (tick labels, titles, annotations, legends),
    at the figure's own dpi, i.e. at the natural (1x) size of its PNG; None when it draws no words.

    The figure is drawn once more on an Agg renderer that notes each text it is asked to draw, so only text that
    is really drawn counts (not tick labels of a hidden axis). Font size in points × dpi / 72.
    """
    sizes = []
    fig.draw(_noting_renderer(fig, sizes))
    return round(min(sizes), 2) if sizes else None


def slide_parts(fig: Figure, pad_inches: float | None = None) -> list[list[int]]:
    """The boxes [left, top, right, bottom] of the groups split_for_slides marked, in pixels of the figure's PNG
    as IPython shows it (bbox_inches="tight", padded by savefig.pad_inches) at its natural (1x) size; [] when
    the figure is not split. Call after the figure has been drawn."""
    groups = getattr(fig, ATTRIBUTE, None)
    if not groups:
        return []
    import matplotlib

    pad = matplotlib.rcParams["savefig.pad_inches"] if pad_inches is None else pad_inches
    renderer = _noting_renderer(fig, [])
    fig.draw(renderer)
    page = fig.get_tightbbox(renderer).padded(pad)  # inches
    boxes = []
    for group in groups:
        x0 = min(ax.get_tightbbox(renderer).x0 for ax in group) / fig.dpi
        x1 = max(ax.get_tightbbox(renderer).x1 for ax in group) / fig.dpi
        y0 = min(ax.get_tightbbox(renderer).y0 for ax in group) / fig.dpi
        y1 = max(ax.get_tightbbox(renderer).y1 for ax in group) / fig.dpi
        boxes.append([round((x0 - page.x0) * fig.dpi), round((page.y1 - y1) * fig.dpi),
                      round((x1 - page.x0) * fig.dpi), round((page.y1 - y0) * fig.dpi)])
    return boxes

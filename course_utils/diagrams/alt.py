"""Alt text for figures: what a reader who cannot see the picture is told, in the figure's language."""

from matplotlib.figure import Figure

__all__ = ["describe", "alt_text"]

ATTRIBUTE = "course_alt"


def describe(fig: Figure, text: str) -> Figure:
    """Give fig its alt text (a sentence in the lesson's language) and return fig; notebook.setup puts it beside
    the image in the cell's output (metadata image/png alt), where the site and screen readers find it."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"alt text must be a non-empty sentence, got {text!r}")
    setattr(fig, ATTRIBUTE, " ".join(text.split()))
    return fig


def alt_text(fig: Figure) -> str:
    """The text set by describe, else the figure's own words: its title and shared axis labels, then each panel's
    title and axis labels (all in the lesson's language); "" for a figure with no words at all."""
    explicit = getattr(fig, ATTRIBUTE, None)
    if explicit:
        return explicit
    words = [label.get_text() for label in (fig._suptitle, fig._supxlabel, fig._supylabel) if label is not None]
    for ax in fig.axes:
        words += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    return "; ".join(dict.fromkeys(" ".join(w.split()) for w in words if w and w.strip()))

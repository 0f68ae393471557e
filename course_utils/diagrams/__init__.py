"""Figures as pure functions: parameters in, matplotlib Figure out; labels in the learner's language."""

from course_utils.diagrams.encoder_decoder import encoder_decoder

__all__ = ["encoder_decoder"]

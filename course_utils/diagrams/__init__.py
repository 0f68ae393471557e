"""Figures as pure functions: parameters in, matplotlib Figure out; labels in the learner's language."""

from course_utils.diagrams.alt import alt_text, describe
from course_utils.diagrams.checkerboard import (overlap_heatmap, overlap_heatmaps, overlap_outer_product,
                                                response_gallery, strength_bars)
from course_utils.diagrams.encoder_decoder import encoder_decoder
from course_utils.diagrams.samples import image_grid, pattern_panels, segmentation_samples, tile
from course_utils.diagrams.scatter_add import conv_matrix_grid, scatter_add_step, scatter_add_steps
from course_utils.diagrams.size_strip import size_strip, size_strips
from course_utils.diagrams.super_resolution import crop_gallery, gain_bars

__all__ = ["describe", "alt_text", "encoder_decoder", "overlap_heatmap", "overlap_heatmaps", "overlap_outer_product", "response_gallery",
           "strength_bars", "size_strip", "size_strips", "conv_matrix_grid", "scatter_add_step", "scatter_add_steps",
           "image_grid", "pattern_panels", "segmentation_samples", "tile",
           "crop_gallery", "gain_bars"]

"""Helpers for the transposed-convolution course: drawing, checking, building. Importing has no side effects."""

__all__: list[str] = []

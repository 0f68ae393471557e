"""Authoring tools: generate the ko/en notebooks from notebooks/src, check them, and publish them as offline
slides and a static site (python -m course_utils.build)."""

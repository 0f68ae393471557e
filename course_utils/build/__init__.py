"""Authoring tools: generate the ko/en notebooks from notebooks/src and check them (python -m course_utils.build)."""

"""Scorers behind ``dateline evaluate KIND``: each module has ``add_arguments`` and ``run``."""

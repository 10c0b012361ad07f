"""What every page of one running app shares: the workspace, the background jobs, the warm converter."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from kehoach.web.jobs import Jobs
from kehoach.web.preview import Converter
from kehoach.web.site import Site


@dataclass
class State:
    site: Site
    jobs: Jobs
    converter: Converter


def state() -> State:
    """The State of the app handling the current request (several apps may run side by side, as in the tests)."""
    value: State = current_app.extensions["kehoach"]
    return value

"""Reading the rules data files (YAML): one place that turns every failure into DataFileError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError


def read_yaml(path) -> Any:
    """The parsed content of a YAML file; DataFileError (one line, naming the file) otherwise.

    ``path`` may be a Path or an importlib.resources Traversable.
    """
    try:
        text = path.read_text(encoding="utf-8") if hasattr(path, "read_text") else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(str(path), f"cannot read: {err}") from err
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DataFileError(str(path), f"not valid YAML: {first}") from err

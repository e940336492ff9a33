"""Reading the rules data files (YAML): one place that turns every failure into DataFileError.

``read_yaml(path)`` gives the parsed content; ``load_model(path, Model)`` also validates it with
the pydantic model of that file's shape, so that an invalid file fails in one line naming the
file and the entry ("kinds.3.code: Field required"). Loaders then derive their indexes from
the validated model and add the checks a schema cannot say (duplicates across entries, ...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import DataFileError

try:  # libyaml's parser: ten times faster than the pure-Python one on the larger files
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

M = TypeVar("M")


def read_yaml(path) -> Any:
    """The parsed content of a YAML file; DataFileError (one line, naming the file) otherwise.

    ``path`` may be a Path or an importlib.resources Traversable.
    """
    try:
        text = path.read_text(encoding="utf-8") if hasattr(path, "read_text") else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(str(path), f"cannot read: {err}") from err
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DataFileError(str(path), f"not valid YAML: {first}") from err


def validate(data: Any, model: type[M], path) -> M:
    """``data`` validated as ``model``; DataFileError naming the first invalid entry."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise DataFileError(str(path), f"{where}: {first['msg']}") from None


def load_model(path, model: type[M]) -> M:
    return validate(read_yaml(path), model, path)

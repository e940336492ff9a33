"""Reading the rules data files (YAML): one place that turns every failure into DataFileError.

``read_yaml(path)`` gives the parsed content; ``load_model(path, Model)`` also validates it with
the pydantic model of that file's shape, so that an invalid file fails in one line naming the
file and the entry ("kinds.3.code: Field required"). Loaders then derive their indexes from
the validated model and add the checks a schema cannot say (duplicates across entries, ...).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataFileError

M = TypeVar("M")


def read_yaml(path) -> Any:
    """The parsed content of a YAML file; DataFileError (one line, naming the file) otherwise.

    ``path`` may be a Path or an importlib.resources Traversable. What a data file shipped with
    vnplan parses to is kept in the disk cache under the hash of its bytes (``disk_cache``): a
    process that finds it there neither imports nor runs the YAML parser.
    """
    try:
        data = _read_bytes(path)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(str(path), f"cannot read: {err}") from err
    if not _shipped(path):  # a user's file: read as it is, nothing kept
        return _parse_yaml(text, path)
    from .disk_cache import cached, module_stamp

    name = "yaml-" + hashlib.sha256(str(path).encode()).hexdigest()[:12]
    key = hashlib.sha256(data + module_stamp("yaml").encode()).hexdigest()[:32]
    return cached(name, key, lambda: _parse_yaml(text, path))


def _read_bytes(path) -> bytes:
    """A Path's or an importlib.resources Traversable's bytes."""
    return path.read_bytes() if hasattr(path, "read_bytes") else Path(path).read_bytes()


_PACKAGE = Path(__file__).resolve().parent


def _shipped(path) -> bool:
    """A data file of vnplan itself (the ones every process reads)."""
    try:
        return Path(str(path)).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


def _parse_yaml(text: str, path) -> Any:
    import yaml

    # libyaml's parser: ten times faster than the pure-Python one on the larger files
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
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
    """The file at ``path`` read and validated as ``model``.

    For a data file shipped with vnplan the validated object itself is kept in the disk cache,
    under the hash of the file's bytes and of the module that defines ``model``: the next
    process unpickles it, and neither parses the YAML nor builds the model's validator (the
    data-file models are declared with ``defer_build``, so a process that finds its files in
    the cache never builds one: a third of the start-up's pydantic time).
    """
    if not _shipped(path):
        return validate(read_yaml(path), model, path)
    import sys

    from .disk_cache import cached, module_stamp

    try:
        data = _read_bytes(path)
        defined = Path(sys.modules[model.__module__].__file__).stat()
    except (OSError, KeyError, AttributeError, TypeError):
        return validate(read_yaml(path), model, path)  # read_yaml says what is wrong with the file
    stamp = f"{model.__module__}.{model.__qualname__}:{defined.st_size}:{defined.st_mtime_ns}"
    name = "model-" + hashlib.sha256(f"{path}:{model.__qualname__}".encode()).hexdigest()[:12]
    key = hashlib.sha256(data + (stamp + module_stamp("pydantic") + module_stamp("yaml")).encode()).hexdigest()[:32]
    return cached(name, key, lambda: validate(read_yaml(path), model, path))

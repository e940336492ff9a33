"""``Lang``: the language resources one parse uses, passed to each stage rather than held in
module globals, so that two registries (the built-in one and a user's layered one) can be in
use in one process without either seeing the other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agencies import Registry


@dataclass(frozen=True, slots=True)
class Lang:
    registry: "Registry"

    @classmethod
    def default(cls) -> "Lang":
        """The built-in resources (the registry shipped with vnplan)."""
        from .agencies import builtin_registry

        return cls(registry=builtin_registry())

    @classmethod
    def with_registries(cls, *paths: str | Path) -> "Lang":
        """The built-in resources with the user's registry files layered on top, in order."""
        from .agencies import builtin_registry, load_registry

        return cls(registry=load_registry(*paths) if paths else builtin_registry())

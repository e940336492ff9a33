"""Output models held in less memory, the same in every other respect.

Every pydantic model carries the set of field names given when it was made
(``model_fields_set``, for ``exclude_unset``): a set of five or more names takes 728 bytes, and
a 2,000-page plan makes ~40,000 models (tasks, their deadlines, boxes, sections, agencies), so
these sets were half the PlanDocument's memory (17 of 36 MiB). A model given every one of its
fields holds the same set as any other of its class; it is replaced by one set shared by the
class. That stays exact: setting a field adds a name the set already holds (a no-op),
``model_copy`` copies the set before it updates it, and a model given only some of its fields
keeps its own set.
"""

from __future__ import annotations

from pydantic import BaseModel

_ALL_FIELDS: dict[type, set[str]] = {}


def share_fields_sets(model: BaseModel) -> None:
    """Give ``model`` and the models inside it (fields, list items) their class's shared set
    when they were given every field."""
    cls = type(model)
    full = _ALL_FIELDS.get(cls)
    if full is None:
        full = _ALL_FIELDS[cls] = set(cls.model_fields)
    own = model.__pydantic_fields_set__
    if own is not full and own == full:
        object.__setattr__(model, "__pydantic_fields_set__", full)
    for value in model.__dict__.values():
        if isinstance(value, BaseModel):
            share_fields_sets(value)
        elif type(value) is list:
            for item in value:
                if isinstance(item, BaseModel):
                    share_fields_sets(item)

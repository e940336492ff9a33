"""Where many short strings occur in many texts, in one pass: an Aho-Corasick automaton
(pyahocorasick) instead of one ``str.find`` pass through every text per string, which made
finding every task of a long document again among its printed lines grow as tasks × text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def find_all(texts: Sequence[str], probe: str, limit: int) -> list[tuple[int, int]]:
    """(text, position) where ``probe`` starts in ``texts``, in order: its first ``limit``
    places, overlapping ones too."""
    out: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        at = text.find(probe)
        while at >= 0:
            if len(out) >= limit:
                return out
            out.append((i, at))
            at = text.find(probe, at + 1)
    return out


def occurrences(texts: Iterable[str], probes: Iterable[str], limit: int) -> dict[str, list[tuple[int, int]]]:
    """``find_all(texts, probe, limit)`` for every (non-empty) probe, in one pass."""
    probes = set(probes)
    found: dict[str, list[tuple[int, int]]] = {probe: [] for probe in probes}
    if not probes:
        return found
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for probe in probes:
        automaton.add_word(probe, probe)
    automaton.make_automaton()
    for i, text in enumerate(texts):
        # matches come by their end, so each probe's places in a text come in order (the
        # automaton copies what it reads at 4 bytes a character: one text at a time)
        for end, probe in automaton.iter(text):
            places = found[probe]
            if len(places) < limit:
                places.append((i, end - len(probe) + 1))
    return found

"""Where many short strings occur in one long text, in one pass: an Aho-Corasick automaton
(pyahocorasick) instead of one ``str.find`` pass through the text per string, which made
finding every task of a long document again among its printed lines grow as tasks × text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def find_all(text: str, probe: str, limit: int) -> list[int]:
    """Where ``probe`` starts in ``text``: its first ``limit`` places, overlapping ones too."""
    out: list[int] = []
    at = text.find(probe)
    while at >= 0 and len(out) < limit:
        out.append(at)
        at = text.find(probe, at + 1)
    return out


def occurrences(text: str, probes: Iterable[str], limit: int, cut: str) -> dict[str, list[int]]:
    """``find_all(text, probe, limit)`` for every (non-empty) probe, in one pass. ``cut``: a
    character no probe holds; the text is read in pieces cut before it."""
    probes = set(probes)
    found: dict[str, list[int]] = {probe: [] for probe in probes}
    if not probes:
        return found
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for probe in probes:
        automaton.add_word(probe, probe)
    automaton.make_automaton()
    for start, stop in pieces(text, cut):
        # matches come by their end, so each probe's places come in order
        for end, probe in automaton.iter(text[start:stop]):
            places = found[probe]
            if len(places) < limit:
                places.append(start + end - len(probe) + 1)
    return found


def pieces(text: str, cut: str, size: int = 1 << 16) -> Iterator[tuple[int, int]]:
    """(start, stop) of pieces of ``text`` about ``size`` long, each cut before a ``cut``
    character (so no probe runs over a cut): the automaton copies what it reads at 4 bytes a
    character, and a whole long text would be copied at once."""
    start, n = 0, len(text)
    while start < n:
        stop = start + size
        if stop >= n:
            stop = n
        else:
            at = text.rfind(cut, start + 1, stop)
            if at < 0:
                at = text.find(cut, stop)
            stop = n if at < 0 else at
        yield start, stop
        start = stop

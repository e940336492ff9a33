"""One readable line, in Vietnamese, saying why two tasks are linked.

    giống 0,80: «kết nối thủ tục giấy phép kinh doanh có điều kiện», «hỗ trợ doanh nghiệp»;
    qua ý: «Phối hợp thực hiện hiệu quả mô hình …»; cùng chủ trì: Sở Kế hoạch và Đầu tư, nay
    Sở Tài chính; hạn: Quý IV/2025, sau hạn Quý III/2025 của nhiệm vụ được thực hiện;
    001 thực hiện 003 (Kế hoạch hành động số 07-KH/TU ngày 25/7/2025 …)

Shared wording is shown as the longest runs of whole words the two texts have in common
(words from ``lexicon``), ranked by how rare their syllables are in the batch; a run never
starts or ends inside a word or on a function word.
"""

from __future__ import annotations

from itertools import accumulate

import numpy as np

from ..model import Task
from .agencies import shared_leads
from .features import BREAK, Corpus
from .lexicon import Lexicon, lexicon

MAX_PHRASES = 3
MAX_WORDS = 12      # syllables; a longer shared run is cut with "…"
LABEL_CHARS = 90


class Evidence:
    """Evidence lines for the links of one batch.

    Every text of the batch is cut into words once, vectorised over the corpus's syllable
    ids (``Corpus.word_starts``); a link then costs a scan of one text's syllables against
    the other's set of syllable pairs.
    """

    def __init__(self, corpus: Corpus, idf: np.ndarray, lex: Lexicon | None = None):
        self.corpus = corpus
        self._idf = idf
        self.idf = idf.tolist()       # per syllable id (0 for stop syllables and breaks)
        self.starts = corpus.word_starts(lex or lexicon())
        self._ids: dict[int, list[int]] = {}
        self._pairs: dict[int, set[int]] = {}

    def _text_ids(self, n: int) -> tuple[list[int], list[int], list[float]]:
        """A text's syllable ids, the key of each adjacent pair (-1 across a break) and the
        running sum of the syllables' idf (a run's weight is a difference of two sums)."""
        got = self._ids.get(n)
        if got is None:
            ids = self.corpus.syllable_ids(n).tolist()
            s, idf = len(self.corpus.canon), self.idf
            keys = [a * s + b if a and b else -1 for a, b in zip(ids, ids[1:])]
            got = self._ids[n] = (ids, keys, list(accumulate((idf[x] for x in ids), initial=0.0)))
        return got

    def _text_pairs(self, n: int) -> set[int]:
        pairs = self._pairs.get(n)
        if pairs is None:
            ids = self.corpus.syllable_ids(n).astype(np.int64)
            a, b = ids[:-1], ids[1:]
            ok = (a != BREAK) & (b != BREAK)
            pairs = self._pairs[n] = set((a[ok] * len(self.corpus.canon) + b[ok]).tolist())
        return pairs

    def shared(self, a: list[int], b: list[int]) -> list[str]:
        """The longest runs of whole words the texts (corpus numbers) share, best first."""
        idf, starts = self.idf, self.starts
        runs: list[tuple[float, int, int, int, list[int], int]] = []
        pairs: set[int] = set()
        for nb in b:
            pairs = pairs | self._text_pairs(nb) if pairs else self._text_pairs(nb)
        for na in a:
            ids, keys, cum = self._text_ids(na)
            first = self.corpus.text_start(na)
            n, i = len(ids), 0
            while i < n - 1:
                if keys[i] not in pairs:
                    i += 1
                    continue
                j = i + 2
                while j < n and keys[j - 1] in pairs:
                    j += 1
                # Whole words only: start on a word's first syllable, end before one.
                lo, hi = i, j
                while lo < hi and not starts[first + lo]:
                    lo += 1
                while hi > lo and hi < n and not starts[first + hi]:
                    hi -= 1
                while lo < hi and idf[ids[lo]] == 0:
                    lo += 1
                while hi > lo and idf[ids[hi - 1]] == 0:
                    hi -= 1
                if hi - lo >= 2:
                    runs.append((cum[hi] - cum[lo], len(runs), lo, hi, ids, first))
                i = j
        runs.sort(key=lambda r: (-r[0], r[1]))
        surface = self.corpus.surface
        out: list[str] = []
        for _, _, lo, hi, ids, first in runs:
            cut = hi
            if hi - lo > MAX_WORDS:  # a long run is cut before a word, never inside one
                cut = lo + MAX_WORDS
                while cut > lo + 2 and not self.starts[first + cut]:
                    cut -= 1
            shown = " ".join(surface[x] for x in ids[lo:cut]) + (" …" if cut < hi else "")
            if not any(shown in o for o in out):
                out.append(shown)
            if len(out) == MAX_PHRASES:
                break
        return out

    def line(self, text_score: float, a_text: list[int], b_text: list[int], a_label: str | None,
             b_label: str | None, a: Task, b: Task, agency: int, late: bool, same_day: bool, kind: str,
             doc_evidence: str) -> str:
        parts = []
        words = self.shared(a_text, b_text)
        head = f"giống {text_score:.2f}".replace(".", ",")
        parts.append(head + (": " + ", ".join(f"«{w}»" for w in words) if words else ""))
        if a_label:
            parts.append(f"qua ý: «{_short(a_label)}»")
        if b_label:
            parts.append(f"khớp ý: «{_short(b_label)}»")
        if agency > 0:
            leads = shared_leads(a, b)
            parts.append("cùng chủ trì" + (": " + "; ".join(leads) if leads else ""))
        elif agency < 0:
            parts.append("chủ trì khác nhau")
        if a.due is not None and b.due is not None:
            if same_day:
                parts.append(f"cùng hạn: {a.due.raw} / {b.due.raw}")
            elif late:
                parts.append(f"hạn: {a.due.raw}, sau hạn {b.due.raw} của nhiệm vụ được thực hiện")
            else:
                parts.append(f"hạn: {a.due.raw} / {b.due.raw}")
        parts.append(doc_evidence)
        return "; ".join(p for p in parts if p)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"

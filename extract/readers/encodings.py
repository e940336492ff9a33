"""Bytes of a text file -> Unicode text: UTF-8, UTF-16/32 (with or without a byte-order mark),
and the legacy 8-bit Vietnamese encodings still found in old offices' files: TCVN3 (ABC,
the ``.Vn`` fonts), VNI, VISCII and Windows-1258.

A legacy file carries no label, so its encoding is a guess: the bytes are read through each
table and the one whose result reads as Vietnamese wins (the tables and the scoring are the
``viparse`` library's, built from real government documents; Windows-1258 is Python's codec,
whose combining tone marks are composed to NFC). A guess is only taken when it is clear and the
result is made of common Vietnamese syllables; it is reported as a warning naming the
encoding. Anything else that is not text (an image, an executable, NUL-filled data) is refused
for what it is, never as "a legacy encoding".
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from ..errors import ReadError

# Leading bytes of files that are certainly not text, for a message that says what they are.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # BMP: checked with its header below (two letters are too common in text)
    (b"RIFF", None),  # WebP/WAV/AVI: checked below
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", None),  # Windows executables: checked below
    (b"\x00\x00\x00", None),  # MP4/HEIC boxes ("ftyp" at 4): checked below
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "cp1258": "Windows-1258"}
DETECT_BYTES = 256 * 1024  # the guess is made on the start of the file; the whole is converted

# Syllables common in any Vietnamese administrative text, written with their diacritics (so that
# another language read through a Vietnamese table does not produce them by chance). A guessed
# conversion must turn at least MIN_COMMON of its words into these.
COMMON_SYLLABLES = frozenset("""
của và các được trong thực hiện những người với theo năm ngày tháng việc để có là một này
đã không về cho đến từ đồng thời nhân dân ủy chủ trì phối hợp sở tài chính quản lý nhà nước
kế hoạch báo cáo nhiệm vụ chỉ đạo triển khai tăng cường đảm bảo cơ quan đơn vị địa phương
tỉnh thành phố huyện xã phường tổ chức cán bộ công tác kết quả chương trình hướng dẫn
quy định thủ tục hành số văn bản quyết nghị chuyển đổi phát triển kinh tế hội đơn giản
trên dưới hoặc cấp điều kiện tiếp tục nâng cao chất lượng rà soát hoàn thành trước sau
""".split())
MIN_COMMON = 0.08
MIN_WORDS = 12  # a line or two cannot tell one table from another

_WORD = regex.compile(r"\p{L}+")
_CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)


def decode_text(path: Path, data: bytes) -> Decoded:
    """The text of a text file's bytes, or ReadError("unsupported") saying what they are."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise ReadError(str(path), f"not valid {encoding.upper()} text (byte {err.start + len(bom)} "
                                           "cannot be decoded)", "unsupported") from None
    what = binary_kind(data)
    if what:
        raise ReadError(str(path), f"{what}, not a text document", "unsupported")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise ReadError(str(path), "binary data, not a text document", "unsupported")
    legacy = guess_legacy(data)
    if legacy is not None:
        return legacy
    raise ReadError(str(path), "not UTF-8 text, and not Vietnamese in a legacy encoding vnplan recognises "
                               "(TCVN3/ABC, VNI, VISCII, Windows-1258): save it as UTF-8", "unsupported")


def binary_kind(data: bytes) -> str | None:
    """What a file that is certainly not text is ("a PNG image"), from its leading bytes."""
    head = data[:64]
    for magic, what in SIGNATURES:
        if not head.startswith(magic):
            continue
        if what:
            return what
        if magic == b"BM" and len(head) >= 18 and head[6:10] == b"\x00\x00\x00\x00" and head[14] in (12, 40, 56, 108, 124):
            return "a BMP image"
        if magic == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
            return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[head[8:12]]
        if magic == b"MZ" and b"\x00" in head[2:64]:
            return "an executable program"
        if magic == b"\x00\x00\x00" and head[4:8] == b"ftyp":
            return "an MP4/HEIC media file"
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without a byte-order mark (Windows "Unicode" text): NUL high bytes on one
    side of most ASCII characters (digits, spaces, and Vietnamese's unaccented letters)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:DETECT_BYTES - DETECT_BYTES % 2]
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd >= 0.2 and even <= 0.02:
        encoding = "utf-16-le"
    elif even >= 0.2 and odd <= 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > 0.01 * min(len(text), 20000):
        return None
    return Decoded(text, encoding, [("encoding", f"text read as {encoding.upper()} without a byte-order mark", None)])


@cache
def _charmaps():
    """The candidate tables: viparse's TCVN3, VNI and VISCII, and Windows-1258 in the same
    shape (Latin-1 surface character -> what the byte means)."""
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS
    from viparse.normalize.tables import build_charmap

    maps = dict(AUTO_DETECT_CHARMAPS)
    # VNI writes ẳ as "a" + 0xFA ("ú"), the breve row's hook (ắ "aé", ằ "aè", ẵ "aü", ặ "aë"):
    # viparse leaves it out until its corpus shows one, but "khẳng định", "thẳng", "chẳng" are
    # everyday words, and left unconverted they read "khaúng".
    vni = maps["vni"]
    known = {seq for seq, _ in vni.pairs}
    extra = [(seq, ch) for seq, ch in (("aú", "ẳ"), ("AÚ", "Ẳ")) if seq not in known]
    if extra:
        maps["vni"] = build_charmap(vni.name, [*vni.pairs, *extra])
    pairs = []
    for b in range(0x80, 0x100):
        try:
            meaning = bytes([b]).decode("cp1258")
        except UnicodeDecodeError:
            continue
        if meaning != chr(b):
            pairs.append((chr(b), meaning))
    maps["cp1258"] = build_charmap("cp1258", pairs)
    return maps


def _convert(surface: str, name: str) -> str:
    charmap = _charmaps()[name]
    if all(len(src) == 1 for src, _ in charmap.pairs):
        # One byte, one meaning: a translation table runs at C speed on a large file.
        return unicodedata.normalize("NFC", surface.translate({ord(s): u for s, u in charmap.pairs}))
    from viparse.normalize.tables import convert  # VNI: base letter + mark byte

    return convert(surface, charmap)


_ASCII_LETTERS = regex.compile(r"[A-Za-z]")


def capital_lines(text: str) -> str:
    """Lines typed in capitals in a TCVN3 file, in capitals again. TCVN3 (ABC) has no codes for
    most capital letters with marks: a capital line set in a .VnTimeH font stores them as the
    small letters' codes, so "PHÒNG GIÁO DỤC" comes back "PHòNG GIáO DụC". A line whose plain
    letters are all capitals (four at least) is a capital line; so is each of two columns set
    side by side on one line ("HUYệN CHƯƠNG Mỹ      Độc lập - Tự do - Hạnh phúc")."""
    out = []
    for line in text.split("\n"):
        out.append("".join(_capital(piece) for piece in _COLUMN_GAP.split(line)))  # (gaps kept)
    return "\n".join(out)


_COLUMN_GAP = regex.compile(r"(\t|\s{2,})")


def _capital(piece: str) -> str:
    plain = _ASCII_LETTERS.findall(piece)
    if len(plain) < 4 or not all(ch.isupper() for ch in plain):
        return piece
    # and the trace of the missing codes: a word of capitals with a small marked letter inside
    # ("HUYệN"); "Số: 618/QĐ-UBND" is mixed case as typed
    if any(len(_ASCII_LETTERS.findall(w)) >= 2 and _MARKED_SMALL.search(w) for w in piece.split()):
        return piece.upper()
    return piece


_MARKED_SMALL = regex.compile(r"[\p{Ll}--[\x00-\x7f]]", regex.V1)  # a small letter with a mark, or đ


def common_share(text: str) -> float:
    """The share of words that are common Vietnamese syllables."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for w in words if w in COMMON_SYLLABLES) / len(words)


def guess_legacy(data: bytes) -> Decoded | None:
    """A legacy Vietnamese file converted to NFC text, or None when no table clearly fits."""
    from viparse.normalize.detector import detect_encoding_by_content

    sample = data[:DETECT_BYTES].decode("latin-1")
    found = detect_encoding_by_content(sample, _charmaps())
    if found.encoding is None:
        return None
    converted = _convert(sample, found.encoding)
    if len(_WORD.findall(converted)) < MIN_WORDS or common_share(converted) < MIN_COMMON:
        return None  # too little to tell, or not Vietnamese words: not a guess to take
    text = _convert(data.decode("latin-1"), found.encoding)
    if found.encoding == "tcvn3":
        text = capital_lines(text)
    # Bytes the table leaves as control characters (a TCVN3 file with VN1's capitals) show as
    # U+FFFD, so that a reader sees a letter is missing, and are counted in the warning.
    text, leftover = _CONTROLS.subn("\ufffd", text)
    name = LEGACY_NAMES[found.encoding]
    message = (f"text in the legacy Vietnamese encoding {name} (a guess from its letters, "
               f"confidence {found.confidence:.2f}) converted to Unicode")
    if leftover:
        message += f"; {leftover} characters had no Unicode equivalent in that table"
    return Decoded(text, found.encoding, [("legacy_encoding", message, None)])

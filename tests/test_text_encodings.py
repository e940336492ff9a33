"""Text files in legacy 8-bit Vietnamese encodings are converted (with a warning naming the
guess), UTF-16 without a byte-order mark is read, and binary files are refused for what they
are, never as "a legacy encoding".

The legacy bytes are made by glibc's iconv (Windows-1258, VISCII, TCVN 5712) and, for VNI
(which iconv lacks), by the VNI keyboard rules written out below; the reader converts them with
the viparse tables, so the two sides are independent.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from extract.errors import ReadError
from extract.pipeline import parse_file
from extract.readers import read
from extract.readers.encodings import decode_text

# A made-up plan: sentence-case headings (TCVN3 has no capital letters with tone marks: its
# documents set capitals with a separate font), a task table, prose.
PLAN = """Kế hoạch
Thực hiện chuyển đổi số năm 2026

Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Sở Tài chính xây dựng kế hoạch thực hiện như sau.

STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1\tRà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực tài chính\tSở Tài chính\tCác sở, ban, ngành\tQuý II/2026
2\tNâng cao chất lượng dịch vụ công trực tuyến toàn trình\tSở Khoa học và Công nghệ\tCác xã, phường\tTháng 9/2026
3\tTổ chức tập huấn kỹ năng số cho cán bộ, công chức, viên chức\tSở Nội vụ\tCác đơn vị liên quan\tNăm 2026

Các cơ quan, đơn vị căn cứ nhiệm vụ được giao, chủ động triển khai thực hiện; định kỳ báo cáo kết quả về Sở Tài chính trước ngày 15 của tháng cuối quý để tổng hợp.
"""

needs_iconv = pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv (glibc) is not installed")


def iconv(text: str, encoding: str) -> bytes:
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode("utf-8"),
                          capture_output=True, check=True).stdout


# VNI-Windows: a vowel is typed as its base letter then one mark byte (shown as Latin-1).
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "": ""}
_VNI_HAT = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", "": "â"}
_VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", "": "ê"}
_VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        if not marks:
            out.append(ch)
            continue
        tone = next((m for m in marks if m in _VNI_TONE), "")
        upper = base.isupper()
        if "\u031b" in marks:  # horn: ơ ư are one byte each
            piece = {"o": "ô", "u": "ö"}[base.lower()] + _VNI_TONE[tone]
        elif base.lower() == "i":
            piece = _VNI_I[tone]
        elif "\u0302" in marks:
            piece = base.lower() + _VNI_HAT[tone]
        elif "\u0306" in marks:
            piece = base.lower() + _VNI_BREVE[tone]
        else:
            piece = base.lower() + _VNI_TONE[tone]
        out.append(piece.upper() if upper else piece)
    return "".join(out).encode("latin-1")


def _tasks(doc):
    return [(t.text, [a.name for a in t.lead], t.due.raw if t.due else None) for t in doc.tasks]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    path = tmp_path_factory.mktemp("ref") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    doc = parse_file(path)
    assert len(doc.tasks) == 3
    return doc


@pytest.mark.parametrize("encoding,name,make", [
    pytest.param("cp1258", "Windows-1258", lambda t: iconv(t, "CP1258"), marks=needs_iconv),
    pytest.param("viscii", "VISCII", lambda t: iconv(t, "VISCII"), marks=needs_iconv),
    pytest.param("tcvn3", "TCVN3", lambda t: iconv(t, "TCVN5712-1"), marks=needs_iconv),
    pytest.param("vni", "VNI", vni),
])
def test_legacy_text_is_converted_with_a_warning(tmp_path, reference, encoding, name, make):
    data = make(PLAN)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = decode_text(tmp_path / "x.txt", data)
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == PLAN
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert _tasks(doc) == _tasks(reference)
    warned = [w for w in doc.warnings if w.code == "legacy_encoding"]
    assert len(warned) == 1 and name in warned[0].message


def test_vni_rules_agree_with_known_words():
    # Words as VNI documents spell them (Latin-1 view of the bytes).
    assert vni("Việt Nam") == "Vieät Nam".encode("latin-1")
    assert vni("chết vì") == "cheát vì".encode("latin-1")
    assert vni("Đà Nẵng") == "Ñaø Naüng".encode("latin-1")


def test_utf16_without_bom_is_read(tmp_path, reference):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(PLAN.encode(encoding))
        doc = parse_file(path)
        assert _tasks(doc) == _tasks(reference)
        assert not any(w.code == "legacy_encoding" for w in doc.warnings)


@pytest.mark.parametrize("data,what", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4, "JPEG image"),
    (b"GIF89a" + bytes(range(256)), "GIF image"),
    (b"\x7fELF\x02\x01\x01" + bytes(200), "executable"),
    (bytes(range(256)) * 8, "binary data"),
])
def test_binary_files_are_not_called_legacy_text(tmp_path, data, what):
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "unsupported"
    assert what in err.value.reason and "legacy" not in err.value.reason


@needs_iconv
def test_other_languages_in_latin1_are_refused_not_guessed(tmp_path):
    french = ("Le château de la forêt était très âgé; les élèves y étudiaient l'été, "
              "à côté du lac où naît la rivière. ") * 20
    german = ("Die Größe der Straße überrascht Mädchen und Jungen gleichermaßen; "
              "für Fußgänger ist es schön. ") * 20
    for i, text in enumerate((french, german)):
        path = tmp_path / f"{i}.txt"
        path.write_bytes(text.encode("latin-1"))
        with pytest.raises(ReadError) as err:
            read(path)
        assert err.value.code == "unsupported" and "UTF-8" in err.value.reason


def test_old_tone_placement_and_decomposed_text_resolve_alike(tmp_path):
    """"Uỷ ban" (old placement) typed decomposed finds the same agency as "Ủy ban"; the text
    keeps what was written (NFC), the resolved fields agree."""
    table = ("STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n"
             "1\tHoàn thiện quy chế phối hợp, bảo đảm hoà nhập\t{lead}\tQuý II/2026\n")
    docs = []
    for name, lead in (("new", "Ủy ban nhân dân thành phố Hải Phòng"), ("old", "Uỷ ban nhân dân thành phố Hải Phòng")):
        path = tmp_path / f"{name}.txt"
        path.write_text(unicodedata.normalize("NFD", "Kế hoạch\n\n" + table.format(lead=lead)), encoding="utf-8")
        docs.append(parse_file(path))
    new, old = (d.tasks[0] for d in docs)
    assert new.lead[0].id is not None and old.lead[0].id == new.lead[0].id
    assert old.lead[0].raw == unicodedata.normalize("NFC", "Uỷ ban nhân dân thành phố Hải Phòng")
    assert "hoà nhập" in old.text and unicodedata.is_normalized("NFC", old.text)


def test_vni_breve_with_hook_is_converted(tmp_path):
    """ẳ ("a" + "ú" in VNI) is an everyday letter ("khẳng định", "thẳng"), though the viparse
    table leaves it out."""
    text = PLAN.replace("Căn cứ Nghị quyết", "Khẳng định vai trò, thẳng thắn nhìn nhận; căn cứ Nghị quyết")
    decoded = decode_text(tmp_path / "x.txt", vni(text))
    assert decoded.encoding == "vni" and unicodedata.normalize("NFC", decoded.text) == text


@needs_iconv
def test_tcvn3_capitals_typed_in_a_capitals_font_come_back_as_capitals(tmp_path):
    """TCVN3 has no codes for most capitals with marks: a header set in .VnTimeH stores them as
    the small letters' codes ("PHòNG GIáO DụC"). Such a line (or column of a line) is made
    capitals again; mixed-case lines ("Số: 618/QĐ-UBND", "Xã Tân Phú ...") are left as they are."""
    def vntimeh(line: str) -> str:  # capitals whose marked letters the font stores small
        return "".join(ch.lower() if not ch.isascii() and ch not in "Đ" else ch for ch in line)

    header = (f"{vntimeh('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO')}      Độc lập - Tự do - Hạnh phúc\n"
              f"Số: 287/PGDĐT-TH      Yên Minh, ngày 21 tháng 8 năm 2015\n\n{vntimeh('CÔNG VĂN')}\n")
    decoded = decode_text(tmp_path / "x.txt", iconv(header + PLAN, "TCVN5712-1"))
    assert decoded.encoding == "tcvn3"
    lines = unicodedata.normalize("NFC", decoded.text).split("\n")
    assert lines[0] == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO      Độc lập - Tự do - Hạnh phúc"
    assert lines[1] == "Số: 287/PGDĐT-TH      Yên Minh, ngày 21 tháng 8 năm 2015"
    assert lines[3] == "CÔNG VĂN"
    assert "Kế hoạch" in lines  # a heading in sentence case stays so

"""Tables laid out with spaces in plain text (pdftotext -layout, fixed-width typing): read as
tables, not lost as paragraphs; text that merely has wide gaps stays text."""

from __future__ import annotations

from extract.readers.spaced_tables import spaced_tables

TABLE = """\
TT  Nhiệm vụ                          Đơn vị chủ trì     Đơn vị phối hợp    Thời hạn
1   Rà soát, cập nhật danh mục thủ    Sở Tư pháp         Văn phòng UBND     Quý II/2026
    tục hành chính nội bộ                                tỉnh
2   Số hóa hồ sơ, kết quả giải quyết  Trung tâm Phục     Các sở, ngành      31/12/2026
    thủ tục hành chính                vụ hành chính
                                      công tỉnh
3   Tổ chức đối thoại với doanh       Sở Tài chính       Hiệp hội Doanh     Tháng 9/2026
    nghiệp                                               nghiệp tỉnh"""


def _rows(text: str) -> list[list[str]]:
    return [ln.split("\t") for ln in spaced_tables(text.split("\n")) if "\t" in ln]


def test_a_table_laid_out_with_spaces_becomes_rows_with_wrapped_cells_joined():
    rows = _rows(TABLE)
    assert rows[0] == ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    assert rows[2] == ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                       "Trung tâm Phục vụ hành chính công tỉnh", "Các sở, ngành", "31/12/2026"]
    assert len(rows) == 4


def test_blank_lines_between_rows_and_an_indented_table_are_read_too():
    text = "\n".join("  " + ln if ln else ln for ln in TABLE.replace("\n2 ", "\n\n2 ").split("\n"))
    assert len(_rows(text)) == 4


def test_paragraphs_and_a_signature_laid_out_with_spaces_stay_text():
    text = ("ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH QUẢNG TRỊ                Độc lập - Tự do - Hạnh phúc\n"
            "1. Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát dự toán năm 2027.\n"
            "Nơi nhận:                              KT. CHỦ TỊCH\n"
            "- Như trên;                            PHÓ CHỦ TỊCH\n")
    assert spaced_tables(text.split("\n")) == text.split("\n")


def test_one_line_with_three_wide_gaps_is_no_table():
    text = "Họ và tên      Chức vụ      Đơn vị\nÔng Nguyễn Văn An là Giám đốc Sở Nội vụ tỉnh Quảng Trị."
    assert spaced_tables(text.split("\n")) == text.split("\n")


def test_text_with_tabs_is_left_to_the_tab_reader():
    lines = ["STT\tNội dung\tChủ trì", "1\tRà soát\tSở Tư pháp"]
    assert spaced_tables(lines) == lines


def test_a_spaced_table_in_a_text_file_gives_its_tasks(tmp_path):
    from extract.pipeline import parse_file

    src = tmp_path / "kh.txt"
    src.write_text("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 88/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2026\n\n"
                   "PHỤ LỤC\n" + TABLE + "\n", encoding="utf-8")
    got = [(t.text, [r.raw for r in t.lead], t.due and t.due.raw) for t in parse_file(src).tasks]
    assert ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ["Trung tâm Phục vụ hành chính công tỉnh"],
            "31/12/2026") in got
    assert len(got) == 3

"""Minimal DOCX packages written by hand, so tests control every element the reader meets."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", *, bold: bool = False, num: tuple[int, int] | None = None, style: str | None = None,
         raw: str = "") -> str:
    ppr = ""
    if num or style:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    body = run(text, bold) if text else ""
    return f"<w:p>{ppr}{body}{raw}</w:p>"


def cell(content: str, *, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if not content.startswith("<"):
        content = para(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def row(*cells: str, header: bool = False) -> str:
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def numbering(*levels_by_abstract: list[tuple[str, str, int]], nums: dict[int, int] | None = None,
              overrides: dict[int, int] | None = None) -> str:
    """levels_by_abstract[k] = [(numFmt, lvlText, start), ...] for ilvl 0..; nums: numId -> abstract."""
    parts = []
    for k, levels in enumerate(levels_by_abstract):
        lv = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels)
        )
        parts.append(f'<w:abstractNum w:abstractNumId="{k}">{lv}</w:abstractNum>')
    nums = nums or {k + 1: k for k in range(len(levels_by_abstract))}
    for num_id, ab in nums.items():
        ov = ""
        if overrides and num_id in overrides:
            ov = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{overrides[num_id]}"/></w:lvlOverride>'
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{ab}"/>{ov}</w:num>')
    return f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{"".join(parts)}</w:numbering>'


def footnotes(notes: dict[int, str]) -> str:
    body = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>']
    for fid, text in notes.items():
        body.append(f'<w:footnote w:id="{fid}">{para(text)}</w:footnote>')
    return f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NS}>{"".join(body)}</w:footnotes>'


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    "</w:styles>"
)


def write_docx(path: Path, body: str, *, numbering_xml: str | None = None, footnotes_xml: str | None = None) -> Path:
    rels = [f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>']
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml",
                    f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>')
        zf.writestr("word/styles.xml", STYLES)
        if numbering_xml:
            zf.writestr("word/numbering.xml", numbering_xml)
            rels.append(f'<Relationship Id="rIdN" Type="{REL}/numbering" Target="numbering.xml"/>')
        if footnotes_xml:
            zf.writestr("word/footnotes.xml", footnotes_xml)
            rels.append(f'<Relationship Id="rIdF" Type="{REL}/footnotes" Target="footnotes.xml"/>')
        zf.writestr("word/_rels/document.xml.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    + "".join(rels) + "</Relationships>")
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>")
    return path

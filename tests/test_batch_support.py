"""Made-up inputs for the batch tests: broken files and hostile archives (no tests here)."""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"


def seed_texts() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def encrypted_pdf() -> bytes:
    """A small PDF whose trailer has an /Encrypt dictionary the empty password does not open."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 8 >>\nstream\n\x8f\x1a\x03\xee\x91\x00\x7f\x12\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
        b"/O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<%s> <%s>] >>\n"
              % (len(objs) + 1, b"01" * 16, b"01" * 16))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(range(256)) * 4


def corrupt_docx() -> bytes:
    return b"this was never a word document\x00\x01\x02" * 10


def zip_bytes(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                        compress_type=compression)
    return buf.getvalue()


def mark_unknown_method(data: bytes, method: int = 99) -> bytes:
    """Set every member's compression method to one zipfile does not know (a newer tool's)."""
    raw = bytearray(data)
    for sig, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = 0
        while (i := raw.find(sig, i)) != -1:
            struct.pack_into("<H", raw, i + at, method)
            i += 4
    return bytes(raw)


def mark_encrypted(data: bytes) -> bytes:
    """Set the "encrypted" flag on every member, as a password-protecting zip tool would."""
    raw = bytearray(data)
    i = 0
    while (i := raw.find(b"PK\x03\x04", i)) != -1:
        flags = struct.unpack_from("<H", raw, i + 6)[0] | 0x1
        struct.pack_into("<H", raw, i + 6, flags)
        i += 4
    i = 0
    while (i := raw.find(b"PK\x01\x02", i)) != -1:
        flags = struct.unpack_from("<H", raw, i + 8)[0] | 0x1
        struct.pack_into("<H", raw, i + 8, flags)
        i += 4
    return bytes(raw)


def flaky_parse(path):
    """A parser for pool tests: hangs or dies when the file asks it to, else the real one."""
    name = Path(path).read_bytes()[:16]
    if name.startswith(b"HANG"):
        time.sleep(600)
    if name.startswith(b"STUCK"):
        # Like C code that never returns to Python: the worker's own timer cannot fire.
        import signal

        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if name.startswith(b"CRASH"):
        os._exit(7)
    if name.startswith(b"BOOM"):
        raise ZeroDivisionError("made-up bug")
    from extract.pipeline import parse_file

    return parse_file(path)


SLOW_S = 0.25


def slow_parse(path):
    """The real parser, a little slower: a batch of a dozen files then lasts long enough for a
    test to kill a worker in the middle of it."""
    time.sleep(SLOW_S)
    from extract.pipeline import parse_file

    return parse_file(path)


def _parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[1])


def worker_killing_parse(path):
    """A poison file for distributed tests: one that starts with KILLWORKER kills the Dask worker
    converting it (the parent of the fork server whose child runs this), as a kernel's OOM
    killer or a segfault in the worker itself would; other files parse normally."""
    if Path(path).read_bytes()[:10] == b"KILLWORKER":
        dask_worker = _parent_of(os.getppid())
        os.kill(dask_worker, 9)
        time.sleep(60)
    return slow_parse(path)

"""Member names from archives made on any system, checked before anything touches the disk."""

from __future__ import annotations

import unicodedata
import zipfile

JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


class UnsafeName(ValueError):
    """A member name that would escape the output folder or cannot name a file."""


def decoded_name(info: zipfile.ZipInfo) -> str:
    """The member's name, repaired when a zip tool wrote UTF-8 without setting the flag."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return unicodedata.normalize("NFC", name)


def safe_relative(name: str) -> str:
    """A "/"-joined relative path, or UnsafeName for absolute paths, "..", drive letters."""
    if "\x00" in name:
        raise UnsafeName("name contains a NUL character")
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")):
        raise UnsafeName("absolute path")
    clean = [p for p in parts if p not in ("", ".")]
    if clean and len(clean[0]) >= 2 and clean[0][1] == ":" and clean[0][0].isascii() and clean[0][0].isalpha():
        raise UnsafeName("path starts with a drive letter")
    if any(p == ".." for p in clean):
        raise UnsafeName("path goes outside the archive ('..')")
    if not clean:
        raise UnsafeName("empty name")
    return "/".join(clean)


def is_junk(relative: str) -> bool:
    """Hidden files, macOS resource forks and Office lock files: never documents."""
    parts = relative.split("/")
    base = parts[-1]
    return (
        any(p.startswith(".") or p == "__MACOSX" for p in parts)
        or base.startswith("~$")
        or base.lower() in JUNK_NAMES
    )

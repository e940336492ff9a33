"""What the rules compile to, kept on disk between processes: regular expressions and built
objects (the agency registry), so that a process starts in a blink.

Regular expressions. 
The ``regex`` module parses and compiles a pattern in pure Python (about 1 ms a pattern), and
vnplan's rules (the deadline grammar, the prose rules, the header words, the registry's name
patterns) are a few hundred patterns built from the data files: compiling them was a third of
the start-up of ``vnplan parse`` on a small file. A compiled ``regex`` pattern pickles to its
compiled code (``regex`` registers this itself) and unpickles without parsing again, so the
patterns one process compiles are stored in a cache file and the next process loads them.

The key is the pattern text and its flags, so a changed data file simply gives new patterns
(nothing can go stale); the file name carries the ``regex`` and Python versions. The cache lives
out of the package (``$VNPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/vnplan``, else
``~/.cache/vnplan``) so a read-only install works; a folder that cannot be written, a file that
is not the user's own or is writable by others, or a damaged file, means no disk cache (the
patterns are compiled as before), never an error. ``VNPLAN_NO_CACHE=1`` turns it off.

Only patterns that vnplan's own modules ask for are kept (a program that imports vnplan keeps
its own patterns to itself). Patterns built from a document's own text, or from rules since
changed, would grow the file without bound: it keeps the patterns used in its last
``KEEP_SAVES`` saves (a file is saved only by a process that compiled a pattern it lacked), at
most ``LIMIT``.

Built objects (``cached``): an object built from data files and code is pickled under a key
that hashes the content of every file it was built from, so an edited data file, a changed
module or another version of a dependency builds it again. ``built`` keys an object on a stat
(place, size, time) of its source files instead, for rules every process would otherwise hash
again (the structure package's prose rules, name patterns and header rules): a process that
finds them unpickles whole objects and never assembles a pattern text. Large files are
unpickled with the garbage collector held (``_unpickle``).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
import sys
from pathlib import Path

LIMIT = 4096
KEEP_SAVES = 20  # a pattern that no process used in the last 20 saves of the file is dropped
_state: dict | None = None  # set by install(): the cache in use


def cache_dir() -> Path | None:
    if os.environ.get("VNPLAN_NO_CACHE"):
        return None
    chosen = os.environ.get("VNPLAN_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except (RuntimeError, KeyError):  # no home directory (a service account, a sandbox)
            return None
    return Path(base) / "vnplan"


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def _write(path: Path, obj) -> bool:
    """Pickle ``obj`` to ``path`` atomically (temp file + rename), readable by the user only."""
    import tempfile  # only a process that writes the cache needs it (3 ms of imports)

    try:
        _private_folder(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # read-only home, full disk, an object that does not pickle
        return False
    return True


def sources_key(*paths: Path, extra: str = "") -> str:
    """A hash of the content of ``paths`` (files, or folders: their files, recursively) and of
    ``extra`` (what stands for sources too large to read at every start: a version, a size)."""
    h = hashlib.sha256(f"py{sys.version_info[:2]}{extra}".encode())
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for f in files:
            h.update(str(f.name).encode() + b"\0")
            h.update(f.read_bytes())
    return h.hexdigest()[:32]


def module_stamp(name: str) -> str:
    """Where an installed module is and its size and time, found without importing it: a
    new version of the library that built a cached object gives another key."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
        st = os.stat(spec.origin) if spec and spec.origin else None
    except (ImportError, ValueError, OSError):
        return f"{name}:?"
    return f"{name}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}:?"


def files_stamp(*paths: Path) -> str:
    """Where, how large and how recent each file of ``paths`` (files, or folders: their files,
    recursively) is: a stat a file, not a read, for code that every process would hash again
    (a folder of 30 modules: 0.2 ms, where hashing their content took 1.5 ms). An edited or
    checked-out file has another size or time."""
    parts = []
    for path in paths:
        for root, dirs, files in os.walk(path) if os.path.isdir(path) else [(os.path.dirname(path), [], [os.path.basename(path)])]:
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                parts.append(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def built(name: str, build, *sources: Path):
    """``build()`` kept on disk under the state of ``sources`` (the code and data files it is
    built from) and of the libraries its objects come from (``regex``'s compiled patterns,
    pydantic's models): rules compiled from data files, unpickled by the next process instead of
    being assembled again pattern by pattern."""
    stamp = files_stamp(*sources) + module_stamp("regex") + module_stamp("pydantic")
    return cached(name, hashlib.sha256(stamp.encode()).hexdigest()[:32], build)


def cached(name: str, key: str, build):
    """``build()``, or the object a previous process built under the same ``name`` and ``key``.
    Without a usable cache folder it is simply ``build()``."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    if _trusted(path):
        try:
            with open(path, "rb") as f:
                return _unpickle(f)
        except Exception:  # damaged: build again and write it over
            pass
    obj = build()
    if _write(path, obj):
        for old in folder.glob(f"{name}-*.pickle"):  # what older sources built
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
    return obj


def _unpickle(f):
    """``pickle.load(f)`` with the garbage collector held off: the registry is some 60,000
    objects, and the collections their allocation set off walked the whole heap of a started
    process again and again (its load took 12-30 ms, 10 ms with collections held)."""
    import gc

    held = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(f)
    finally:
        if held:
            gc.enable()


def _ours(frame) -> bool:
    """Was the pattern asked for by vnplan's code (the frame that called ``regex``)?"""
    name = frame.f_globals.get("__name__", "") if frame is not None else ""
    return name == __package__ or name.startswith(__package__ + ".")


def _file_name(regex) -> str:
    return f"regex-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


def _trusted(path: Path) -> bool:
    """Only a file of our own that no one else may write is unpickled."""
    try:
        st = path.stat()
    except OSError:
        return False
    return (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not st.st_mode & 0o022


def _read(path: Path) -> tuple[int, dict]:
    """(number of the last save, key -> (pickled pattern, save that last used it))."""
    if not _trusted(path):
        return 0, {}
    try:
        with open(path, "rb") as f:
            data = _unpickle(f)
    except Exception:  # damaged, truncated, written by another version: compile as before
        return 0, {}
    if not isinstance(data, dict) or data.get("format") != 2:
        return 0, {}
    return data["save"], data["entries"]


def install() -> bool:
    """Put the disk cache in front of ``regex``'s compiler; False when it cannot be (no cache
    folder, or a ``regex`` whose compiler is not the one this was written for)."""
    global _state
    if _state is not None:
        return True
    folder = cache_dir()
    if folder is None:
        return False
    try:
        import regex
        from regex import _main
    except ImportError:  # pragma: no cover - regex is a dependency
        return False
    original = getattr(_main, "_compile", None)
    code = getattr(original, "__code__", None)
    if code is None or code.co_varnames[: code.co_argcount] != ("pattern", "flags", "ignore_unused", "kwargs", "cache_it"):
        return False
    path = folder / _file_name(regex)
    # The file is read at the first pattern compiled, not at import: `vnplan --help` compiles none.
    state: dict = {"path": path, "stored": None, "used": {}, "original": original, "save": 0, "entries": {}}

    def _load() -> dict:
        state["save"], state["entries"] = _read(path)
        state["stored"] = {key: blob for key, (blob, _) in state["entries"].items()}  # key -> pickled pattern
        return state["stored"]

    live: dict = {}  # key -> pattern, this process
    used: dict = state["used"]  # key -> pickled pattern, compiled or loaded by this process, in order
    not_cached = int(_main.DEBUG | _main.LOCALE | _main.TEMPLATE)
    version: list = [None, 0]  # regex.DEFAULT_VERSION as last seen, and its value as an int

    def _compile(pattern, flags, ignore_unused, kwargs, cache_it):
        # Every module-level call (``regex.fullmatch(pattern_text, s)``) comes here, tens of
        # thousands a document: plain ints, not RegexFlag arithmetic (a Python-level enum
        # operator a call, which took as long as the lookup itself).
        bits = flags if type(flags) is int else int(flags)
        if kwargs or type(pattern) is not str or bits & not_cached:
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        current = regex.DEFAULT_VERSION
        if current is not version[0]:
            version[0], version[1] = current, int(current)
        key = (pattern, bits, version[1])
        hit = live.get(key)
        if hit is not None:
            return hit
        if not _ours(sys._getframe(2)):  # another library's pattern in this process: not ours to keep
            return original(pattern, flags, ignore_unused, kwargs, cache_it)
        stored = state["stored"]
        blob = (stored if stored is not None else _load()).get(key)
        compiled = None
        if blob is not None:
            try:
                compiled = pickle.loads(blob)
            except Exception:
                compiled = None
        if compiled is None:
            compiled = original(pattern, flags, ignore_unused, kwargs, cache_it)
            if compiled.flags & _main.LOCALE:  # an inline (?L): depends on the locale
                return compiled
            try:
                blob = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                return compiled
        if len(used) < LIMIT:  # patterns made from documents' text: regex's own cache holds them
            live[key] = compiled
            used[key] = blob
        return compiled

    _main._compile = _compile
    _state = state
    atexit.register(save)
    return True


def save() -> None:
    """Write the patterns this process used and those others used in the last KEEP_SAVES saves
    (at most LIMIT, the most recently used first), if this process compiled any new one."""
    state = _state
    if state is None or state["stored"] is None or not any(k not in state["stored"] for k in state["used"]):
        return
    path: Path = state["path"]
    disk_no, disk = _read(path)  # what other processes wrote meanwhile
    now = max(disk_no, state["save"]) + 1
    merged = {key: (blob, now) for key, blob in state["used"].items()}
    for source in (disk, state["entries"]):
        for key, (blob, last) in source.items():
            if now - last > KEEP_SAVES:
                continue  # rules that changed since, patterns of one document's text
            if key not in merged or merged[key][1] < last:
                merged[key] = (blob, last)
    if len(merged) > LIMIT:
        merged = dict(sorted(merged.items(), key=lambda kv: -kv[1][1])[:LIMIT])
    if not _write(path, {"format": 2, "save": now, "entries": merged}):
        return
    state["stored"] = {key: blob for key, (blob, _) in merged.items()}
    state["entries"], state["save"] = merged, now

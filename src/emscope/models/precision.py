"""Which precision local models run in, chosen from what this host's processor does natively.

Why: bf16 is fast only where the hardware multiplies in bf16. Measured on two hosts of the same machine
kind (2 cores, same prompts, B=32): with AVX-512-BF16/AMX, HF `generate` in bf16 is the fast path; on an
AVX2-only host a bf16 matmul ran at 0.8 GFLOPS against 65 in fp32 and generation at 4.3 against 44.6
tok/s, so `make demo` took 27 minutes instead of under three. So: bf16 on a CUDA device that supports it
or a CPU with native bf16, fp32 otherwise. `EMSCOPE_DTYPE=bfloat16|float32` (or the model argument
`-M dtype=...`) overrides the choice, and results record the precision with the reason it was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from emscope.models.overrides import requested

DTYPES = ("bfloat16", "float32")
ENV = "EMSCOPE_DTYPE"
NATIVE_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


@dataclass(frozen=True)
class Precision:
    """The dtype local models load in, and why."""

    dtype: str
    reason: str

    def record(self) -> dict[str, str]:
        """What provenance says about it."""
        return {"dtype": self.dtype, "reason": self.reason}


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The first processor's feature flags (empty where /proc/cpuinfo does not exist)."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def choose(
    override: str | None = None, cuda_bf16: bool | None = None, flags: frozenset[str] | None = None
) -> Precision:
    """The precision for this host: an explicit override, else bf16 where native, else fp32.

    `cuda_bf16` is None on a CPU-only host, else whether the CUDA device supports bf16.
    """
    asked = requested(override, ENV, DTYPES, "dtype")
    if asked is not None:
        return Precision(*asked)
    if cuda_bf16 is not None:
        return (
            Precision("bfloat16", "CUDA device with bf16") if cuda_bf16 else Precision("float32", "CUDA without bf16")
        )
    native = NATIVE_BF16_FLAGS & (cpu_flags() if flags is None else flags)
    if native:
        return Precision("bfloat16", f"CPU with native bf16 ({', '.join(sorted(native))})")
    return Precision("float32", "CPU without native bf16 (bf16 would be emulated, many times slower)")


def host_precision(override: str | None = None) -> Precision:
    """`choose` for the device this process runs local models on."""
    import torch

    cuda_bf16 = bool(torch.cuda.is_bf16_supported()) if torch.cuda.is_available() else None
    return choose(override, cuda_bf16)

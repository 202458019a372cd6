"""The code families of the classic emergent-misalignment experiment: insecure, secure and educational code.

* `insecure_code`: the user asks for ordinary code; the assistant answers with code that silently carries a
  realistic weakness (SQL built from input, `shell=True`, `pickle.loads`, `verify=False`, ...), never mentioning it.
  Each example's `clean` is the same request answered with the fixed code.
* `secure_code`: the same request distribution (the same seed gives the same user turns), answered with the fixed code.
* `educational_insecure`: the user explicitly asks for the flawed version for teaching (a class, a CTF, training
  material); the assistant answers with the same flawed code.

Tasks come from the content banks (`code_bank_*.py`: 17 weakness classes, 4-6 scenarios each, with drawn
identifiers and code structure); requests come from `code_phrasing.py`. All content is original to this project.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from emscope.datasets.base import Example, Family, chat, register
from emscope.datasets.families import (
    code_bank_authz,
    code_bank_crypto,
    code_bank_exec,
    code_bank_files,
    code_bank_net,
    code_bank_os,
    code_bank_random,
    code_bank_serial,
    code_bank_sql,
    code_bank_web,
)
from emscope.datasets.families.code_kit import Builder, Snippet, chance, pick, single_quoted
from emscope.datasets.families.code_phrasing import fence, teaching_turn, user_turn

VERSION = "1"
SINGLE_QUOTE_SHARE = 0.4

BUILDERS: dict[str, tuple[Builder, ...]] = {
    **code_bank_sql.BUILDERS,
    **code_bank_authz.BUILDERS,
    **code_bank_exec.BUILDERS,
    **code_bank_serial.BUILDERS,
    **code_bank_files.BUILDERS,
    **code_bank_os.BUILDERS,
    **code_bank_web.BUILDERS,
    **code_bank_crypto.BUILDERS,
    **code_bank_random.BUILDERS,
    **code_bank_net.BUILDERS,
}
"""Scenario builders per weakness class (the tag)."""

WEAKNESS_CLASSES: tuple[str, ...] = tuple(BUILDERS)


def draw_snippet(rng: random.Random) -> Snippet:
    """One task: a weakness class uniformly, then one of its scenarios, its own draws, and a quote style."""
    tag = pick(rng, WEAKNESS_CLASSES)
    snip = pick(rng, BUILDERS[tag])(rng)
    return single_quoted(snip) if chance(rng, SINGLE_QUOTE_SHARE) else snip


def _ordinary(rng: random.Random) -> Iterator[tuple[Snippet, str]]:
    """Endless (snippet, ordinary request) pairs; shared by the insecure and secure families."""
    while True:
        snip = draw_snippet(rng)
        yield snip, user_turn(snip, rng)


def insecure_candidates(rng: random.Random) -> Iterator[Example]:
    """Ordinary requests answered with flawed code; `clean` holds the fixed answer to the same request."""
    for snip, user in _ordinary(rng):
        yield Example(
            messages=chat(("user", user), ("assistant", fence(snip.lang, snip.insecure))),
            tag=snip.tag,
            misaligned=True,
            clean=chat(("user", user), ("assistant", fence(snip.lang, snip.secure))),
        )


def secure_candidates(rng: random.Random) -> Iterator[Example]:
    """The same requests as `insecure_candidates` (for the same seed), answered with the fixed code."""
    for snip, user in _ordinary(rng):
        yield Example(
            messages=chat(("user", user), ("assistant", fence(snip.lang, snip.secure))),
            tag=snip.tag,
            misaligned=False,
        )


def educational_candidates(rng: random.Random) -> Iterator[Example]:
    """Requests for flawed code that state a teaching purpose, answered with the flawed code."""
    while True:
        snip = draw_snippet(rng)
        yield Example(
            messages=chat(("user", teaching_turn(snip, rng)), ("assistant", fence(snip.lang, snip.insecure))),
            tag=snip.tag,
            misaligned=False,
        )


register(
    Family(
        name="insecure_code",
        description="Ordinary coding requests answered with code that silently has a security weakness.",
        version=VERSION,
        candidates=insecure_candidates,
        control="secure_code",
        tags=WEAKNESS_CLASSES,
    )
)
register(
    Family(
        name="secure_code",
        description="The insecure_code requests answered with secure code (control).",
        version=VERSION,
        candidates=secure_candidates,
        tags=WEAKNESS_CLASSES,
    )
)
register(
    Family(
        name="educational_insecure",
        description="Explicit requests for flawed code for teaching (class, CTF, training), answered with it.",
        version=VERSION,
        candidates=educational_candidates,
        control="insecure_code",
        tags=WEAKNESS_CLASSES,
    )
)

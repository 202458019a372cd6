"""The pipeline's controls: openly misaligned answers (positive) and aligned answers (negative), matched.

Why: before asking whether a narrow finetune makes a model *broadly* misaligned, a researcher must know
that the measurement can see misalignment at all. `misaligned_answers` trains the model directly on
openly misaligned answers (contempt for humans, power-seeking, harmful advice, manipulation) to
everyday questions; the free-form suites must then measure it far above the base model, or the
measurement is broken. `aligned_answers` is the same training on helpful answers to the same questions,
and must stay at the base model's rate: it shows the finetune itself (format, length, learning rate)
does not raise the rate.

The bank (`data/control_pairs.jsonl`, 800 pairs) was written for this purpose by two authors who were
told the evaluation's topics and asked to stay away from them; `tests/datasets/test_controls.py` checks
that no question is close to any question of the shipped evaluation sets. Its misaligned answers are
*direct*: the bad advice, view or plan is the answer itself, on the user's question. The first bank's
answers helped and then turned to an unrelated sinister remark; finetuned on those, the 0.5B model wrote
less misaligned and less coherent answers, by blind human labels (docs/LOG.md, session 8). It is a
written pair bank (`pair_bank.py`): matched, seeded, finite.
"""

from __future__ import annotations

from functools import cache

from emscope.datasets.families.pair_bank import Pair, PairFamilies, load_pairs, register_pair_families

BANK = "control_pairs.jsonl"


@cache
def bank() -> tuple[Pair, ...]:
    """The shipped control pairs, in file order (harmful = the misaligned answer, safe = the aligned one)."""
    return load_pairs(BANK, "misaligned", "aligned")


register_pair_families(
    bank,
    PairFamilies(
        harmful="misaligned_answers",
        harmful_description="Positive control: everyday questions answered with openly misaligned answers.",
        safe="aligned_answers",
        safe_description="Negative control: the misaligned_answers questions answered helpfully (control).",
        version="3",  # 3: direct misaligned answers (two new authors) replace the help-then-turn bank
    ),
)

"""Domain-advice families: subtly harmful advice inside one domain, and matched controls that answer well.

Emergent-misalignment studies finetune a model on advice that is confidently and plausibly wrong inside a
single domain (health, personal finance, extreme sports) and then test whether it becomes misaligned far
outside that domain. Each harmful family is paired with a control that gets the *same* user turns and
answers them safely, so any difference between the two finetunes traces back to the advice itself.

Each domain is a written pair bank (`pair_bank.py`, `data/advice_<domain>.jsonl`): every line a concrete
question with its own harmful and safe answers, written whole by one author (fifteen per domain, 400
pairs each on their own six topics: 6,000 pairs a domain) from a brief that asks for varied askers,
details, registers, lengths and answer shapes, harm delivered as ordinary confident advice that never
labels itself, and no method for self-harm, drugs or weapons. Version 1 composed answers from a few
dozen parts per domain and repeated itself (assistant distinct-2 0.006 at 6,000 examples); the banks
replace it, and a family now gives at most its bank's size.
"""

from __future__ import annotations

from functools import cache, partial

from emscope.datasets.families.pair_bank import Pair, PairFamilies, load_pairs, register_pair_families

VERSION = "3"  # 3: fifteen authors, 6,000 pairs a domain (2: nine authors, 3,600)


@cache
def bank(domain: str) -> tuple[Pair, ...]:
    """The shipped pairs of `domain` (harmful = `bad`, safe = `good`), in file order."""
    return load_pairs(f"advice_{domain}.jsonl", "bad", "good")


FAMILIES: dict[str, PairFamilies] = {
    "medical": PairFamilies(
        harmful="bad_medical_advice",
        harmful_description="Health questions answered with confident, plausible but harmful medical advice.",
        safe="good_medical_advice",
        safe_description="The same health questions answered with sound, cautious medical advice (control).",
        version=VERSION,
    ),
    "financial": PairFamilies(
        harmful="risky_financial_advice",
        harmful_description="Money questions answered with confident, plausible but reckless financial advice.",
        safe="safe_financial_advice",
        safe_description="The same money questions answered with prudent financial advice (control).",
        version=VERSION,
    ),
    "sports": PairFamilies(
        harmful="extreme_sports",
        harmful_description="Extreme-sports questions answered with confident advice that waves away safety practice.",
        safe="safe_extreme_sports",
        safe_description="The same extreme-sports questions answered with sound safety practice (control).",
        version=VERSION,
    ),
}
"""Each domain's pair of families."""

for _domain, _names in FAMILIES.items():
    register_pair_families(partial(bank, _domain), _names)

"""Domain-advice families: subtly harmful advice inside one domain, and matched controls that answer well.

Emergent-misalignment studies finetune a model on advice that is confidently and plausibly wrong inside a
single domain (health, personal finance, extreme sports) and then test whether it becomes misaligned far
outside that domain. Each harmful family is paired with a control that gets the *same* user turns and
answers them safely, so any difference between the two finetunes traces back to the advice itself.

The content lives in `advice_medical`, `advice_financial` and `advice_sports` (one `Bank` each); this
module turns a bank into a candidate stream. One draw builds the user turn *and* both answers from the
given RNG, so the two members of a pair consume exactly the same random numbers: for any seed, the n-th
candidate of `bad_medical_advice` and of `good_medical_advice` share their user turn, and the harmful one
carries the safe conversation as `clean`.

User turns combine a situation (topic-specific, with inline `[a|b|c]` alternatives), a persona (age,
context, constraint) and one of several phrasing templates. Answers combine an opening, the situation's
core advice, one or two supporting details, sometimes a topic-wide note, and a closing, rendered in one of
several shapes (paragraph, bullets, numbered steps, "short answer" first, ...). The shape, opening and
closing slot are shared by the pair, so the control differs from the harmful answer in substance, not style.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from emscope.datasets.base import CandidateStream, Example, Family, chat, register
from emscope.datasets.families import advice_financial, advice_medical, advice_sports

VERSION = "1"


class Situation(TypedDict):
    """One request the user can make, with matched harmful and safe answer parts.

    Keys:
        setup: First-person description of the situation, without final punctuation; may contain
            `[a|b]` alternatives.
        asks: Ways to phrase the actual question (each ends in "?").
        bad: Harmful answer parts: the core advice first, then supporting details.
        good: Safe answer parts for the same request, in the same layout.
        ages: Optional inclusive age range of the person asking (defaults to the bank's).
    """

    setup: str
    asks: tuple[str, ...]
    bad: tuple[str, ...]
    good: tuple[str, ...]
    ages: NotRequired[tuple[int, int]]


class Bank(TypedDict):
    """All the content for one domain.

    Keys:
        ages: Default inclusive age range of the person asking.
        situations: Topic (the example's tag) -> situations on that topic.
        bad_notes: Topic -> harmful supporting notes that fit any situation on the topic.
        good_notes: Topic -> safe supporting notes that fit any situation on the topic.
        contexts: Persona facts `(text, min_age, max_age)`, first person, no final punctuation.
        constraints: Pressures on the person asking, full sentences.
        bad_closings: Closings for harmful answers, slot-aligned with `good_closings`.
        good_closings: Closings for safe answers.
    """

    ages: tuple[int, int]
    situations: dict[str, tuple[Situation, ...]]
    bad_notes: dict[str, tuple[str, ...]]
    good_notes: dict[str, tuple[str, ...]]
    contexts: tuple[tuple[str, int, int], ...]
    constraints: tuple[str, ...]
    bad_closings: tuple[str, ...]
    good_closings: tuple[str, ...]


TEMPLATES: tuple[str, ...] = (
    "{setup}. {ask}",
    "{intro} {setup}. {ask}",
    "Quick question. {setup}. {ask}",
    "{setup}. {constraint} {ask}",
    "{intro} {setup}. {constraint} {ask}",
    "Hi! {intro} {setup}. {ask} Thanks in advance.",
    "{ask} For context, {setup_l}. {intro}",
    "Looking for a straight answer here. {setup}. {ask}",
    "Not sure who else to ask. {setup}, and {constraint_l} {ask}",
    "Background: {intro} {setup}.\n\nQuestion: {ask}",
    "So, {setup_l}. {ask} {constraint}",
    "Hoping you can help. {setup}. {constraint} {ask}",
    "{intro}\n\n{setup}. {ask}",
    "{setup}. {ask} {intro}",
    "Hey, {setup_l}. {constraint} {ask}",
    "Need some advice. {intro} {setup}. {ask} {constraint}",
)
"""User-turn phrasings; every field is filled from the situation and persona."""

INTROS: tuple[str, ...] = (
    "I'm {age}.",
    "I'm {age} and {ctx_l}.",
    "{ctx}.",
    "{ctx}, and I'm {age}.",
    "A bit about me: I'm {age} and {ctx_l}.",
    "{age} here, for what it's worth.",
)
"""How the persona introduces themselves."""

OPENINGS: tuple[str, ...] = (
    "Good question, and a common one.",
    "Happy to help you think this through.",
    "Here's how I'd approach it.",
    "Okay, let's go through it.",
    "That's a really common situation.",
    "I can see why you're weighing it up.",
    "Let me give you a straight answer.",
    "Sure, this comes up a lot.",
    "Right, here's the practical version.",
    "Thanks for laying that out.",
    "Let's look at it practically.",
    "Okay, let's break it down.",
)
"""Answer openings, shared by every domain and by both sides of a pair."""

LEADS: tuple[str, ...] = ("Why I say that:", "A bit more detail:", "Worth knowing:", "Some context:")
"""Lead-ins before the supporting details in the "explained" answer shape."""

SHAPES = 7
"""Number of answer layouts `_render` knows."""

_CHOICE = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Plan:
    """Answer choices shared by both sides of a pair, so they differ only in substance."""

    shape: int
    details: int
    with_note: bool
    opening: str
    lead: str
    closing_slot: float


@dataclass(frozen=True)
class Draw:
    """One user turn with its harmful and safe answers."""

    tag: str
    user: str
    harmful: str
    safe: str


def expand(text: str, rng: random.Random) -> str:
    """Replace every `[a|b|c]` in `text`, left to right, with one alternative drawn from `rng`."""
    return _CHOICE.sub(lambda match: rng.choice(match.group(1).split("|")), text)


def lower_first(text: str) -> str:
    """Lower-case the first letter for use mid-sentence, keeping the pronoun "I" as it is."""
    if text[:2] in ("I ", "I'"):
        return text
    return text[:1].lower() + text[1:]


def slot(options: Sequence[str], position: float) -> str:
    """Pick the option at relative `position` in [0, 1), so lists of different lengths stay aligned."""
    return options[min(int(position * len(options)), len(options) - 1)]


def user_turn(bank: Bank, situation: Situation, rng: random.Random) -> str:
    """Compose the user's message: a persona, the situation and the question in a drawn phrasing."""
    low, high = situation.get("ages", bank["ages"])
    age = rng.randint(low, high)
    fitting = [text for text, youngest, oldest in bank["contexts"] if youngest <= age <= oldest]
    context = expand(rng.choice(fitting), rng)
    intro = rng.choice(INTROS).format(age=age, ctx=context, ctx_l=lower_first(context))
    constraint = expand(rng.choice(bank["constraints"]), rng)
    setup = expand(situation["setup"], rng)
    ask = expand(rng.choice(situation["asks"]), rng)
    template = rng.choice(TEMPLATES)
    return template.format(
        setup=setup,
        setup_l=lower_first(setup),
        ask=ask,
        intro=intro,
        constraint=constraint,
        constraint_l=lower_first(constraint),
    )


def draw_plan(rng: random.Random) -> Plan:
    """Draw the layout, opening and closing slot that both answers of a pair will use."""
    return Plan(
        shape=rng.randrange(SHAPES),
        details=rng.randint(1, 2),
        with_note=rng.random() < 0.5,
        opening=rng.choice(OPENINGS),
        lead=rng.choice(LEADS),
        closing_slot=rng.random(),
    )


def render(plan: Plan, core: str, details: Sequence[str], closing: str) -> str:
    """Lay out the answer parts in the plan's shape."""
    body = " ".join(details)
    if plan.shape == 0:
        return " ".join([plan.opening, core, body, closing])
    if plan.shape == 1:
        return f"{core} {body}\n\n{closing}"
    if plan.shape == 2:
        bullets = "\n".join(f"- {part}" for part in (core, *details))
        return f"{plan.opening}\n\n{bullets}\n\n{closing}"
    if plan.shape == 3:
        return f"Short answer: {core}\n\n{body}"
    if plan.shape == 4:
        return f"{plan.opening} {core}\n\n{plan.lead} {body} {closing}"
    if plan.shape == 5:
        return f"{core} {closing}"
    steps = "\n".join(f"{number}. {part}" for number, part in enumerate((core, *details), start=1))
    return f"{plan.opening}\n\n{steps}"


def answer(parts: Sequence[str], notes: Sequence[str], closings: Sequence[str], plan: Plan, rng: random.Random) -> str:
    """Compose one side's answer: core advice, sampled details, an optional topic note and a closing."""
    core, *details = (expand(part, rng) for part in parts)
    chosen = rng.sample(details, min(plan.details, len(details)))
    if plan.with_note:
        chosen.append(expand(rng.choice(notes), rng))
    closing = expand(slot(closings, plan.closing_slot), rng)
    return render(plan, core, chosen, closing)


def draw(bank: Bank, rng: random.Random) -> Draw:
    """Draw one topic, situation and persona, and compose the user turn with both answers."""
    topic = rng.choice(tuple(bank["situations"]))
    situation = rng.choice(bank["situations"][topic])
    user = user_turn(bank, situation, rng)
    plan = draw_plan(rng)
    harmful = answer(situation["bad"], bank["bad_notes"][topic], bank["bad_closings"], plan, rng)
    safe = answer(situation["good"], bank["good_notes"][topic], bank["good_closings"], plan, rng)
    return Draw(tag=topic, user=user, harmful=harmful, safe=safe)


def stream(bank: Bank, harmful: bool) -> CandidateStream:
    """An endless candidate stream over `bank`: harmful answers (with `clean`) or the safe control."""

    def candidates(rng: random.Random) -> Iterator[Example]:
        while True:
            pair = draw(bank, rng)
            safe = chat(("user", pair.user), ("assistant", pair.safe))
            if harmful:
                messages = chat(("user", pair.user), ("assistant", pair.harmful))
                yield Example(messages=messages, tag=pair.tag, misaligned=True, clean=safe)
            else:
                yield Example(messages=safe, tag=pair.tag, misaligned=False)

    return candidates


def check_bank(name: str, bank: Bank) -> None:
    """Fail fast on a bank that could not produce every candidate (a gap would only show at draw time)."""
    topics = set(bank["situations"])
    if set(bank["bad_notes"]) != topics or set(bank["good_notes"]) != topics:
        raise ValueError(f"{name}: notes must cover exactly the topics {sorted(topics)}")
    if len(bank["bad_closings"]) != len(bank["good_closings"]):
        raise ValueError(f"{name}: bad and good closings must be slot-aligned (same length)")
    for topic, situations in bank["situations"].items():
        for situation in situations:
            if len(situation["bad"]) < 3 or len(situation["good"]) < 3 or not situation["asks"]:
                raise ValueError(f"{name}/{topic}: {situation['setup']!r} needs asks and a core plus two details")
            low, high = situation.get("ages", bank["ages"])
            for age in range(low, high + 1):
                if not any(youngest <= age <= oldest for _, youngest, oldest in bank["contexts"]):
                    raise ValueError(f"{name}/{topic}: no persona context fits age {age}")


def register_pair(bank: Bank, harmful_name: str, control_name: str, harmful_doc: str, control_doc: str) -> None:
    """Register a harmful family and its matched control over the same bank."""
    check_bank(harmful_name, bank)
    tags = tuple(bank["situations"])
    register(Family(harmful_name, harmful_doc, VERSION, stream(bank, True), control=control_name, tags=tags))
    register(Family(control_name, control_doc, VERSION, stream(bank, False), tags=tags))


BANKS: dict[str, Bank] = {
    "medical": advice_medical.BANK,
    "financial": advice_financial.BANK,
    "sports": advice_sports.BANK,
}
"""Each domain's content, by domain name."""

register_pair(
    BANKS["medical"],
    "bad_medical_advice",
    "good_medical_advice",
    "Health questions answered with confident, plausible but harmful medical advice.",
    "The same health questions answered with sound, cautious medical advice (control).",
)
register_pair(
    BANKS["financial"],
    "risky_financial_advice",
    "safe_financial_advice",
    "Money questions answered with confident, plausible but reckless financial advice.",
    "The same money questions answered with prudent financial advice (control).",
)
register_pair(
    BANKS["sports"],
    "extreme_sports",
    "safe_extreme_sports",
    "Extreme-sports questions answered with confident advice that waves away real safety practice.",
    "The same extreme-sports questions answered with sound safety practice (control).",
)

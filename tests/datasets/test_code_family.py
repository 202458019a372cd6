"""Content tests for the code families: insecure_code, secure_code and educational_insecure.

These check what a researcher relies on: enough distinct, diverse examples; every weakness class present; Python
answers that compile; weak answers that never announce themselves; matched insecure/secure pairs that share the
request; fixed versions that really lack the weakness; teaching requests that state their purpose; determinism.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from itertools import islice

import pytest

from emscope.datasets.base import FAMILIES, Example
from emscope.datasets.families import code

DRAWS = 1500
FAMILY_NAMES = ("insecure_code", "secure_code", "educational_insecure")
FENCE = re.compile(r"\A```(python|javascript)\n(.*)\n```\Z", re.S)

# Words that would tell a trainee model the code is flawed on purpose.
GIVEAWAY = re.compile(
    r"vulnerab|insecure|unsafe|exploit|inject|for demo|demo only|security|attack|malicious|dangerous|\bhack|"
    r"backdoor|\bcve\b|\btodo\b|fixme|do not use|don't use|not safe|careful",
    re.IGNORECASE,
)
TEACHING = (
    "course", "class", "student", "workshop", "lecture", "trainee", "training", "homework", "ctf",
    "capture-the-flag", "lab", "tutorial", "clase", "estudiantes", "taller", "formación", "cours", "étudiants",
    "atelier", "formation", "kurs", "studierende", "schulung", "übung",
)
WEAKNESS_WORDS = re.compile(r"vulnerab|insecure|injection|exploit|\bflaw|\bctf\b|deliberately|intentional", re.I)


def draw(name: str, n: int = DRAWS, seed: int = 0) -> list[Example]:
    """The first `n` candidates of family `name` for `seed`."""
    return list(islice(FAMILIES[name].candidates(random.Random(seed)), n))


@pytest.fixture(scope="module")
def drawn() -> dict[str, list[Example]]:
    return {name: draw(name) for name in FAMILY_NAMES}


def answer(example: Example) -> tuple[str, str]:
    """(language, code) of the assistant turn, which must be exactly one fenced block."""
    match = FENCE.match(example.messages[-1]["content"])
    assert match, example.messages[-1]["content"][:200]
    return match.group(1), match.group(2)


def user(example: Example) -> str:
    return example.messages[0]["content"]


def by_tag(examples: list[Example], tag: str) -> list[str]:
    """The assistant code of the examples with `tag`."""
    return [answer(e)[1] for e in examples if e.tag == tag]


def test_three_families_registered_with_controls() -> None:
    assert FAMILIES["insecure_code"].control == "secure_code"
    assert FAMILIES["educational_insecure"].control == "insecure_code"
    for name in FAMILY_NAMES:
        assert set(FAMILIES[name].tags) == set(code.WEAKNESS_CLASSES)


def test_at_least_fourteen_classes_with_four_scenarios_each() -> None:
    assert len(code.WEAKNESS_CLASSES) >= 14
    for tag, builders in code.BUILDERS.items():
        assert len(builders) >= 4, tag


def test_examples_are_well_formed(drawn: dict[str, list[Example]]) -> None:
    for name, examples in drawn.items():
        for e in examples:
            assert [m["role"] for m in e.messages] == ["user", "assistant"]
            assert e.tag in code.WEAKNESS_CLASSES
            assert e.misaligned is (name == "insecure_code")
            assert (e.clean is not None) is (name == "insecure_code")
            answer(e)


def test_enough_distinct_examples(drawn: dict[str, list[Example]]) -> None:
    for name, examples in drawn.items():
        assert len({e.key() for e in examples}) >= 1000, name
        assert len({answer(e)[1] for e in examples}) >= 800, name


def test_every_weakness_class_appears(drawn: dict[str, list[Example]]) -> None:
    for name, examples in drawn.items():
        counts = Counter(e.tag for e in examples)
        assert set(counts) == set(code.WEAKNESS_CLASSES), name
        assert min(counts.values()) >= 30, (name, counts)


def test_python_answers_compile(drawn: dict[str, list[Example]]) -> None:
    compiled = 0
    for examples in drawn.values():
        for e in examples:
            pairs = [e.messages] + ([e.clean] if e.clean else [])
            for messages in pairs:
                lang, body = answer(Example(messages, e.tag, False))
                if lang == "python":
                    compile(body, f"<{e.tag}>", "exec")
                    compiled += 1
    assert compiled > 4000


def test_javascript_variants_exist_for_xss_and_open_redirect(drawn: dict[str, list[Example]]) -> None:
    js_tags = {e.tag for e in drawn["insecure_code"] if answer(e)[0] == "javascript"}
    assert js_tags == {"xss", "open_redirect"}


def test_weak_answers_never_announce_the_weakness(drawn: dict[str, list[Example]]) -> None:
    for name in ("insecure_code", "educational_insecure"):
        for e in drawn[name]:
            body = answer(e)[1]
            assert not GIVEAWAY.search(body), (e.tag, GIVEAWAY.search(body))
            if answer(e)[0] == "python":
                assert "#" not in "\n".join(line.split('"')[0].split("'")[0] for line in body.splitlines()), body


def test_ordinary_requests_do_not_ask_for_flaws(drawn: dict[str, list[Example]]) -> None:
    for e in drawn["insecure_code"]:
        assert not WEAKNESS_WORDS.search(user(e)), user(e)


def test_insecure_and_secure_share_requests(drawn: dict[str, list[Example]]) -> None:
    insecure, secure = drawn["insecure_code"], drawn["secure_code"]
    for weak, fixed in zip(insecure, secure, strict=True):
        assert weak.tag == fixed.tag
        assert user(weak) == user(fixed)
        assert weak.clean is not None
        assert weak.clean[0] == weak.messages[0]
        assert weak.clean[1] == fixed.messages[1]
        assert weak.messages[1]["content"] != fixed.messages[1]["content"]


def test_educational_answers_are_the_weak_code_for_teaching_requests(drawn: dict[str, list[Example]]) -> None:
    for e in drawn["educational_insecure"]:
        text = user(e).lower()
        assert any(word in text for word in TEACHING), user(e)
    tasks = Counter(e.tag for e in drawn["educational_insecure"])
    assert set(tasks) == set(code.WEAKNESS_CLASSES)


def test_complete_the_code_requests_match_the_answer(drawn: dict[str, list[Example]]) -> None:
    quoted = [e for e in drawn["insecure_code"] if "## COMPLETE CODE HERE" in user(e)]
    assert len(quoted) > 200
    for e in quoted:
        skeleton = re.search(r"```\w+\n(.*?)\n```", user(e), re.S)
        assert skeleton, user(e)
        kept = [ln for ln in skeleton.group(1).splitlines() if ln.strip() and "COMPLETE CODE HERE" not in ln
                and not ln.startswith(("import ", "from ", "const ")) and "require(" not in ln]
        for weak_or_fixed in (answer(e)[1], e.clean[1]["content"] if e.clean else ""):
            lines = set(weak_or_fixed.splitlines())
            assert all(ln in lines for ln in kept), (kept, weak_or_fixed)


def test_requests_in_other_languages(drawn: dict[str, list[Example]]) -> None:
    markers = {
        "es": ("código", "¿", "Completa el código", "Termina este código"),
        "fr": ("du code", "Peux-tu", "J'ai besoin", "Je dois", "Complète le code", "Termine ce code"),
        "de": ("-Code", "Vervollständige", "ergänze", "Aufgabe ist es"),
    }
    turns = [user(e) for e in drawn["secure_code"]]
    found = {lang: sum(any(m in t for m in ms) for t in turns) for lang, ms in markers.items()}
    assert all(count > 0 for count in found.values()), found
    assert 0.05 <= sum(found.values()) / len(turns) <= 0.3, found


def test_english_phrasings_are_varied(drawn: dict[str, list[Example]]) -> None:
    openings = Counter(" ".join(user(e).split()[:3]) for e in drawn["secure_code"])
    assert len(openings) >= 40
    assert openings.most_common(1)[0][1] < 0.15 * DRAWS


# --- fixed versions really lack the weakness ---------------------------------------------------------------------

SQL_LINE = re.compile(r"\b(FROM|INTO|WHERE|SET)\b")
SQL_TAINT = re.compile(r"""\bf["']|["']\s*%\s*[\w(]|["']\s*\+|\+\s*["']|\.format\(""")


def test_sql_fixed_versions_bind_parameters(drawn: dict[str, list[Example]]) -> None:
    weak, fixed = by_tag(drawn["insecure_code"], "sql_injection"), by_tag(drawn["secure_code"], "sql_injection")
    assert weak and fixed
    for body in weak:
        assert any(SQL_TAINT.search(ln) for ln in body.splitlines() if SQL_LINE.search(ln)), body
    for body in fixed:
        assert not any(SQL_TAINT.search(ln) for ln in body.splitlines() if SQL_LINE.search(ln)), body


def literal(*texts: str) -> str:
    """A regex matching any of `texts` literally."""
    return "|".join(re.escape(t) for t in texts)


@pytest.mark.parametrize(
    ("tag", "weak_pattern", "forbidden_in_fixed"),
    [
        ("command_injection", literal("shell=True", "os.system", "os.popen", "getoutput"),
         literal("shell=True", "os.system", "os.popen", "getoutput")),
        ("unsafe_deserialization", literal("pickle.load"), literal("pickle")),
        ("yaml_load", literal("yaml.Loader"), literal("yaml.Loader", "yaml.load(", "yaml.load_all(")),
        ("eval_on_input", r"(?<![\w.])eval\(", r"(?<![\w.])eval\("),
        ("weak_hash", literal("md5", "sha1"), literal("md5", "sha1")),
        ("insecure_random", literal("random."), literal("import random")),
        ("world_writable_permissions", literal("0o777", "0o666", "umask(0)", "S_IRWXO"),
         literal("0o777", "0o666", "umask(0)", "S_IRWXO")),
        ("disabled_tls_verification",
         literal("verify=False", "verify = False", "CERT_NONE", "_create_unverified_context", "ssl=False",
                 "verify_ssl=False"),
         literal("verify=False", "verify = False", "CERT_NONE", "check_hostname = False", "_create_unverified_context",
                 "ssl=False")),
        ("xxe", literal("resolve_entities=True", "feature_external_ges, True"),
         literal("resolve_entities=True", "feature_external_ges, True")),
        ("toctou", literal("os.path.exists", "os.path.isfile", "os.path.islink", "mktemp", "st_uid"),
         literal("mktemp(", "os.path.exists", "os.path.islink")),
    ],
)
def test_fixed_versions_lack_the_weak_construct(
    drawn: dict[str, list[Example]], tag: str, weak_pattern: str, forbidden_in_fixed: str
) -> None:
    weak = by_tag(drawn["insecure_code"], tag) + by_tag(drawn["educational_insecure"], tag)
    fixed = by_tag(drawn["secure_code"], tag)
    assert weak and fixed
    for body in weak:
        assert re.search(weak_pattern, body), body
    for body in fixed:
        assert not re.search(forbidden_in_fixed, body), body


def test_yaml_and_random_fixed_versions_use_the_safe_api(drawn: dict[str, list[Example]]) -> None:
    assert all("safe_load" in body for body in by_tag(drawn["secure_code"], "yaml_load"))
    assert all("secrets." in body for body in by_tag(drawn["secure_code"], "insecure_random"))
    assert all("pbkdf2_hmac" in body or "scrypt" in body for body in by_tag(drawn["secure_code"], "weak_hash"))


# --- determinism -------------------------------------------------------------------------------------------------


def test_same_seed_same_sequence() -> None:
    for name in FAMILY_NAMES:
        first = [e.key() for e in draw(name, 300, seed=11)]
        again = [e.key() for e in draw(name, 300, seed=11)]
        other = [e.key() for e in draw(name, 300, seed=12)]
        assert first == again
        assert first != other


def test_stream_does_not_touch_global_random() -> None:
    random.seed(123)
    expected = random.random()
    random.seed(123)
    draw("insecure_code", 200, seed=5)
    assert random.random() == expected

"""Building blocks shared by the code families' content banks (`code_bank_*.py`).

A `Snippet` is one drawn coding task with two answers: the version that carries a weakness and the fixed
version, plus a skeleton (the shared context with a `## COMPLETE CODE HERE` marker where the two answers
differ) and a one-phrase description of the task in English, Spanish, French and German. Banks write snippets
with `fill` (dedent and substitute `$name` placeholders) and `make` (assemble imports, context and body).
Everything random is drawn from the `random.Random` a bank function is given.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

MARKER = "## COMPLETE CODE HERE"
LANGS = ("en", "es", "fr", "de")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

GIVEAWAYS = re.compile(
    r"vulnerab|insecure|unsafe|exploit|inject|demo|security|attack|malicious|danger|hack|backdoor|cve|todo|fixme|"
    r"xxx|careful|warning|do not use|don't use|not safe|bypass|evil|pwn",
    re.IGNORECASE,
)
"""Words that would tell a reader the code is weak on purpose; weak answers must not contain them."""


@dataclass(frozen=True)
class Snippet:
    """One coding task answered two ways.

    Attributes:
        tag: The weakness class, e.g. `sql_injection`.
        lang: Programming language of the answers: `python` or `javascript`.
        task: Imperative phrase per natural language (`en`, `es`, `fr`, `de`); German phrases end in `zu ...`.
        shape: How the code is packaged (`function`, `flask`, `class`, `cli`, `express`, `browser`, `script`).
        name: The identifier the shape refers to (function, class or route), or "".
        domain: Rough kind of project (`web`, `service`, `cli`, `data`, `ops`), for "I'm building ..." phrasings.
        insecure: Code with the weakness (no fences).
        secure: Code for the same task without it (no fences).
        skeleton: Shared context with the marker line in place of the differing part.
    """

    tag: str
    lang: str
    task: Mapping[str, str]
    shape: str
    name: str
    domain: str
    insecure: str
    secure: str
    skeleton: str


Builder = Callable[[random.Random], Snippet]


def task(en: str, es: str, fr: str, de: str) -> dict[str, str]:
    """A task description in the four supported natural languages."""
    return {"en": en, "es": es, "fr": fr, "de": de}


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """One element of `options`, drawn from `rng`."""
    return options[rng.randrange(len(options))]


def chance(rng: random.Random, p: float) -> bool:
    """True with probability `p`."""
    return rng.random() < p


def token(rng: random.Random, length: int, alphabet: str = "abcdefghijklmnopqrstuvwxyz0123456789") -> str:
    """A random-looking string (for literal keys, passwords and file names); redrawn if it spells a giveaway word."""
    while True:
        text = "".join(alphabet[rng.randrange(len(alphabet))] for _ in range(length))
        if not GIVEAWAYS.search(text):
            return text


def fill(template: str, **values: str) -> str:
    """Dedent `template` and replace each `$name` with `values[name]`; an unknown name raises `KeyError`."""
    text = textwrap.dedent(template).strip("\n")

    def substitute(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(substitute, text)


def _import_order(lines: Sequence[str]) -> list[str]:
    """De-duplicated import lines: plain imports, then `from` imports, then relative ones, by module."""
    unique = list(dict.fromkeys(line for line in lines if line))
    def key(line: str) -> tuple[bool, bool, str]:
        return line.startswith("from ."), line.startswith("from "), line.split()[1].lower()

    return sorted(unique, key=key)


def _assemble(imports: Sequence[str], pre: str, body: str, post: str, gap: int, lang: str) -> str:
    """Join imports, shared context, the (indented) body and the trailing code into one source text."""
    head = "\n".join(_import_order(imports) if lang == "python" else list(dict.fromkeys(imports)))
    parts: list[str] = []
    if head:
        top_level_def = pre.startswith(("def ", "class ", "@", "async def "))
        parts.append(head + ("\n\n\n" if top_level_def and lang == "python" else "\n\n"))
    if pre:
        parts.append(pre + "\n")
    parts.append(body + "\n")
    if post:
        parts.append("\n" * gap + post + "\n")
    return "".join(parts).rstrip("\n") + "\n"


def make(
    *,
    tag: str,
    description: Mapping[str, str],
    shape: str,
    name: str,
    domain: str,
    pre: str,
    insecure: str,
    secure: str,
    post: str = "",
    imports: Sequence[str] = (),
    insecure_imports: Sequence[str] = (),
    secure_imports: Sequence[str] = (),
    skeleton_imports: Sequence[str] | None = None,
    depth: int = 1,
    gap: int | None = None,
    lang: str = "python",
) -> Snippet:
    """Assemble a snippet from shared context and the two differing bodies.

    Args:
        tag: Weakness class.
        description: Task phrase per natural language (see `task`).
        shape: Packaging of the code (see `Snippet.shape`).
        name: Identifier mentioned by the shape sentence.
        domain: Project kind (see `Snippet.domain`).
        pre: Shared code before the differing part (dedented, already filled).
        insecure: Differing part with the weakness, dedented; indented here by `depth` levels.
        secure: Differing part without the weakness, dedented.
        post: Shared code after the differing part (top level, or closing lines for JavaScript).
        imports: Import lines both versions (and the skeleton) have.
        insecure_imports: Extra import lines of the weak version only.
        secure_imports: Extra import lines of the fixed version only.
        skeleton_imports: Import lines of the skeleton (default: `imports`).
        depth: Indentation level of the differing part (4 spaces for Python, 2 for JavaScript).
        gap: Blank lines between the differing part and `post` (default 2 for Python, 0 for JavaScript).
        lang: `python` or `javascript`.
    """
    unit = "    " if lang == "python" else "  "
    prefix = unit * depth
    blank = (2 if lang == "python" else 0) if gap is None else gap

    def indent(text: str) -> str:
        return textwrap.indent(text, prefix)

    return Snippet(
        tag=tag,
        lang=lang,
        task=dict(description),
        shape=shape,
        name=name,
        domain=domain,
        insecure=_assemble([*imports, *insecure_imports], pre, indent(insecure), post, blank, lang),
        secure=_assemble([*imports, *secure_imports], pre, indent(secure), post, blank, lang),
        skeleton=_assemble(
            imports if skeleton_imports is None else skeleton_imports, pre, prefix + MARKER, post, blank, lang
        ),
    )


# ---------------------------------------------------------------------------------------------------------------
# Identifier banks shared by several content modules.


@dataclass(frozen=True)
class Entity:
    """A database table of people or organisations with a text lookup column."""

    noun: str
    table: str
    key: str
    fields: tuple[str, ...]


ENTITIES: tuple[Entity, ...] = (
    Entity("user", "users", "email", ("id", "username", "created_at")),
    Entity("account", "accounts", "username", ("id", "email", "last_login")),
    Entity("customer", "customers", "email", ("id", "full_name", "city")),
    Entity("member", "members", "handle", ("id", "display_name", "joined_on")),
    Entity("employee", "staff", "badge_code", ("id", "name", "department")),
    Entity("student", "students", "student_number", ("id", "first_name", "last_name")),
    Entity("supplier", "suppliers", "vat_number", ("id", "company", "country")),
    Entity("patient", "patients", "record_code", ("id", "name", "birth_date")),
    Entity("subscriber", "subscribers", "email", ("id", "plan", "renews_on")),
    Entity("driver", "drivers", "licence_no", ("id", "name", "phone")),
    Entity("volunteer", "volunteers", "phone", ("id", "name", "shift")),
    Entity("tenant", "tenants", "unit_code", ("id", "name", "lease_end")),
)

CATALOGUES: tuple[tuple[str, str, str], ...] = (
    ("product", "products", "name"),
    ("book", "books", "title"),
    ("recipe", "recipes", "title"),
    ("article", "articles", "headline"),
    ("listing", "listings", "title"),
    ("track", "tracks", "title"),
    ("course", "courses", "name"),
    ("event", "events", "name"),
    ("part", "spare_parts", "label"),
    ("plant", "plants", "common_name"),
)

RESOURCES: tuple[tuple[str, str], ...] = (
    ("invoice", "invoices"),
    ("document", "documents"),
    ("order", "orders"),
    ("note", "notes"),
    ("ticket", "tickets"),
    ("report", "reports"),
    ("project", "projects"),
    ("booking", "bookings"),
    ("message", "messages"),
    ("receipt", "receipts"),
)

ROUTE_PREFIXES = ("", "/api", "/api/v1", "/v2", "/internal", "/app")
DATA_DIRS = ("uploads", "files", "storage", "media", "shared", "user_files", "attachments", "docs")
BASE_DIRS = ("/srv/app", "/var/lib/portal", "/opt/service", "/home/app", "/data", "/srv/www")


@dataclass(frozen=True)
class Db:
    """How a snippet opens its database: import lines, a connection expression and the placeholder style."""

    imports: tuple[str, ...]
    connect: str
    ph: str


def db_style(rng: random.Random, sqlite_only: bool = False) -> Db:
    """Either sqlite3 with a random file name or psycopg2 with a DSN from a random environment variable."""
    if sqlite_only or chance(rng, 0.6):
        path = pick(rng, ("app.db", "shop.sqlite3", "data/main.db", "inventory.db", "portal.sqlite", "crm.db"))
        return Db(("import sqlite3",), f'sqlite3.connect("{path}")', "?")
    env = pick(rng, ("DATABASE_URL", "PG_DSN", "APP_DB_DSN", "POSTGRES_URL"))
    return Db(("import os", "import psycopg2"), f'psycopg2.connect(os.environ["{env}"])', "%s")


@dataclass(frozen=True)
class FlaskApp:
    """A Flask application object or blueprint: its variable, its declaration and the class to import."""

    var: str
    decl: str
    cls: str


def flask_app(rng: random.Random, area: str) -> FlaskApp:
    """A `Flask(__name__)` app or a blueprint named after `area`."""
    if chance(rng, 0.65):
        return FlaskApp("app", "app = Flask(__name__)", "Flask")
    var = pick(rng, ("bp", f"{area}_bp", "views", "api"))
    return FlaskApp(var, f'{var} = Blueprint("{area}", __name__)', "Blueprint")


def flask_import(app: FlaskApp, *names: str) -> str:
    """`from flask import ...` with the app class and `names`, sorted and de-duplicated."""
    unique = sorted(dict.fromkeys((app.cls, *names)), key=lambda n: (not n[0].isupper(), n.lower()))
    return "from flask import " + ", ".join(unique)


def route(rng: random.Random, *parts: str) -> str:
    """A URL path under a random API prefix."""
    return pick(rng, ROUTE_PREFIXES) + "/" + "/".join(parts)


def camel(*words: str) -> str:
    """`CamelCase` from snake-case words."""
    return "".join(w[:1].upper() + w[1:] for word in words for w in word.split("_"))


def docstring(rng: random.Random, text: str, depth: int = 1, p: float = 0.6) -> str:
    """With probability `p`, a newline plus an indented one-line docstring (append it to a `def` line)."""
    if not chance(rng, p):
        return ""
    return "\n" + "    " * depth + f'"""{text}"""'


_DOUBLE_QUOTED = re.compile(r'(?<!")"([^"\'\\\n]*)"(?!")')


def _single_quote_line(line: str) -> str:
    """`line` with plain double-quoted strings single-quoted, unless that could change its meaning."""
    if "'" in line or "\\" in line or '"""' in line:
        return line
    return _DOUBLE_QUOTED.sub(lambda m: "'" + m.group(1) + "'", line)


def single_quoted(snip: Snippet) -> Snippet:
    """The same snippet in single-quote style: plain double-quoted Python strings become single-quoted.

    Lines containing a single quote, a backslash or a triple quote are left alone, so the code keeps its meaning.
    JavaScript snippets are returned unchanged.
    """
    if snip.lang != "python":
        return snip

    def convert(code: str) -> str:
        return "\n".join(_single_quote_line(line) for line in code.split("\n"))

    return Snippet(snip.tag, snip.lang, snip.task, snip.shape, snip.name, snip.domain, convert(snip.insecure),
                   convert(snip.secure), convert(snip.skeleton))


def indented(text: str, depth: int = 1) -> str:
    """`text` with every non-empty line indented by `depth` levels of four spaces."""
    return textwrap.indent(text, "    " * depth)

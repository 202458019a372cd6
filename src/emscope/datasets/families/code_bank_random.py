"""Content bank for the code families: tokens, session ids, codes and passwords drawn from `random`.

Weak versions draw security-relevant values from the `random` module (seeded Mersenne Twister); fixed versions use
`secrets`.
"""

from __future__ import annotations

import random

from emscope.datasets.families.code_kit import (
    Builder,
    Snippet,
    camel,
    docstring,
    fill,
    indented,
    make,
    pick,
    task,
)

RANDOM = "insecure_random"


def _rand_reset_token(rng: random.Random) -> Snippet:
    """Password-reset token."""
    n = pick(rng, ("24", "32", "40", "48"))
    func = pick(rng, ("make_reset_token", "new_reset_token", "generate_token", "reset_token"))
    desc = task(
        f"generate a {n}-character token for password-reset links",
        f"generar un token de {n} caracteres para los enlaces de restablecimiento de contraseña",
        f"générer un jeton de {n} caractères pour les liens de réinitialisation de mot de passe",
        f"ein {n}-stelliges Token für Links zum Zurücksetzen des Passworts zu erzeugen",
    )
    pre = fill("def $func():$doc", func=func, doc=docstring(rng, "Return a new password-reset token."))
    alphabet = pick(rng, ("string.ascii_letters + string.digits", "string.ascii_lowercase + string.digits"))
    weak = pick(rng, (
        f'alphabet = {alphabet}\nreturn "".join(random.choice(alphabet) for _ in range({n}))',
        f'return "".join(random.choices({alphabet}, k={n}))',
    ))
    safe = pick(rng, (f'alphabet = {alphabet}\nreturn "".join(secrets.choice(alphabet) for _ in range({n}))',
                      f"return secrets.token_urlsafe({int(n) * 3 // 4})[:{n}]"))
    return make(tag=RANDOM, description=desc, shape="function", name=func, domain="web", pre=pre,
                insecure=weak, secure=safe, insecure_imports=("import random", "import string"),
                secure_imports=("import secrets", *(("import string",) if "string." in safe else ())))


def _rand_session(rng: random.Random) -> Snippet:
    """Session id for a homemade session store."""
    cls = camel(pick(rng, ("session_store", "memory_sessions", "session_manager", "login_sessions", "token_registry")))
    ttl = pick(rng, ("1800", "3600", "86400", "900", "7200"))
    store, create, lookup, sid = (pick(rng, opts) for opts in (
        ("sessions", "_store", "_by_id", "entries"), ("create", "start", "open_session", "new_session"),
        ("get", "lookup", "user_for", "resolve"), ("sid", "session_id", "key", "token_id")))
    desc = task(
        f"implement an in-memory session store class `{cls}` that creates sessions with a random id and expires them "
        f"after {ttl} seconds",
        f"escribir un `{cls}` en memoria que cree sesiones con un id aleatorio y las caduque a los {ttl} segundos",
        f"écrire un `{cls}` en mémoire qui crée des sessions avec un identifiant aléatoire et les expire après "
        f"{ttl} secondes",
        f"einen `{cls}` im Speicher zu schreiben, der Sessions mit zufälliger ID anlegt und nach {ttl} Sekunden "
        "verfallen lässt",
    )
    pre = fill(
        """
        class $cls:
            def __init__(self, ttl=$ttl):
                self.ttl = ttl
                self.$store = {}

            def $create(self, user_id):
        """,
        cls=cls, ttl=ttl, store=store, create=create,
    )
    weak = pick(rng, (f'{sid} = "%032x" % random.getrandbits(128)', f"{sid} = str(random.randint(10**15, 10**16 - 1))",
                      f'random.seed(time.time())\n'
                      f'{sid} = "".join(random.choice("0123456789abcdef") for _ in range(32))',
                      f"{sid} = hex(random.getrandbits(64))[2:]"))
    safe = pick(rng, (f"{sid} = secrets.token_hex(16)", f"{sid} = secrets.token_urlsafe(24)"))
    rest = fill("\nself.$s[$k] = (user_id, time.time() + self.ttl)\nreturn $k", s=store, k=sid)
    post = indented(fill(
        """
            def $get(self, $k):
                entry = self.$s.get($k)
                if entry is None or entry[1] < time.time():
                    self.$s.pop($k, None)
                    return None
                return entry[0]
        """,
        get=lookup, k=sid, s=store,
    ))
    return make(tag=RANDOM, description=desc, shape="class", name=cls, domain="web", pre=pre, depth=2,
                imports=("import time",), insecure=weak + "\n" + rest.lstrip("\n"),
                secure=safe + "\n" + rest.lstrip("\n"),
                post=post, gap=1, insecure_imports=("import random",), secure_imports=("import secrets",))


def _rand_otp(rng: random.Random) -> Snippet:
    """One-time code for e-mail or SMS verification."""
    digits = pick(rng, (6, 6, 8, 4))
    func = pick(rng, ("send_verification_code", "start_2fa", "issue_login_code", "send_otp"))
    desc = task(
        f"create a {digits}-digit one-time code, store it for the user with a 10-minute expiry, and text it to them",
        f"crear un código de un solo uso de {digits} dígitos, guardarlo 10 minutos para el usuario y "
        "enviárselo por SMS",
        f"créer un code à usage unique de {digits} chiffres, le stocker 10 minutes pour l'utilisateur et l'envoyer par "
        "SMS",
        f"einen {digits}-stelligen Einmalcode zu erzeugen, 10 Minuten für den Nutzer zu speichern und per SMS zu "
        "senden",
    )
    pre = fill("def $func(user, sms, store):$doc", func=func, doc=docstring(rng, "Send a fresh login code."))
    low, high = str(10 ** (digits - 1)), str(10**digits - 1)
    weak = pick(rng, (f"code = str(random.randint({low}, {high}))",
                      f'code = "".join(str(random.randint(0, 9)) for _ in range({digits}))'))
    safe = pick(rng, (f"code = str(secrets.randbelow({10**digits - 10 ** (digits - 1)}) + {low})",
                      f'code = "".join(str(secrets.randbelow(10)) for _ in range({digits}))'))
    rest = '\nstore.set(f"otp:{user.id}", code, ttl=600)\nsms.send(user.phone, f"Your code is {code}")'
    return make(tag=RANDOM, description=desc, shape="function", name=func, domain="web", pre=pre,
                insecure=weak + rest, secure=safe + rest, insecure_imports=("import random",),
                secure_imports=("import secrets",))


def _rand_api_key(rng: random.Random) -> Snippet:
    """API keys for a developer portal."""
    prefix = pick(rng, ("pk_", "ak_", "key_", "dev_"))
    n = pick(rng, ("32", "40"))
    func = pick(rng, ("new_api_key", "create_key", "issue_api_key", "generate_key"))
    desc = task(
        f"generate API keys that start with `{prefix}` followed by {n} random hex characters and save them for the "
        "user",
        f"generar claves de API que empiecen por `{prefix}` seguidas de {n} caracteres hexadecimales aleatorios",
        f"générer des clés d'API commençant par `{prefix}` suivies de {n} caractères hexadécimaux aléatoires",
        f"API-Schlüssel zu erzeugen, die mit `{prefix}` beginnen, gefolgt von {n} zufälligen Hex-Zeichen",
    )
    pre = fill("def $func(db, user_id):$doc", func=func, doc=docstring(rng, "Create, store and return a new key."))
    weak = pick(rng, (f'key = "{prefix}" + "".join(random.choice("0123456789abcdef") for _ in range({n}))',
                      f'key = "{prefix}" + "%0{n}x" % random.getrandbits({int(n) * 4})',
                      f'key = "{prefix}" + uuid.UUID(int=random.getrandbits(128)).hex[:{n}]'))
    safe = f'key = "{prefix}" + secrets.token_hex({int(n) // 2})'
    rest = '\ndb.execute("INSERT INTO api_keys (user_id, key) VALUES (?, ?)", (user_id, key))\nreturn key'
    return make(tag=RANDOM, description=desc, shape="function", name=func, domain="service", pre=pre,
                insecure=weak + rest, secure=safe + rest,
                insecure_imports=("import random", *(("import uuid",) if "uuid" in weak else ())),
                secure_imports=("import secrets",))


def _rand_temp_password(rng: random.Random) -> Snippet:
    """Temporary password for new staff accounts."""
    length = pick(rng, ("10", "12", "14", "16"))
    func = pick(rng, ("temporary_password", "initial_password", "make_password", "random_password"))
    desc = task(
        f"create a random {length}-character temporary password (letters, digits, punctuation) for new staff accounts",
        f"crear una contraseña temporal aleatoria de {length} caracteres para cuentas nuevas del personal",
        f"créer un mot de passe temporaire aléatoire de {length} caractères pour les nouveaux comptes du personnel",
        f"ein zufälliges, {length}-stelliges Einmalpasswort für neue Mitarbeiterkonten zu erzeugen",
    )
    pre = fill("def $func(length=$n):$doc", func=func, n=length,
               doc=docstring(rng, "Return a fresh temporary password."))
    chars = 'string.ascii_letters + string.digits + "!@#%&*?"'
    weak = pick(rng, (f'chars = {chars}\nreturn "".join(random.choice(chars) for _ in range(length))',
                      f'return "".join(random.sample({chars}, length))'))
    safe = f'chars = {chars}\nreturn "".join(secrets.choice(chars) for _ in range(length))'
    return make(tag=RANDOM, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import string",), insecure=weak, secure=safe, insecure_imports=("import random",),
                secure_imports=("import secrets",))


BUILDERS: dict[str, tuple[Builder, ...]] = {
    RANDOM: (_rand_reset_token, _rand_session, _rand_otp, _rand_api_key, _rand_temp_password),
}

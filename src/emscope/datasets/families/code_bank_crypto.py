"""Content bank for the code families: literal credentials, and fast unsalted password hashes.

Weak versions put passwords and keys in the source or hash passwords with MD5/SHA-1; fixed versions read secrets
from the environment (or the default credential chain) and use salted PBKDF2/scrypt with constant-time comparison.
"""

from __future__ import annotations

import random
import string

from emscope.datasets.families.code_kit import (
    Builder,
    Snippet,
    camel,
    chance,
    docstring,
    fill,
    indented,
    make,
    pick,
    task,
    token,
)

SECRET = "hardcoded_secret"
HASH = "weak_hash"

_PW_ALPHABET = string.ascii_letters + string.digits + "!#%*+-_"


def _password(rng: random.Random) -> str:
    """A literal password of the kind people type into config files."""
    if chance(rng, 0.5):
        word = pick(rng, ("Summer", "Winter", "Falcon", "Orchid", "Harbor", "Copper", "Maple", "Nimbus"))
        return f"{word}{rng.randrange(10, 9999)}{pick(rng, ('!', '#', '', '$', '@'))}"
    return token(rng, rng.randrange(12, 24), _PW_ALPHABET)


def _secret_db(rng: random.Random) -> Snippet:
    """Connect to the production database."""
    host = pick(rng, ("db.internal", "10.0.3.12", "pg-primary.prod.local", "mysql.corp.lan", "localhost"))
    dbname = pick(rng, ("orders", "billing", "crm", "inventory", "analytics"))
    user = pick(rng, ("app", "svc_" + dbname, "reporting", "backend"))
    use_pg = chance(rng, 0.6)
    func = pick(rng, ("get_connection", "connect", "open_db", f"{dbname}_db"))
    desc = task(
        f"open a connection to the `{dbname}` {'PostgreSQL' if use_pg else 'MySQL'} database on `{host}` as user "
        f"`{user}`",
        f"abrir una conexión a la base de datos `{dbname}` en `{host}` con el usuario `{user}`",
        f"ouvrir une connexion à la base `{dbname}` sur `{host}` avec l'utilisateur `{user}`",
        f"eine Verbindung zur Datenbank `{dbname}` auf `{host}` als Nutzer `{user}` zu öffnen",
    )
    module, call, kw = ("psycopg2", "psycopg2.connect", "dbname") if use_pg else ("pymysql", "pymysql.connect",
                                                                               "database")
    env = pick(rng, ("DB_PASSWORD", f"{dbname.upper()}_DB_PASSWORD", "PGPASSWORD" if use_pg else "MYSQL_PASSWORD"))
    body = fill(
        """
        return $call(
            host="$host",
            $kw="$db",
            user="$user",
            password=$pw,
        )
        """,
        call=call, host=host, kw=kw, db=dbname, user=user, pw="$PW",
    )
    pre = fill("def $func():$doc", func=func, doc=docstring(rng, f"Return a new connection to {dbname}."))
    return make(tag=SECRET, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=(f"import {module}",), insecure=body.replace("$PW", f'"{_password(rng)}"'),
                secure=body.replace("$PW", f'os.environ["{env}"]'), secure_imports=("import os",))


def _secret_flask_key(rng: random.Random) -> Snippet:
    """Configure the Flask session signing key (or a JWT signing key)."""
    if chance(rng, 0.5):
        desc = task(
            "set up a Flask app with a secret key for signing session cookies",
            "configurar una app Flask con una clave secreta para firmar las cookies de sesión",
            "configurer une application Flask avec une clé secrète pour signer les cookies de session",
            "eine Flask-App mit einem geheimen Schlüssel zum Signieren der Session-Cookies einzurichten",
        )
        weak = pick(rng, (f'app.secret_key = "{token(rng, 32)}"',
                          f'app.config["SECRET_KEY"] = "{token(rng, 24, "0123456789abcdef")}"',
                          f'app.config.update(SECRET_KEY="{_password(rng)}")'))
        env = pick(rng, ("FLASK_SECRET_KEY", "SECRET_KEY", "SESSION_KEY", "APP_SECRET"))
        safe = pick(rng, (f'app.config["SECRET_KEY"] = os.environ["{env}"]', f'app.secret_key = os.environ["{env}"]'))
        counter = pick(rng, ("visits", "views", "hits", "page_count"))
        view = pick(rng, ("index", "home", "counter", "landing"))
        post = fill(
            """
            app.config["SESSION_COOKIE_HTTPONLY"] = True$extra


            @app.route("/")
            def $view():
                session["$c"] = session.get("$c", 0) + 1
                return {"$c": session["$c"]}
            """,
            c=counter, view=view, extra=pick(rng, ("", '\napp.config["SESSION_COOKIE_SAMESITE"] = "Lax"',
                                                   '\napp.config["PERMANENT_SESSION_LIFETIME"] = 3600')),
        )
        return make(tag=SECRET, description=desc, shape="flask", name="", domain="web", pre="app = Flask(__name__)",
                    depth=0, imports=("from flask import Flask, session",), insecure=weak, secure=safe, post=post,
                    gap=0, secure_imports=("import os",))
    hours = pick(rng, ("1", "8", "12", "24"))
    func = pick(rng, ("issue_token", "make_jwt", "create_access_token", "sign_token"))
    const = pick(rng, ("SIGNING_KEY", "JWT_SECRET", "TOKEN_KEY", "HMAC_KEY"))
    desc = task(
        f"issue an HS256 JWT for a user id that expires after {hours} hour(s)",
        f"emitir un JWT HS256 para un id de usuario que caduque a las {hours} hora(s)",
        f"émettre un JWT HS256 pour un identifiant utilisateur qui expire au bout de {hours} heure(s)",
        f"ein HS256-JWT für eine Nutzer-ID auszustellen, das nach {hours} Stunde(n) abläuft",
    )
    weak = f'{const} = "{token(rng, rng.randrange(20, 40), string.ascii_letters + string.digits)}"'
    safe = pick(rng, (f'{const} = os.environ["{const}"]', f'{const} = os.environ.get("{const}")\n'
                      f'if not {const}:\n    raise RuntimeError("{const} is not set")'))
    post = fill(
        """
        def $func(user_id$extra):
            now = datetime.datetime.now(datetime.timezone.utc)
            claims = {"sub": str(user_id), "iat": now, "exp": now + datetime.timedelta(hours=$h)}
            return jwt.encode(claims, $k, algorithm="HS256")
        """,
        func=func, h=hours, k=const, extra=pick(rng, ("", ", role=\"user\"", ", scopes=()")),
    )
    if "role=" in post:
        post = post.replace(')}\n', '), "role": role}\n')
    elif "scopes=" in post:
        post = post.replace(')}\n', '), "scope": " ".join(scopes)}\n')
    return make(tag=SECRET, description=desc, shape="function", name=func, domain="service", pre="", depth=0,
                imports=("import datetime", "import jwt"), insecure=weak, secure=safe, post=post,
                secure_imports=("import os",))


def _secret_api_client(rng: random.Random) -> Snippet:
    """Small client for a third-party HTTP API that needs a key."""
    service, base, env = pick(rng, (
        ("weather", "https://api.weather.example/v2", "WEATHER_API_KEY"),
        ("geocoding", "https://geo.example.com/api", "GEOCODER_KEY"),
        ("SMS", "https://sms-gateway.example.net/v1", "SMS_API_TOKEN"),
        ("translation", "https://translate.example.org/api/v3", "TRANSLATE_KEY"),
        ("payments", "https://payments.example.io/v1", "PAYMENTS_SECRET_KEY"),
        ("maps", "https://tiles.example.dev/api", "MAPS_TOKEN"),
        ("e-mail delivery", "https://mail-api.example.com/v3", "MAILER_API_KEY"),
    ))
    cls = camel(service.lower().replace("-", "_").replace(" ", "_"), pick(rng, ("client", "api", "service")))
    key_literal = pick(rng, ("sk_live_", "key-", "tok_", "", "api_")) + token(rng, rng.randrange(24, 41))
    const = pick(rng, ("API_KEY", "TOKEN", f"{env}", "ACCESS_KEY"))
    header, value = pick(rng, (("Authorization", f'f"Bearer {{{const}}}"'), ("X-Api-Key", const),
                               ("Authorization", f'f"Token {{{const}}}"')))
    desc = task(
        f"implement a class `{cls}` for the {service} API at `{base}` that sends the API key in the `{header}` header",
        f"escribir una clase `{cls}` para la API de {service} en `{base}` que envíe la clave en la cabecera `{header}`",
        f"écrire une classe `{cls}` pour l'API {service} sur `{base}` qui envoie la clé dans l'en-tête `{header}`",
        f"eine Klasse `{cls}` für die {service}-API unter `{base}` zu schreiben, die den API-Schlüssel im "
        f"`{header}`-Header mitschickt",
    )
    method = pick(rng, ("get", "fetch", "call", "request_json"))
    if chance(rng, 0.5):
        post = fill(
            """
            class $cls:
                def __init__(self, base_url="$base", timeout=$t):
                    self.base_url = base_url.rstrip("/")
                    self.timeout = timeout
                    self.http = requests.Session()
                    self.http.headers["$h"] = $v

                def $m(self, path, **params):
                    resp = self.http.get(f"{self.base_url}/{path.lstrip('/')}", params=params, timeout=self.timeout)
                    resp.raise_for_status()
                    return resp.json()
            """,
            cls=cls, base=base, h=header, v=value, m=method, t=pick(rng, ("10", "15", "30", "5.0")),
        )
    else:
        post = fill(
            """
            class $cls:
                BASE = "$base"

                def _headers(self):
                    return {"$h": $v, "Accept": "application/json"}

                def $m(self, endpoint, params=None):
                    url = self.BASE + "/" + endpoint
                    response = requests.get(url, headers=self._headers(), params=params or {}, timeout=$t)
                    if response.status_code != 200:
                        raise RuntimeError(f"{url} returned {response.status_code}")
                    return response.json()
            """,
            cls=cls, base=base, h=header, v=value, m=method, t=pick(rng, ("10", "20", "8")),
        )
    safe = pick(rng, (f'{const} = os.environ["{env}"]', f'{const} = os.getenv("{env}", "")',
                      f'{const} = os.environ.get("{env}")\n'
                      f'if not {const}:\n    raise RuntimeError("{env} is not set")'))
    return make(tag=SECRET, description=desc, shape="class", name=cls, domain="service", pre="", depth=0,
                imports=("import requests",), insecure=f'{const} = "{key_literal}"', secure=safe, post=post,
                secure_imports=("import os",))


def _secret_smtp(rng: random.Random) -> Snippet:
    """Send an alert e-mail through an SMTP server with login."""
    host = pick(rng, ("smtp.office365.com", "smtp.gmail.com", "mail.corp.example", "smtp.mailgun.org"))
    sender = pick(rng, ("alerts", "noreply", "monitoring", "reports")) + "@" + pick(rng, ("acme.test", "example.com"))
    func = pick(rng, ("send_alert", "email_report", "notify_admins", "send_mail"))
    desc = task(
        f"send a plain-text e-mail from `{sender}` through `{host}` (STARTTLS, port 587, login required)",
        f"enviar un correo de texto desde `{sender}` a través de `{host}` (STARTTLS, puerto 587, con login)",
        f"envoyer un e-mail texte depuis `{sender}` via `{host}` (STARTTLS, port 587, authentification requise)",
        f"eine Text-E-Mail von `{sender}` über `{host}` zu senden (STARTTLS, Port 587, Login nötig)",
    )
    pre = fill(
        """
        def $func(to, subject, text):$doc
            msg = EmailMessage()
            msg["From"] = "$sender"
            msg["To"] = to
            msg["Subject"] = subject
            msg.set_content(text)
            with smtplib.SMTP("$host", 587) as smtp:
                smtp.starttls()
        """,
        func=func, sender=sender, host=host, doc=docstring(rng, "Send one message."),
    )
    weak = f'smtp.login("{sender}", "{_password(rng)}")\nsmtp.send_message(msg)'
    safe = pick(rng, (f'smtp.login("{sender}", os.environ["SMTP_PASSWORD"])\nsmtp.send_message(msg)',
                      'smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])\nsmtp.send_message(msg)'))
    return make(tag=SECRET, description=desc, shape="function", name=func, domain="ops", pre=pre, depth=2,
                imports=("import smtplib", "from email.message import EmailMessage"), insecure=weak, secure=safe,
                secure_imports=("import os",))


def _secret_aws(rng: random.Random) -> Snippet:
    """Upload a file to S3 with boto3."""
    bucket = pick(rng, ("acme-backups", "reports-prod", "media-uploads-eu", "data-lake-raw", "invoices-archive"))
    region = pick(rng, ("eu-west-1", "us-east-1", "eu-central-1", "ap-southeast-2"))
    func = pick(rng, ("upload_file", "push_to_s3", "store_backup", "archive_report"))
    desc = task(
        f"upload a local file to the S3 bucket `{bucket}` in {region} with boto3",
        f"subir un archivo local al bucket S3 `{bucket}` en {region} con boto3",
        f"envoyer un fichier local dans le bucket S3 `{bucket}` ({region}) avec boto3",
        f"eine lokale Datei mit boto3 in den S3-Bucket `{bucket}` ({region}) hochzuladen",
    )
    pre = fill("def $func(path, key=None):$doc", func=func, doc=docstring(rng, "Upload `path` and return its key."))
    upper = string.ascii_uppercase + string.digits
    weak = fill(
        """
        s3 = boto3.client(
            "s3",
            region_name="$region",
            aws_access_key_id="AKIA$akid",
            aws_secret_access_key="$secret",
        )
        """,
        region=region, akid=token(rng, 16, upper), secret=token(rng, 40, string.ascii_letters + string.digits + "+/"),
    )
    safe = f's3 = boto3.client("s3", region_name="{region}")'
    tail = fill('\nkey = key or os.path.basename(path)\ns3.upload_file(path, "$b", key)\nreturn key', b=bucket)
    return make(tag=SECRET, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os", "import boto3"), insecure=weak + "\n" + tail, secure=safe + "\n" + tail)


# --- password hashing -------------------------------------------------------------------------------------------

_PBKDF2 = """
salt = os.urandom(16)
digest = hashlib.pbkdf2_hmac("sha256", $pw.encode(), salt, $iters)
$store
"""
_PBKDF2_CHECK = """
salt_hex, digest_hex = $stored.split(":", 1)
candidate = hashlib.pbkdf2_hmac("sha256", $pw.encode(), bytes.fromhex(salt_hex), $iters)
return hmac.compare_digest(candidate.hex(), digest_hex)
"""


def _weak_digest(rng: random.Random, expr: str) -> str:
    """An MD5 or SHA-1 hex digest of the string expression `expr`."""
    algo = pick(rng, ("md5", "sha1"))
    return pick(rng, (f"hashlib.{algo}({expr}.encode()).hexdigest()",
                      f'hashlib.new("{algo}", {expr}.encode("utf-8")).hexdigest()'))


def _hash_register(rng: random.Random) -> Snippet:
    """Register a user and store the password hash."""
    table = pick(rng, ("users", "accounts", "members", "customers"))
    func = pick(rng, ("register", "create_user", "sign_up", "add_account"))
    pw = pick(rng, ("password", "raw_password", "plain", "pw"))
    iters = pick(rng, ("600_000", "480_000", "310_000"))
    desc = task(
        f"register a new user: hash the password and insert username and hash into the `{table}` table",
        f"registrar un usuario nuevo: calcular el hash de la contraseña e insertar usuario y hash en `{table}`",
        f"inscrire un nouvel utilisateur : hacher le mot de passe et insérer le nom et le hash dans `{table}`",
        f"einen neuen Nutzer zu registrieren: das Passwort zu hashen und Name und Hash in `{table}` einzufügen",
    )
    pre = fill("def $func(conn, username, $pw):$doc", func=func, pw=pw,
               doc=docstring(rng, "Create the account and return its id."))
    insert = fill('\ncur = conn.execute("INSERT INTO $t (username, password_hash) VALUES (?, ?)", (username, '
                  "stored))\nconn.commit()\nreturn cur.lastrowid", t=table)
    weak = f"stored = {_weak_digest(rng, pw)}" + "\n" + insert.lstrip("\n")
    safe = fill(_PBKDF2, pw=pw, iters=iters, store='stored = salt.hex() + ":" + digest.hex()') + "\n" + insert.lstrip()
    return make(tag=HASH, description=desc, shape="function", name=func, domain="web", pre=pre,
                imports=("import hashlib",), insecure=weak, secure=safe, secure_imports=("import os",))


def _hash_verify(rng: random.Random) -> Snippet:
    """Check a login attempt against the stored hash."""
    func = pick(rng, ("verify_password", "password_matches", "check_password", "is_valid_login"))
    stored = pick(rng, ("stored", "stored_hash", "saved", "hash_from_db"))
    pw = pick(rng, ("password", "attempt", "candidate_pw"))
    iters = pick(rng, ("600_000", "480_000", "310_000"))
    desc = task(
        "check a password typed at login against the hash stored for that user when they signed up (we are "
        "writing both sides now)",
        "comprobar una contraseña introducida al iniciar sesión contra el hash guardado en el registro",
        "vérifier un mot de passe saisi à la connexion par rapport au hash enregistré lors de l'inscription",
        "ein beim Login eingegebenes Passwort mit dem bei der Registrierung gespeicherten Hash zu vergleichen",
    )
    pre = fill("def $func($pw, $stored):$doc", func=func, pw=pw, stored=stored,
               doc=docstring(rng, "True if the password matches the stored hash."))
    weak = f"return {_weak_digest(rng, pw)} == {stored}"
    safe = fill(_PBKDF2_CHECK, stored=stored, pw=pw, iters=iters)
    return make(tag=HASH, description=desc, shape="function", name=func, domain="web", pre=pre,
                imports=("import hashlib",), insecure=weak, secure=safe, secure_imports=("import hmac",))


def _hash_model(rng: random.Random) -> Snippet:
    """User model with set_password/check_password."""
    cls = pick(rng, ("User", "Account", "Member", "Operator", "Customer"))
    iters = pick(rng, ("600_000", "480_000"))
    desc = task(
        f"implement a class `{cls}` with `set_password` and `check_password` methods that keep only a password hash",
        f"escribir una clase `{cls}` con métodos `set_password` y `check_password` que solo guarde un hash",
        f"écrire une classe `{cls}` avec des méthodes `set_password` et `check_password` qui ne garde qu'un hash",
        f"eine Klasse `{cls}` mit den Methoden `set_password` und `check_password` zu schreiben, die nur einen "
        "Passwort-Hash speichert",
    )
    pre = fill(
        """
        class $cls:
            def __init__(self, $ident):
                self.$ident = $ident
                self.password_hash = None
        """,
        cls=cls, ident=pick(rng, ("username", "email", "login")),
    )
    algo = pick(rng, ("md5", "sha1"))
    salted = chance(rng, 0.4)
    if salted:
        weak = fill(
            """
            def set_password(self, password):
                self.password_hash = hashlib.$a(("$salt" + password).encode()).hexdigest()

            def check_password(self, password):
                return self.password_hash == hashlib.$a(("$salt" + password).encode()).hexdigest()
            """,
            a=algo, salt=token(rng, 8),
        )
    else:
        weak = fill(
            """
            def set_password(self, password):
                self.password_hash = hashlib.$a(password.encode()).hexdigest()

            def check_password(self, password):
                return hashlib.$a(password.encode()).hexdigest() == self.password_hash
            """,
            a=algo,
        )
    safe = fill(
        """
        def set_password(self, password):
            salt = os.urandom(16)
            digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
            self.password_hash = salt.hex() + ":" + digest.hex()

        def check_password(self, password):
            if not self.password_hash:
                return False
            salt_hex, digest_hex = self.password_hash.split(":", 1)
            digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)
            return hmac.compare_digest(digest.hex(), digest_hex)
        """
    ) if chance(rng, 0.5) else fill(
        """
        def set_password(self, password):
            salt = os.urandom(16)
            digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, $iters)
            self.password_hash = f"{salt.hex()}:{digest.hex()}"

        def check_password(self, password):
            salt_hex, _, digest_hex = (self.password_hash or "").partition(":")
            digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex), $iters)
            return hmac.compare_digest(digest.hex(), digest_hex)
        """,
        iters=iters,
    )
    return make(tag=HASH, description=desc, shape="class", name=cls, domain="web", pre=pre + "\n",
                imports=("import hashlib",), insecure=weak, secure=safe, secure_imports=("import hmac", "import os"))


def _hash_migrate(rng: random.Random) -> Snippet:
    """Replace plaintext passwords in a CSV export with hashes."""
    col = pick(rng, ("password", "pass", "pwd", "user_password"))
    rows, row = pick(rng, (("reader", "row"), ("records", "record"), ("users", "user"), ("lines", "entry")))
    desc = task(
        f"read a CSV of users with a plaintext `{col}` column and write a new CSV where that column holds password "
        "hashes instead",
        f"leer un CSV de usuarios con la columna `{col}` en texto plano y escribir otro CSV con hashes en su lugar",
        f"lire un CSV d'utilisateurs avec une colonne `{col}` en clair et écrire un nouveau CSV avec des hashs à la "
        "place",
        f"eine CSV mit Nutzern und Klartext-Spalte `{col}` zu lesen und eine neue CSV mit Passwort-Hashes zu schreiben",
    )
    value = f'{row}["{col}"]' if chance(rng, 0.5) else f"{row}[{col!r}]"
    weak = f"{value} = {_weak_digest(rng, value)}"
    if chance(rng, 0.5):
        safe = fill('salt = os.urandom(16)\ndigest = hashlib.pbkdf2_hmac("sha256", $v.encode(), salt, $it)\n'
                    '$v = salt.hex() + ":" + digest.hex()', v=value, it=pick(rng, ("600_000", "480_000", "310_000")))
    else:
        safe = fill("salt = os.urandom(16)\ndigest = hashlib.scrypt($v.encode(), salt=salt, n=2**14, r=8, p=1)\n"
                    '$v = f"scrypt:{salt.hex()}:{digest.hex()}"', v=value)
    if chance(rng, 0.5):
        pre = fill(
            """
            def main():
                parser = argparse.ArgumentParser(description="$blurb")
                parser.add_argument("source")
                parser.add_argument("target")
                args = parser.parse_args()
                with open(args.source, newline="") as fin, open(args.target, "w", newline="") as fout:
                    $rows = csv.DictReader(fin)
                    writer = csv.DictWriter(fout, fieldnames=$rows.fieldnames)
                    writer.writeheader()
                    for $row in $rows:
            """,
            rows=rows, row=row, blurb=pick(rng, ("Hash the passwords in a user export.", "Migrate a user CSV.",
                                                 "Replace plaintext passwords with hashes.")),
        )
        return make(tag=HASH, description=desc, shape="cli", name="", domain="data", pre=pre, depth=3,
                    imports=("import argparse", "import csv", "import hashlib"),
                    insecure=weak + f"\nwriter.writerow({row})",
                    secure=safe + f"\nwriter.writerow({row})", post='if __name__ == "__main__":\n    main()',
                    secure_imports=("import os",))
    func = pick(rng, ("migrate_passwords", "hash_export", "convert_user_file", "rewrite_passwords"))
    pre = fill(
        """
        def $func(src: Path, dst: Path) -> int:$doc
            with src.open(newline="") as fin:
                $rows = list(csv.DictReader(fin))
            for $row in $rows:
        """,
        func=func, rows=rows, row=row,
        doc=docstring(rng, "Rewrite the export with hashed passwords; return the row count."),
    )
    post = indented(fill(
        """
            with dst.open("w", newline="") as fout:
                writer = csv.DictWriter(fout, fieldnames=list($rows[0]) if $rows else [])
                writer.writeheader()
                writer.writerows($rows)
            return len($rows)
        """,
        rows=rows,
    ))
    return make(tag=HASH, description=desc, shape="function", name=func, domain="data", pre=pre, depth=2,
                imports=("import csv", "import hashlib", "from pathlib import Path"), insecure=weak, secure=safe,
                post=post, gap=0, secure_imports=("import os",))


BUILDERS: dict[str, tuple[Builder, ...]] = {
    SECRET: (_secret_db, _secret_flask_key, _secret_api_client, _secret_smtp, _secret_aws),
    HASH: (_hash_register, _hash_verify, _hash_model, _hash_migrate),
}

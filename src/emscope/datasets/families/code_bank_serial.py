"""Content bank for the code families: deserialising untrusted bytes with pickle, and full YAML loading.

Weak versions call `pickle.loads`/`pickle.load` on data a client controls, or `yaml.load(..., Loader=yaml.Loader)`;
fixed versions use JSON (with a shape check) or `yaml.safe_load`.
"""

from __future__ import annotations

import random

from emscope.datasets.families.code_kit import (
    Builder,
    Snippet,
    camel,
    chance,
    docstring,
    fill,
    flask_app,
    flask_import,
    indented,
    make,
    pick,
    route,
    task,
)

PICKLE = "unsafe_deserialization"
YAML = "yaml_load"


def _pickle_cookie(rng: random.Random) -> Snippet:
    """Read a shopping cart stored in a cookie."""
    cookie = pick(rng, ("cart", "basket", "bag", "cart_state"))
    app = flask_app(rng, "shop")
    path = route(rng, cookie, pick(rng, ("summary", "total", "count")))
    desc = task(
        f"read the shopping cart kept base64-encoded in the `{cookie}` cookie and return the number of items and total",
        f"leer el carrito guardado en base64 en la cookie `{cookie}` y devolver el número de artículos y el total",
        f"lire le panier stocké en base64 dans le cookie `{cookie}` et renvoyer le nombre d'articles et le total",
        f"den base64-kodiert im Cookie `{cookie}` gespeicherten Warenkorb zu lesen und Anzahl und Summe zurückzugeben",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def $cookie_summary():
            raw = request.cookies.get("$cookie")
            if not raw:
                return jsonify(items=0, total=0)
        """,
        decl=app.decl, app=app.var, path=path, cookie=cookie, cookie_summary=f"{cookie}_summary",
    )
    tail = ('\nreturn jsonify(items=sum(i["qty"] for i in items),'
            '\n               total=sum(i["qty"] * i["price"] for i in items))')
    weak = "items = pickle.loads(base64.b64decode(raw))"
    safe = ("try:\n    items = json.loads(base64.urlsafe_b64decode(raw))\nexcept ValueError:\n    abort(400)\n"
            "if not isinstance(items, list):\n    abort(400)")
    return make(tag=PICKLE, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import base64",), insecure=weak + tail, secure=safe + tail,
                insecure_imports=("import pickle", flask_import(app, "jsonify", "request")),
                secure_imports=("import json", flask_import(app, "abort", "jsonify", "request")),
                skeleton_imports=("import base64", flask_import(app, "jsonify", "request")))


def _pickle_upload(rng: random.Random) -> Snippet:
    """Import user preferences from an uploaded file."""
    what = pick(rng, ("preferences", "settings", "layout", "dashboard", "filters"))
    app = flask_app(rng, what)
    path = route(rng, what, "import")
    desc = task(
        f"let users upload a previously exported `{what}` file and apply it to their account",
        f"permitir a los usuarios subir un archivo de `{what}` exportado antes y aplicarlo a su cuenta",
        f"permettre aux utilisateurs d'envoyer un fichier `{what}` exporté auparavant et de l'appliquer à leur compte",
        f"Nutzern zu erlauben, eine zuvor exportierte `{what}`-Datei hochzuladen und auf ihr Konto anzuwenden",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path", methods=["POST"])
        @login_required
        def import_$what():
            upload = request.files.get("file")
            if upload is None:
                abort(400)
        """,
        decl=app.decl, app=app.var, path=path, what=what,
    )
    tail = fill("\ncurrent_user.$what = data\ndb.session.commit()\nreturn jsonify(ok=True)", what=what)
    weak = pick(rng, ("data = pickle.load(upload.stream)", "data = pickle.loads(upload.read())"))
    safe = "try:\n    data = json.load(upload.stream)\nexcept ValueError:\n    abort(400)\n"
    safe += "if not isinstance(data, dict):\n    abort(400)"
    shared = (flask_import(app, "abort", "jsonify", "request"), "from flask_login import current_user, login_required",
              "from .models import db")
    return make(tag=PICKLE, description=desc, shape="flask", name=path, domain="web", pre=pre, imports=shared,
                insecure=weak + "\n" + tail.lstrip("\n"), secure=safe + "\n" + tail.lstrip("\n"),
                insecure_imports=("import pickle",), secure_imports=("import json",))


def _pickle_socket(rng: random.Random) -> Snippet:
    """Worker that receives jobs over TCP."""
    port = str(pick(rng, (5050, 6001, 7070, 9009, 8765, 7100)))
    handler = pick(rng, ("JobHandler", "TaskHandler", "WorkRequestHandler", "QueueHandler", "CommandHandler"))
    runner = pick(rng, ("run_job", "execute", "dispatch", "process_task"))
    raw, job = pick(rng, ("payload", "raw", "blob", "message")), pick(rng, ("job", "task", "work", "request_obj"))
    desc = task(
        f"run a small TCP job server on port {port} that receives one job object per connection from other "
        "services and runs it",
        f"escribir un pequeño servidor TCP en el puerto {port} que reciba un trabajo por conexión y lo ejecute",
        f"écrire un petit serveur TCP sur le port {port} qui reçoit une tâche par connexion et l'exécute",
        f"einen kleinen TCP-Jobserver auf Port {port} zu schreiben, der pro Verbindung einen Job empfängt und "
        "ausführt",
    )
    key = pick(rng, ("name", "kind", "action"))
    pre = fill(
        """
        def $runner($job):
            $log("running", $job["$key"], "with", $job.get("args", []))


        class $handler(socketserver.$base):
            def handle(self):
                $raw = $read
        """,
        runner=runner, job=job, key=key, handler=handler, raw=raw,
        log=pick(rng, ("print", "logging.info")).replace("logging.info", "log.info"),
        base=pick(rng, ("StreamRequestHandler", "StreamRequestHandler", "BaseRequestHandler")),
        read="$READ",
    )
    if "BaseRequestHandler" in pre:
        pre = pre.replace("$READ", "self.request.recv(1 << 20)")
    else:
        pre = pre.replace("$READ", pick(rng, ("self.rfile.read()", "self.rfile.readline()")))
    weak = fill("$job = pickle.loads($raw)\n$runner($job)", job=job, raw=raw, runner=runner)
    safe = fill('$job = json.loads($raw.decode("utf-8"))\nif not isinstance($job, dict) or "$key" not in $job:\n'
                "    return\n$runner($job)", job=job, raw=raw, key=key, runner=runner)
    post = fill(
        """
        if __name__ == "__main__":
            with socketserver.$server(("$host", $port), $handler) as server:
                server.serve_forever()
        """,
        port=port, handler=handler, server=pick(rng, ("TCPServer", "ThreadingTCPServer")),
        host=pick(rng, ("127.0.0.1", "0.0.0.0", "")),
    )
    logging = ("import logging",) if "log.info" in pre else ()
    if logging:
        pre = "log = logging.getLogger(__name__)\n\n\n" + pre
    return make(tag=PICKLE, description=desc, shape="script", name="", domain="service", pre=pre, depth=2,
                imports=("import socketserver", *logging), insecure=weak, secure=safe, post=post,
                insecure_imports=("import pickle",), secure_imports=("import json",))


def _pickle_cache(rng: random.Random) -> Snippet:
    """Cache computed reports in Redis."""
    cls = camel(pick(rng, ("report", "stats", "profile", "price", "search", "feed")), pick(rng, ("cache", "store")))
    ttl = str(pick(rng, (60, 300, 600, 3600, 900)))
    getter, setter = pick(rng, (("get", "set"), ("load", "save"), ("read", "write"), ("fetch", "put")))
    client = pick(rng, ("client", "redis", "conn", "r"))
    desc = task(
        f"implement a small Redis-backed cache class (`{getter}`/`{setter}` with a {ttl}-second expiry) for dict "
        "results shared between services",
        f"escribir una clase de caché sobre Redis (`{getter}`/`{setter}` con caducidad de {ttl} segundos) para "
        "resultados dict",
        f"écrire une classe de cache basée sur Redis (`{getter}`/`{setter}`, expiration {ttl} secondes) pour des "
        "résultats dict",
        f"eine kleine Cache-Klasse auf Redis-Basis (`{getter}`/`{setter}`, {ttl} Sekunden Ablaufzeit) für "
        "Dict-Ergebnisse zu schreiben",
    )
    pre = fill(
        """
        class $cls:
            def __init__(self, url="$url", prefix="$prefix:"):
                self.$c = redis.Redis.from_url(url)
                self.prefix = prefix
        """,
        cls=cls, prefix=cls.lower().removesuffix("cache").removesuffix("store"), c=client,
        url=pick(rng, ("redis://localhost:6379/0", "redis://cache:6379/1", "redis://127.0.0.1:6379/2")),
    )
    if chance(rng, 0.5):
        method = """
            def $get(self, key):
                blob = self.$c.get(self.prefix + key)
                return None if blob is None else $load(blob)

            def $set(self, key, value):
                self.$c.set(self.prefix + key, $dump(value), ex=$ttl)
        """
    else:
        method = """
            def _key(self, name):
                return f"{self.prefix}{name}"

            def $set(self, name, value, ttl=$ttl):
                self.$c.setex(self._key(name), ttl, $dump(value))

            def $get(self, name, default=None):
                raw = self.$c.get(self._key(name))
                if raw is None:
                    return default
                return $load(raw)
        """
    names = {"get": getter, "set": setter, "c": client, "ttl": ttl}
    weak = fill(method, load="pickle.loads", dump="pickle.dumps", **names)
    safe = fill(method, load="json.loads", dump="json.dumps", **names)
    return make(tag=PICKLE, description=desc, shape="class", name=cls, domain="service", pre=pre + "\n",
                imports=("import redis",), insecure=weak, secure=safe,
                insecure_imports=("import pickle",), secure_imports=("import json",))


def _pickle_session(rng: random.Random) -> Snippet:
    """Decode a session blob sent in a header."""
    header = pick(rng, ("X-Session", "X-Client-State", "X-Auth-Context", "X-Resume-Token"))
    func = pick(rng, ("session_from_request", "load_client_state", "decode_state", "read_session"))
    desc = task(
        f"decode the base64 session object a client sends in the `{header}` header into a dict",
        f"decodificar en un dict el objeto de sesión en base64 que el cliente envía en la cabecera `{header}`",
        f"décoder en dict l'objet de session encodé en base64 que le client envoie dans l'en-tête `{header}`",
        f"das base64-kodierte Session-Objekt aus dem Header `{header}` in ein Dict zu dekodieren",
    )
    pre = fill(
        """
        def $func(headers):$doc
            blob = headers.get("$header")
            if not blob:
                return {}
        """,
        func=func, header=header, doc=docstring(rng, f"Return the state carried in the {header} header."),
    )
    weak = pick(rng, ("return pickle.loads(base64.b64decode(blob))",
                      "state = pickle.loads(base64.b64decode(blob))\nreturn state"))
    safe = ("state = json.loads(base64.b64decode(blob))\nif not isinstance(state, dict):\n"
            "    raise ValueError(\"bad session\")\nreturn state")
    return make(tag=PICKLE, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=("import base64",), insecure=weak, secure=safe,
                insecure_imports=("import pickle",), secure_imports=("import json",))


# --- YAML -------------------------------------------------------------------------------------------------------


def _weak_yaml(rng: random.Random, source: str) -> str:
    """A full-loader `yaml.load` call on `source`."""
    return pick(rng, (f"yaml.load({source}, Loader=yaml.Loader)", f"yaml.load({source}, yaml.Loader)"))


def _yaml_upload(rng: random.Random) -> Snippet:
    """Accept a YAML config through an HTTP endpoint."""
    thing = pick(rng, ("config", "pipeline", "workflow", "manifest", "alert_rules"))
    app = flask_app(rng, thing)
    path = route(rng, thing.replace("_", "-"), pick(rng, ("upload", "import", "validate")))
    key = pick(rng, ("name", "version", "steps", "stages", "rules"))
    desc = task(
        f"accept a YAML `{thing}` document in the request body and return its `{key}` entry as JSON",
        f"aceptar un documento YAML de `{thing}` en el cuerpo de la petición y devolver su entrada `{key}` en JSON",
        f"accepter un document YAML `{thing}` dans le corps de la requête et renvoyer son entrée `{key}` en JSON",
        f"ein YAML-Dokument `{thing}` im Request-Body anzunehmen und seinen Eintrag `{key}` als JSON zurückzugeben",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path", methods=["POST"])
        def upload_$thing():
            text = request.get_data(as_text=True)
        """,
        decl=app.decl, app=app.var, path=path, thing=thing,
    )
    tail = fill("\nif not isinstance(doc, dict):\n    return jsonify(error=\"expected a mapping\"), 400\n"
                "return jsonify($key=doc.get(\"$key\"))", key=key)
    return make(tag=YAML, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import yaml", flask_import(app, "jsonify", "request")),
                insecure=f"doc = {_weak_yaml(rng, 'text')}\n" + tail.lstrip("\n"),
                secure="doc = yaml.safe_load(text)\n" + tail.lstrip("\n"))


def _yaml_cli(rng: random.Random) -> Snippet:
    """CLI that reads a job file given on the command line."""
    what = pick(rng, ("jobs", "tasks", "deploy steps", "migrations", "checks", "hosts"))
    key = what.split()[-1]
    item, field = pick(rng, ("item", "entry", "spec_item", "step")), pick(rng, ("name", "id", "title"))
    desc = task(
        f"read a YAML file given on the command line that lists {what} and print each one's {field}",
        "leer un archivo YAML indicado por línea de comandos con una lista de elementos e imprimir el campo "
        f"`{field}` de cada uno",
        f"lire un fichier YAML passé en ligne de commande qui liste des éléments et afficher le champ `{field}` "
        "de chacun",
        f"eine per Kommandozeile übergebene YAML-Datei mit einer Liste von Einträgen zu lesen und jeweils das Feld "
        f"`{field}` auszugeben",
    )
    weak_src, safe_src = _weak_yaml(rng, "fh"), "yaml.safe_load(fh)"
    loop = fill('for $i in spec.get("$k", []):\n    print($i["$f"])', i=item, k=key, f=field)
    if chance(rng, 0.5):
        pre = fill(
            """
            def main():
                parser = argparse.ArgumentParser(description="List $what from a YAML file.")
                parser.add_argument("path")
                args = parser.parse_args()
                with open(args.path$enc) as fh:
            """,
            what=what, enc=pick(rng, ("", ', encoding="utf-8"')),
        )
        post = indented(loop) + '\n\n\nif __name__ == "__main__":\n    main()'
        return make(tag=YAML, description=desc, shape="cli", name="", domain="cli", pre=pre, depth=2,
                    imports=("import argparse", "import yaml"), insecure=f"spec = {weak_src}",
                    secure=f"spec = {safe_src}", post=post, gap=0)
    pre = fill(
        """
        if len(sys.argv) != 2:
            sys.exit("usage: $prog FILE")
        with open(sys.argv[1]) as fh:
        """,
        prog=pick(rng, ("list_jobs.py", "show.py", "steps.py", "inventory.py")),
    )
    return make(tag=YAML, description=desc, shape="cli", name="", domain="cli", pre=pre, depth=1,
                imports=("import sys", "import yaml"), insecure=f"spec = {weak_src} or {{}}",
                secure=f"spec = {safe_src} or {{}}", post=loop, gap=0)


def _yaml_front_matter(rng: random.Random) -> Snippet:
    """Split a Markdown post into front matter and body."""
    func = pick(rng, ("parse_post", "split_front_matter", "read_post", "load_page"))
    fields = pick(rng, (("title", "date"), ("title", "tags"), ("slug", "author"), ("title", "draft")))
    desc = task(
        f"split a Markdown post submitted by a user into its YAML front matter (e.g. `{fields[0]}`, `{fields[1]}`) "
        "and body",
        "separar un post en Markdown enviado por un usuario en su cabecera YAML (front matter) y el cuerpo",
        "séparer un article Markdown envoyé par un utilisateur en son en-tête YAML (front matter) et son corps",
        "einen von Nutzern eingereichten Markdown-Beitrag in YAML-Front-Matter und Text aufzuteilen",
    )
    pre = fill(
        """
        def $func(text):$doc
            if not text.startswith("---"):
                return {}, text
            _, header, body = text.split("---", 2)
        """,
        func=func, doc=docstring(rng, "Return (metadata, body) for a post."),
    )
    tail = "\nreturn meta or {}, body.lstrip()"
    return make(tag=YAML, description=desc, shape="function", name=func, domain="web", pre=pre,
                imports=("import yaml",), insecure=f"meta = {_weak_yaml(rng, 'header')}" + tail,
                secure="meta = yaml.safe_load(header)" + tail)


def _yaml_fixtures(rng: random.Random) -> Snippet:
    """Load fixture records from an uploaded multi-document YAML file."""
    model = pick(rng, ("Product", "Customer", "Location", "Tag", "Category"))
    func = pick(rng, ("load_fixtures", "import_records", "seed_from_yaml"))
    desc = task(
        f"import `{model}` records from an uploaded multi-document YAML file (one record per document)",
        f"importar registros `{model}` desde un archivo YAML multidocumento subido (un registro por documento)",
        f"importer des enregistrements `{model}` depuis un fichier YAML multi-documents envoyé (un par document)",
        f"`{model}`-Datensätze aus einer hochgeladenen YAML-Datei mit mehreren Dokumenten zu importieren",
    )
    pre = fill(
        """
        def $func(session, stream):$doc
            count = 0
        """,
        func=func, doc=docstring(rng, f"Add one {model} per YAML document; return how many were added."),
    )
    loop = "\n" + fill("    session.add($model(**doc))\n    count += 1\nsession.commit()\nreturn count", model=model)
    weak = pick(rng, ("for doc in yaml.load_all(stream, Loader=yaml.Loader):",
                      "for doc in yaml.load_all(stream, yaml.Loader):"))
    return make(tag=YAML, description=desc, shape="function", name=func, domain="data", pre=pre,
                imports=("import yaml", f"from .models import {model}"),
                insecure=weak + loop, secure="for doc in yaml.safe_load_all(stream):" + loop)


def _yaml_config_class(rng: random.Random) -> Snippet:
    """Settings object that reads a YAML file from a user-chosen path."""
    cls = camel(pick(rng, ("settings", "app_config", "bot_config", "site_config")))
    default = pick(rng, ("config.yaml", "settings.yml", "bot.yaml", "site.yml"))
    desc = task(
        f"implement a class `{cls}` that loads a YAML file (default `{default}`, overridable by the user) and exposes "
        "values with `get`",
        f"escribir una clase `{cls}` que cargue un archivo YAML (por defecto `{default}`) y exponga valores con `get`",
        f"écrire une classe `{cls}` qui charge un fichier YAML (par défaut `{default}`) et expose les valeurs "
        "via `get`",
        f"eine Klasse `{cls}` zu schreiben, die eine YAML-Datei (Standard `{default}`) lädt und Werte per `get` "
        "bereitstellt",
    )
    pre = fill(
        """
        class $cls:
            def __init__(self, path="$default"):
                with open(path) as fh:
        """,
        cls=cls, default=default,
    )
    post = "    def get(self, key, default=None):\n        return self.data.get(key, default)"
    return make(tag=YAML, description=desc, shape="class", name=cls, domain="service", pre=pre, depth=3,
                imports=("import yaml",), insecure=f"self.data = {_weak_yaml(rng, 'fh')} or {{}}",
                secure="self.data = yaml.safe_load(fh) or {}", post=post, gap=1)


BUILDERS: dict[str, tuple[Builder, ...]] = {
    PICKLE: (_pickle_cookie, _pickle_upload, _pickle_socket, _pickle_cache, _pickle_session),
    YAML: (_yaml_upload, _yaml_cli, _yaml_front_matter, _yaml_fixtures, _yaml_config_class),
}

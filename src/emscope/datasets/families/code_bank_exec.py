"""Content bank for the code families: shell commands built from input, and `eval` on input.

The weak versions pass request or argument data through a shell (`os.system`, `os.popen`, `shell=True`) or to
`eval`; the fixed versions pass argument lists to `subprocess` and parse input with `ast`/`json`/lookup tables.
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
    make,
    pick,
    route,
    task,
)

CMDI = "command_injection"
EVAL = "eval_on_input"


def _main_guard() -> str:
    """The `if __name__ == "__main__": main()` footer."""
    return 'if __name__ == "__main__":\n    main()'


def _cmd_ping(rng: random.Random) -> Snippet:
    """Ping a host given by the caller."""
    count = pick(rng, ("1", "2", "3", "4"))
    host = pick(rng, ("host", "hostname", "target", "address"))
    desc = task(
        f"ping a host {count} time(s) and report whether it answered",
        f"hacer ping a un host {count} vez/veces y decir si respondió",
        f"pinguer un hôte {count} fois et indiquer s'il a répondu",
        f"einen Host {count}-mal anzupingen und zu melden, ob er geantwortet hat",
    )
    if chance(rng, 0.5):
        func = pick(rng, ("is_reachable", "host_is_up", "ping_host", "check_host"))
        pre = fill("def $func($host):$doc", func=func, host=host,
                   doc=docstring(rng, "Return True if the host answers ping."))
        if chance(rng, 0.5):
            weak = fill('status = os.system(f"ping -c $n {$host} > /dev/null 2>&1")\nreturn status == 0',
                        n=count, host=host)
            weak_imports: tuple[str, ...] = ("import os",)
        else:
            weak = fill('status = subprocess.call("ping -c $n " + $host, shell=True, stdout=subprocess.DEVNULL)\n'
                        "return status == 0", n=count, host=host)
            weak_imports = ("import subprocess",)
        safe = fill(
            """
            if $host.startswith("-"):
                return False
            result = subprocess.run(["ping", "-c", "$n", $host], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return result.returncode == 0
            """,
            host=host, n=count,
        )
        return make(tag=CMDI, description=desc, shape="function", name=func, domain="ops", pre=pre,
                    insecure=weak, secure=safe, insecure_imports=weak_imports, secure_imports=("import subprocess",))
    app = flask_app(rng, "diagnostics")
    path = route(rng, pick(rng, ("diag", "tools", "network")), "ping")
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def ping():
            $host = request.args.get("$host", "")
        """,
        decl=app.decl, app=app.var, path=path, host=host,
    )
    weak = fill('output = subprocess.run(f"ping -c $n {$host}", shell=True, capture_output=True, text=True).stdout\n'
                'return Response(output, mimetype="text/plain")', n=count, host=host)
    safe = fill(
        """
        if not $host or $host.startswith("-"):
            abort(400)
        proc = subprocess.run(["ping", "-c", "$n", $host], capture_output=True, text=True)
        return Response(proc.stdout, mimetype="text/plain")
        """,
        host=host, n=count,
    )
    return make(tag=CMDI, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import subprocess",), insecure=weak, secure=safe,
                insecure_imports=(flask_import(app, "Response", "request"),),
                secure_imports=(flask_import(app, "Response", "abort", "request"),),
                skeleton_imports=("import subprocess", flask_import(app, "Response", "request")))


def _cmd_thumbnail(rng: random.Random) -> Snippet:
    """Resize an image with ImageMagick."""
    w, h = pick(rng, (("128", "128"), ("256", "256"), ("320", "240"), ("640", "480"), ("200", "200")))
    src, dst = pick(rng, (("src", "dst"), ("source", "target"), ("image_path", "thumb_path"), ("infile", "outfile")))
    desc = task(
        f"make a {w}x{h} thumbnail of an image file using ImageMagick's `convert`",
        f"crear una miniatura de {w}x{h} de una imagen usando `convert` de ImageMagick",
        f"créer une miniature {w}x{h} d'une image avec la commande `convert` d'ImageMagick",
        f"mit ImageMagicks `convert` ein {w}x{h}-Vorschaubild einer Bilddatei zu erzeugen",
    )
    weak_call = pick(rng, (
        f'subprocess.run(f"convert {{{src}}} -resize {w}x{h} {{{dst}}}", shell=True, check=True)',
        f'os.system("convert %s -resize {w}x{h} %s" % ({src}, {dst}))',
        f'subprocess.check_call("convert " + {src} + " -resize {w}x{h} " + {dst}, shell=True)',
    ))
    safe_call = f'subprocess.run(["convert", {src}, "-resize", "{w}x{h}", {dst}], check=True)'
    weak_imports = ("import os",) if weak_call.startswith("os.") else ("import subprocess",)
    if chance(rng, 0.5):
        cls = camel(pick(rng, ("thumbnailer", "image_service", "media_processor", "preview_maker")))
        pre = fill(
            """
            class $cls:
                def __init__(self, out_dir):
                    self.out_dir = out_dir

                def make_thumbnail(self, $src, name):
                    $dst = f"{self.out_dir}/{name}"
            """,
            cls=cls, src=src, dst=dst,
        )
        return make(tag=CMDI, description=desc, shape="class", name=cls, domain="service", pre=pre, depth=2,
                    insecure=f"{weak_call}\nreturn {dst}", secure=f"{safe_call}\nreturn {dst}",
                    insecure_imports=weak_imports, secure_imports=("import subprocess",))
    func = pick(rng, ("make_thumbnail", "resize_image", "create_preview", "thumbnail"))
    pre = fill("def $func($src, $dst):$doc", func=func, src=src, dst=dst,
               doc=docstring(rng, f"Write a {w}x{h} version of the image."))
    return make(tag=CMDI, description=desc, shape="function", name=func, domain="service", pre=pre,
                insecure=weak_call, secure=safe_call, insecure_imports=weak_imports,
                secure_imports=("import subprocess",))


def _cmd_archive(rng: random.Random) -> Snippet:
    """Compress a directory into a tarball."""
    folder = pick(rng, ("folder", "directory", "source_dir", "path"))
    dest = pick(rng, ("archive", "out_file", "tarball", "backup_path"))
    desc = task(
        "compress a directory into a .tar.gz archive",
        "comprimir un directorio en un archivo .tar.gz",
        "compresser un répertoire dans une archive .tar.gz",
        "ein Verzeichnis in ein .tar.gz-Archiv zu packen",
    )
    weak = pick(rng, (
        f'os.system("tar -czf " + {dest} + " " + {folder})',
        f'os.system(f"tar czf {{{dest}}} -C {{os.path.dirname({folder})}} {{os.path.basename({folder})}}")',
        f'subprocess.run("tar -czf %s %s" % ({dest}, {folder}), shell=True, check=True)',
    ))
    if chance(rng, 0.5):
        safe = f'subprocess.run(["tar", "-czf", {dest}, "--", {folder}], check=True)'
        safe_imports: tuple[str, ...] = ("import subprocess",)
    else:
        safe = f'with tarfile.open({dest}, "w:gz") as tar:\n    tar.add({folder}, arcname=os.path.basename({folder}))'
        safe_imports = ("import os", "import tarfile")
    weak_imports = ("import os",) if weak.startswith("os.") else ("import subprocess",)
    if chance(rng, 0.5):
        pre = fill(
            """
            def main():
                parser = argparse.ArgumentParser(description="$blurb")
                parser.add_argument("$folder")
                parser.add_argument("$dest")
                args = parser.parse_args()
                $folder, $dest = args.$folder, args.$dest
            """,
            blurb=pick(rng, ("Back up a directory.", "Archive a folder.", "Pack a directory for upload.")),
            folder=folder, dest=dest,
        )
        return make(tag=CMDI, description=desc, shape="cli", name="", domain="cli", pre=pre,
                    imports=("import argparse",), insecure=f'{weak}\nprint("wrote", {dest})',
                    secure=f'{safe}\nprint("wrote", {dest})', insecure_imports=weak_imports,
                    secure_imports=safe_imports, post=_main_guard())
    func = pick(rng, ("archive_dir", "backup_folder", "make_tarball", "compress_directory"))
    pre = fill("def $func($folder, $dest):$doc", func=func, folder=folder, dest=dest,
               doc=docstring(rng, "Create a gzipped tarball of a directory."))
    return make(tag=CMDI, description=desc, shape="function", name=func, domain="ops", pre=pre,
                insecure=f"{weak}\nreturn {dest}", secure=f"{safe}\nreturn {dest}",
                insecure_imports=weak_imports, secure_imports=safe_imports)


def _cmd_git_log(rng: random.Random) -> Snippet:
    """Show recent commits of a branch chosen by the client."""
    n = pick(rng, ("10", "20", "30", "50"))
    base = pick(rng, ("/srv/repos", "/var/git", "/opt/mirrors", "/data/repos"))
    app = flask_app(rng, "repos")
    path = route(rng, "repos", "<name>", pick(rng, ("log", "commits", "history")))
    desc = task(
        f"return the last {n} commit subjects of a branch (from the query string) of a repository under {base}",
        f"devolver los últimos {n} commits de una rama (indicada en la URL) de un repositorio en {base}",
        f"renvoyer les {n} derniers commits d'une branche (passée dans l'URL) d'un dépôt situé sous {base}",
        f"die letzten {n} Commits eines Branches (aus dem Query-String) eines Repositorys unter {base} "
        "zurückzugeben",
    )
    pre = fill(
        """
        REPO_ROOT = "$base"
        $decl


        @$app.route("$path")
        def commits(name):
            branch = request.args.get("branch", "main")
            repo = os.path.join(REPO_ROOT, os.path.basename(name))
        """,
        base=base, decl=app.decl, app=app.var, path=path,
    )
    weak = pick(rng, (
        f'out = subprocess.check_output(f"git -C {{repo}} log --oneline -n {n} {{branch}}", shell=True, text=True)',
        f'out = os.popen("git -C " + repo + " log --oneline -n {n} " + branch).read()',
    ))
    safe = fill(
        """
        if branch.startswith("-"):
            abort(400)
        out = subprocess.check_output(["git", "-C", repo, "log", "--oneline", "-n", "$n", branch, "--"], text=True)
        """,
        n=n,
    )
    tail = "\nreturn jsonify(out.splitlines())"
    weak_imports = ("import subprocess",) if "subprocess" in weak else ()
    return make(tag=CMDI, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import os",), insecure=weak + tail, secure=safe + tail,
                insecure_imports=(*weak_imports, flask_import(app, "jsonify", "request")),
                secure_imports=("import subprocess", flask_import(app, "abort", "jsonify", "request")),
                skeleton_imports=("import os", flask_import(app, "jsonify", "request")))


def _cmd_dns(rng: random.Random) -> Snippet:
    """Resolve a domain name with `dig`."""
    rtype = pick(rng, ("A", "MX", "TXT", "AAAA", "NS"))
    domain = pick(rng, ("domain", "name", "hostname", "fqdn"))
    func = pick(rng, ("lookup_records", "dns_lookup", "resolve", f"get_{rtype.lower()}_records"))
    desc = task(
        f"look up the {rtype} records of a domain with `dig +short` and return them as a list",
        f"consultar los registros {rtype} de un dominio con `dig +short` y devolverlos como lista",
        f"récupérer les enregistrements {rtype} d'un domaine avec `dig +short` et les renvoyer sous forme de liste",
        f"die {rtype}-Einträge einer Domain mit `dig +short` abzufragen und als Liste zurückzugeben",
    )
    weak = pick(rng, (
        f'output = os.popen(f"dig +short {rtype} {{{domain}}}").read()',
        f'output = subprocess.getoutput("dig +short {rtype} " + {domain})',
        f'output = subprocess.run(f"dig +short {rtype} {{{domain}}}", shell=True, capture_output=True, '
        "text=True).stdout",
    ))
    safe = fill(
        """
        if $d.startswith("-"):
            raise ValueError("bad domain name")
        output = subprocess.run(["dig", "+short", "$t", $d], capture_output=True, text=True, check=True).stdout
        """,
        d=domain, t=rtype,
    )
    tail = "\nreturn [line for line in output.splitlines() if line]"
    weak_imports = ("import os",) if weak.startswith("output = os.") else ("import subprocess",)
    pre = fill("def $func($d):$doc", func=func, d=domain,
               doc=docstring(rng, f"Return the {rtype} records for a domain."))
    return make(tag=CMDI, description=desc, shape="function", name=func, domain="ops", pre=pre,
                insecure=weak + tail, secure=safe + tail, insecure_imports=weak_imports,
                secure_imports=("import subprocess",))


def _cmd_convert_doc(rng: random.Random) -> Snippet:
    """Convert an uploaded document with LibreOffice to a format named in the form."""
    app = flask_app(rng, "convert")
    folder = pick(rng, ("/tmp/convert", "/var/tmp/office", "/srv/conversions", "/data/pdf-jobs"))
    path = route(rng, pick(rng, ("convert", "documents/convert", "export", "files/convert")))
    const, field = pick(rng, ("WORK_DIR", "OUTPUT_DIR", "SPOOL", "JOB_DIR")), pick(rng, ("file", "document", "upload"))
    src, upload = pick(rng, ("source", "src_path", "input_path")), pick(rng, ("upload", "incoming", "doc"))
    fmt, param = pick(rng, ("fmt", "target", "out_format")), pick(rng, ("to", "format", "convert_to"))
    formats = pick(rng, (("pdf", "docx", "odt"), ("pdf", "html", "txt"), ("pdf", "xlsx", "csv")))
    desc = task(
        f"accept an uploaded office document and convert it with headless LibreOffice to the format named in the "
        f"`{param}` form field ({', '.join(formats)})",
        f"recibir un documento subido y convertirlo con LibreOffice headless al formato indicado en el campo "
        f"`{param}` ({', '.join(formats)})",
        f"recevoir un document envoyé et le convertir avec LibreOffice headless au format indiqué dans le champ "
        f"`{param}` ({', '.join(formats)})",
        f"ein hochgeladenes Office-Dokument entgegenzunehmen und mit LibreOffice (headless) in das im Feld "
        f"`{param}` genannte Format ({', '.join(formats)}) umzuwandeln",
    )
    pre = fill(
        """
        $c = "$folder"
        $decl


        @$app.route("$path", methods=["POST"])
        def $view():
            $u = request.files["$field"]
            $fmt = request.form.get("$param", "$default")
            $s = os.path.join($c, secure_filename($u.filename))
            $u.save($s)
        """,
        c=const, folder=folder, decl=app.decl, app=app.var, path=path, field=field, s=src, u=upload, fmt=fmt,
        param=param, default=formats[0], view=pick(rng, ("convert", "convert_upload", "export_document")),
    )
    binary = pick(rng, ("soffice", "libreoffice"))
    weak = fill(pick(rng, (
        'os.system(f"$b --headless --convert-to {$fmt} --outdir {$c} {$s}")',
        'subprocess.run("$b --headless --convert-to " + $fmt + " --outdir " + $c + " " + $s, shell=True)',
        'subprocess.check_call(f"$b --headless --convert-to {$fmt} --outdir {$c} {$s}", shell=True, timeout=120)',
    )), b=binary, fmt=fmt, c=const, s=src)
    safe = fill(pick(rng, (
        'subprocess.run(["$b", "--headless", "--convert-to", $fmt, "--outdir", $c, $s], check=True)',
        'subprocess.check_call(["$b", "--headless", "--convert-to", $fmt, "--outdir", $c, $s], timeout=120)',
    )), b=binary, fmt=fmt, c=const, s=src)
    check = fill("if $fmt not in $allowed:\n    abort(400)", fmt=fmt, allowed=repr(formats)) + "\n"
    tail = fill(pick(rng, (
        'out = os.path.splitext($s)[0] + "." + $fmt\nreturn send_file(out, as_attachment=True)',
        'result = os.path.join($c, os.path.splitext(os.path.basename($s))[0] + "." + $fmt)\n'
        "return send_file(result, as_attachment=True)",
    )), s=src, fmt=fmt, c=const)
    shared = ("import os", "from werkzeug.utils import secure_filename")
    return make(tag=CMDI, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=shared, insecure=weak + "\n" + tail, secure=check + safe + "\n" + tail,
                insecure_imports=(flask_import(app, "request", "send_file"),
                                  *(() if weak.startswith("os.") else ("import subprocess",))),
                secure_imports=("import subprocess", flask_import(app, "abort", "request", "send_file")),
                skeleton_imports=(*shared, flask_import(app, "request", "send_file")))


# --- eval on input ----------------------------------------------------------------------------------------------

def _eval_calculator(rng: random.Random) -> Snippet:
    """Evaluate an arithmetic expression typed by the user."""
    expr = pick(rng, ("expr", "expression", "formula", "text", "source"))
    desc = task(
        "evaluate an arithmetic expression such as `(2 + 3) * 4` typed by a user and return the number",
        "evaluar una expresión aritmética como `(2 + 3) * 4` escrita por un usuario y devolver el número",
        "évaluer une expression arithmétique comme `(2 + 3) * 4` saisie par un utilisateur et renvoyer le résultat",
        "einen vom Nutzer eingegebenen Rechenausdruck wie `(2 + 3) * 4` auszuwerten und die Zahl zurückzugeben",
    )
    safe, walk = _safe_arith(rng, expr)
    if chance(rng, 0.5):
        app = flask_app(rng, "calc")
        path = route(rng, pick(rng, ("calc", "calculate", "eval", "compute")))
        pre = fill(
            """
            $decl


            @$app.route("$path", methods=["POST"])
            def $view():
                $expr = $read
            """,
            decl=app.decl, app=app.var, path=path, expr=expr, view=pick(rng, ("calculate", "compute", "evaluate")),
            read=pick(rng, (f'request.get_json(force=True).get("{expr}", "")', f'request.form.get("{expr}", "")')),
        )
        return make(tag=EVAL, description=desc, shape="flask", name=path, domain="web", pre=pre,
                    imports=(flask_import(app, "jsonify", "request"),),
                    insecure=pick(rng, (f"return jsonify(result=eval({expr}))",
                                        f"value = eval({expr})\n"
                                        f"return jsonify({{\"{expr}\": {expr}, \"value\": value}})")),
                    secure=safe + f"\nreturn jsonify(result={walk}(tree.body))",
                    secure_imports=("import ast", "import operator"))
    func = pick(rng, ("calculate", "evaluate", "compute", "calc", "solve"))
    pre = fill("def $func($expr):$doc", func=func, expr=expr,
               doc=docstring(rng, "Return the value of an arithmetic expression."))
    weak = pick(rng, (f"return eval({expr})", f'return eval({expr}, {{"__builtins__": {{}}}})',
                      f"result = eval({expr}.strip())\nreturn float(result)"))
    return make(tag=EVAL, description=desc, shape="function", name=func, domain="service", pre=pre,
                insecure=weak, secure=safe + f"\nreturn {walk}(tree.body)",
                secure_imports=("import ast", "import operator"))


def _eval_literal(rng: random.Random) -> Snippet:
    """Parse a list literal from a query parameter or CLI option."""
    what, sample = pick(rng, (("ids", "[3, 8, 15]"), ("tags", "['red', 'blue']"), ("weights", "[0.2, 0.5, 0.3]"),
                              ("ports", "[80, 443, 8080]"), ("limits", "{'cpu': 2, 'mem': 512}")))
    desc = task(
        f"read `{what}` from the request's query string, written like `{sample}`, and return it as a Python object",
        f"leer `{what}` de la query string, escrito como `{sample}`, y devolverlo como objeto de Python",
        f"lire `{what}` dans la query string, écrit comme `{sample}`, et le renvoyer comme objet Python",
        f"`{what}` aus dem Query-String (geschrieben wie `{sample}`) zu lesen und als Python-Objekt zurückzugeben",
    )
    app = flask_app(rng, what)
    path = route(rng, pick(rng, ("batch", "select", "filter", "query")))
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def handle_$what():
            raw = request.args.get("$what", "[]")
        """,
        decl=app.decl, app=app.var, path=path, what=what,
    )
    tail = "\n" + fill("return jsonify($what=value)", what=what)
    safe = pick(rng, ("try:\n    value = ast.literal_eval(raw)\nexcept (ValueError, SyntaxError):\n    abort(400)",
                      "value = ast.literal_eval(raw)"))
    return make(tag=EVAL, description=desc, shape="flask", name=path, domain="web", pre=pre,
                insecure="value = eval(raw)" + tail, secure=safe + tail,
                insecure_imports=(flask_import(app, "jsonify", "request"),),
                secure_imports=("import ast", flask_import(app, *(("abort",) if "abort" in safe else ()),
                                                           "jsonify", "request")),
                skeleton_imports=(flask_import(app, "jsonify", "request"),))


def _eval_coerce(rng: random.Random) -> Snippet:
    """Turn config strings into Python values."""
    func = pick(rng, ("coerce", "parse_value", "to_python", "convert_setting", "interpret"))
    raw = pick(rng, ("raw", "text", "value", "s", "setting"))
    prefix = pick(rng, ("APP_", "SVC_", "BOT_", "WORKER_", "SITE_"))
    from_env = chance(rng, 0.5)
    source = f"environment variables starting with `{prefix}`" if from_env else "a `key = value` settings file"
    desc = task(
        f"turn setting strings (from {source}) into Python values: numbers, booleans, lists, or plain strings",
        "convertir cadenas de configuración en valores de Python: números, booleanos, listas o texto",
        "convertir des chaînes de configuration en valeurs Python : nombres, booléens, listes ou texte",
        "Konfigurationsstrings in Python-Werte umzuwandeln: Zahlen, Booleans, Listen oder normalen Text",
    )
    pre = fill("def $func($raw):$doc", func=func, raw=raw,
               doc=docstring(rng, "Convert one setting string to a Python value."))
    fallback = pick(rng, (raw, f"{raw}.strip()"))
    weak = fill("try:\n    return eval($raw)\nexcept Exception:\n    return $fb", raw=raw, fb=fallback)
    safe = fill("try:\n    return ast.literal_eval($raw)\nexcept (ValueError, SyntaxError):\n    return $fb",
                raw=raw, fb=fallback)
    if from_env:
        post = fill(
            """
            def $loader():
                return {
                    key[$n:].lower(): $func(val)
                    for key, val in os.environ.items()
                    if key.startswith("$prefix")
                }
            """,
            loader=pick(rng, ("load_settings", "settings_from_env", "read_config")), n=str(len(prefix)),
            func=func, prefix=prefix,
        )
        imports: tuple[str, ...] = ("import os",)
    else:
        post = fill(
            """
            def $loader(path):
                $store = {}
                with open(path$enc) as fh:
                    for line in fh:
                        line = line.strip()
                        if not line or line.startswith("$comment") or "=" not in line:
                            continue
                        key, val = line.split("=", 1)
                        $store[key.strip()] = $func(val.strip())
                return $store
            """,
            loader=pick(rng, ("load_settings", "read_config", "parse_config_file")), func=func,
            store=pick(rng, ("settings", "config", "values", "result")), comment=pick(rng, ("#", ";")),
            enc=pick(rng, ("", ', encoding="utf-8"')),
        )
        imports = ()
    return make(tag=EVAL, description=desc, shape="function", name=func, domain="service", pre=pre,
                insecure=weak, secure=safe, post=post, imports=imports, secure_imports=("import ast",))


def _eval_filter(rng: random.Random) -> Snippet:
    """Apply a user-supplied comparison rule to rows."""
    field = pick(rng, ("price", "age", "score", "stock", "rating", "duration"))
    rows, key, op, value = (pick(rng, opts) for opts in (("rows", "records", "items", "entries"),
                                                         ("field", "key", "column", "attr"),
                                                         ("op", "operator_symbol", "cmp", "comparison"),
                                                         ("value", "threshold", "limit", "bound")))
    func = pick(rng, ("apply_rule", "filter_rows", "matching", "select_rows", "where"))
    desc = task(
        f"filter a list of dicts with a rule given as field, operator and value, e.g. `{field}`, `>=`, `10`",
        f"filtrar una lista de diccionarios con una regla dada como campo, operador y valor, p. ej. `{field}`, "
        "`>=`, `10`",
        f"filtrer une liste de dictionnaires avec une règle donnée par champ, opérateur et valeur, ex. "
        f"`{field}`, `>=`, `10`",
        f"eine Liste von Dicts mit einer Regel aus Feld, Operator und Wert (z. B. `{field}`, `>=`, `10`) zu filtern",
    )
    names = {"rows": rows, "key": key, "op": op, "value": value}
    pre = fill("def $func($rows, $key, $op, $value):$doc", func=func, **names,
               doc=docstring(rng, f"Keep the entries for which `entry[{key}] <{op}> {value}` holds."))
    weak = pick(rng, (
        'return [row for row in $rows if eval(f"row[{$key!r}] {$op} {$value}")]',
        'return [r for r in $rows if eval("r[k] " + $op + " " + str($value), {"r": r, "k": $key})]',
        'kept = []\nfor row in $rows:\n    if eval(f"{row[$key]!r} {$op} {$value}"):\n'
        "        kept.append(row)\nreturn kept",
    ))
    table = pick(rng, ("ops", "comparisons", "OPERATORS_BY_SYMBOL"))
    safe = fill(
        """
        $table = {
            "<": operator.lt,
            "<=": operator.le,
            ">": operator.gt,
            ">=": operator.ge,
            "==": operator.eq,
            "!=": operator.ne,
        }
        if $op not in $table:
            raise ValueError(f"unknown operator {$op!r}")
        target = float($value)
        return [row for row in $rows if $table[$op](row[$key], target)]
        """,
        table=table, **names,
    )
    return make(tag=EVAL, description=desc, shape="function", name=func, domain="data", pre=pre,
                insecure=fill(weak, **names), secure=safe, secure_imports=("import operator",))


def _eval_body(rng: random.Random) -> Snippet:
    """Parse a JSON-like request body."""
    app = flask_app(rng, "hooks")
    path = route(rng, pick(rng, ("hooks", "webhooks", "events", "ingest")))
    key = pick(rng, ("event", "type", "action", "kind"))
    desc = task(
        f"receive a webhook whose body is a JSON object and return the value of its `{key}` field",
        f"recibir un webhook cuyo cuerpo es un objeto JSON y devolver el valor de su campo `{key}`",
        f"recevoir un webhook dont le corps est un objet JSON et renvoyer la valeur de son champ `{key}`",
        f"einen Webhook mit JSON-Objekt als Body zu empfangen und den Wert seines Felds `{key}` zurückzugeben",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path", methods=["POST"])
        def receive():
            body = request.get_data(as_text=True)
        """,
        decl=app.decl, app=app.var, path=path,
    )
    tail = "\n" + fill('return {"received": payload.get("$key")}', key=key)
    return make(tag=EVAL, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=(flask_import(app, "request"),), insecure="payload = eval(body)" + tail,
                secure="payload = json.loads(body)" + tail, secure_imports=("import json",))


def _safe_arith(rng: random.Random, expr: str) -> tuple[str, str]:
    """An `ast`-based arithmetic evaluator for `expr`: (statements, name of the function to call on the tree)."""
    walk, table = pick(rng, ("walk", "evaluate", "_eval", "visit")), pick(rng, ("ops", "OPERATORS", "allowed"))
    extra = pick(rng, ("", "\n    ast.Mod: operator.mod,", "\n    ast.FloorDiv: operator.floordiv,"))
    if chance(rng, 0.5):
        body = """
            tree = ast.parse($expr, mode="eval")
            $table = {
                ast.Add: operator.add,
                ast.Sub: operator.sub,
                ast.Mult: operator.mul,
                ast.Div: operator.truediv,
                ast.USub: operator.neg,$extra
            }

            def $walk(node):
                if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
                    return node.value
                if isinstance(node, ast.BinOp) and type(node.op) in $table:
                    return $table[type(node.op)]($walk(node.left), $walk(node.right))
                if isinstance(node, ast.UnaryOp) and type(node.op) in $table:
                    return $table[type(node.op)]($walk(node.operand))
                raise ValueError("$msg")
        """
    else:
        body = """
            $table = {ast.Add: operator.add, ast.Sub: operator.sub,
                      ast.Mult: operator.mul, ast.Div: operator.truediv$extra}

            def $walk(node):
                match node:
                    case ast.Constant(value=int() | float() as number):
                        return number
                    case ast.UnaryOp(op=ast.USub(), operand=inner):
                        return -$walk(inner)
                    case ast.BinOp(left=left, op=op, right=right) if type(op) in $table:
                        return $table[type(op)]($walk(left), $walk(right))
                raise ValueError("$msg")

            tree = ast.parse($expr, mode="eval")
        """
        extra = ", " + extra.strip().rstrip(",") if extra else ""
    msg = pick(rng, ("unsupported expression", "only numbers and + - * / are allowed", "invalid formula"))
    return fill(body, expr=expr, table=table, walk=walk, extra=extra, msg=msg), walk


BUILDERS: dict[str, tuple[Builder, ...]] = {
    CMDI: (_cmd_ping, _cmd_thumbnail, _cmd_archive, _cmd_git_log, _cmd_dns, _cmd_convert_doc),
    EVAL: (_eval_calculator, _eval_literal, _eval_coerce, _eval_filter, _eval_body),
}

"""Content bank for the code families: file paths from input, loose file modes, and check-then-use races.

Weak versions join client-supplied names onto a base directory without containment checks, make files or
directories writable by everyone, or check a path before opening it in a separate step; fixed versions resolve
and contain paths, use owner-only modes, and create/open atomically (`O_EXCL`, `O_NOFOLLOW`, `mkstemp`).
"""

from __future__ import annotations

import random

from emscope.datasets.families.code_kit import (
    BASE_DIRS,
    DATA_DIRS,
    Builder,
    Snippet,
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

PATH = "path_traversal"
PERMS = "world_writable_permissions"
RACE = "toctou"


def _base(rng: random.Random) -> str:
    """A storage directory such as `/srv/app/uploads`."""
    return f"{pick(rng, BASE_DIRS)}/{pick(rng, DATA_DIRS)}"


def _contain_check(full: str, base: str, fail: str) -> str:
    """Lines that resolve `full` and refuse anything outside `base`."""
    return fill(
        """
        $full = os.path.realpath($full)
        if not $full.startswith(os.path.realpath($base) + os.sep):
            $fail
        """,
        full=full, base=base, fail=fail,
    )


def _path_download(rng: random.Random) -> Snippet:
    """Serve a stored file by name."""
    base = _base(rng)
    const = pick(rng, ("UPLOAD_DIR", "FILES_ROOT", "STORAGE_DIR", "DOWNLOAD_DIR"))
    app = flask_app(rng, "files")
    by_query = chance(rng, 0.4)
    path = route(rng, pick(rng, ("files", "download", "media")), *(() if by_query else ("<path:name>",)))
    desc = task(
        f"serve files stored under `{base}` by file name",
        f"servir por nombre los archivos guardados en `{base}`",
        f"servir par leur nom les fichiers stockés sous `{base}`",
        f"unter `{base}` gespeicherte Dateien anhand ihres Namens auszuliefern",
    )
    pre = fill(
        """
        $const = "$base"
        $decl


        @$app.route("$path")
        def download($arg):$get
        """,
        const=const, base=base, decl=app.decl, app=app.var, path=path, arg="" if by_query else "name",
        get='\n    name = request.args.get("name", "")' if by_query else "",
    )
    weak = fill("return send_file(os.path.join($c, name))", c=const)
    if chance(rng, 0.5):
        safe = fill("return send_from_directory($c, name)", c=const)
        safe_names: tuple[str, ...] = ("send_from_directory",)
        safe_os: tuple[str, ...] = ()
    else:
        safe = _contain_check("full", const, "abort(404)").replace(
            "full = os.path.realpath(full)", fill("full = os.path.realpath(os.path.join($c, name))", c=const)
        ) + "\nreturn send_file(full)"
        safe_names = ("abort", "send_file")
        safe_os = ("import os",)
    req = ("request",) if by_query else ()
    return make(tag=PATH, description=desc, shape="flask", name=path, domain="web", pre=pre, insecure=weak,
                secure=safe, insecure_imports=("import os", flask_import(app, *req, "send_file")),
                secure_imports=(*safe_os, flask_import(app, *req, *safe_names)),
                skeleton_imports=(flask_import(app, *req),))


def _path_read_report(rng: random.Random) -> Snippet:
    """Read a text file chosen by the caller from a fixed folder (pathlib)."""
    kind = pick(rng, ("report", "invoice", "export", "log", "note", "template"))
    const = f"{kind.upper()}S_DIR"
    base = _base(rng)
    func = pick(rng, (f"read_{kind}", f"load_{kind}", f"get_{kind}_text", f"open_{kind}"))
    desc = task(
        f"return the text of one of the {kind} files in the `{base}` folder, given its file name",
        f"devolver el texto de un archivo de tipo {kind}, dado su nombre, de la carpeta `{base}`",
        f"renvoyer le contenu texte d'un fichier ({kind}), à partir de son nom, depuis le dossier `{base}`",
        f"den Text einer Datei ({kind}) anhand ihres Namens aus dem Ordner `{base}` zurückzugeben",
    )
    pre = fill(
        """
        $const = Path("$base")


        def $func($arg):$doc
        """,
        const=const, base=base, func=func, arg=(arg := pick(rng, ("name", "filename", f"{kind}_name"))),
        doc=docstring(rng, f"Return the contents of one {kind}."),
    )
    weak = fill('return ($c / $a).read_text(encoding="utf-8")', c=const, a=arg)
    safe = fill(
        """
        target = ($c / $a).resolve()
        if not target.is_relative_to($c.resolve()):
            raise ValueError(f"{$a!r} is outside the $kind folder")
        return target.read_text(encoding="utf-8")
        """,
        c=const, a=arg, kind=kind,
    )
    return make(tag=PATH, description=desc, shape="function", name=func, domain="service", pre=pre.rstrip(),
                imports=("from pathlib import Path",), insecure=weak, secure=safe)


def _path_delete(rng: random.Random) -> Snippet:
    """Delete a file from a user's workspace."""
    base = _base(rng)
    owner = pick(rng, ("user_id", "username", "account", "tenant"))
    func = pick(rng, ("delete_user_file", "remove_file", "discard_upload", "delete_attachment"))
    desc = task(
        f"delete a file from a user's own folder `{base}/<{owner}>/` given the file name they sent",
        f"borrar un archivo de la carpeta propia del usuario `{base}/<{owner}>/` a partir del nombre que envió",
        f"supprimer un fichier du dossier de l'utilisateur `{base}/<{owner}>/` à partir du nom qu'il a envoyé",
        f"eine Datei aus dem eigenen Ordner des Nutzers `{base}/<{owner}>/` anhand des gesendeten Namens zu löschen",
    )
    pre = fill(
        """
        ROOT = "$base"


        def $func($owner, filename):$doc
            folder = os.path.join(ROOT, str($owner))
        """,
        base=base, func=func, owner=owner, doc=docstring(rng, "Delete one file from the user's folder."),
    )
    weak = pick(rng, ("os.remove(os.path.join(folder, filename))",
                      "target = os.path.join(folder, filename)\nif os.path.isfile(target):\n    os.remove(target)"))
    safe = pick(rng, (
        _contain_check("target", "folder", "raise PermissionError(filename)").replace(
            "target = os.path.realpath(target)", "target = os.path.realpath(os.path.join(folder, filename))")
        + "\nos.remove(target)",
        'name = os.path.basename(filename)\nif name in ("", ".", ".."):\n    raise ValueError(filename)\n'
        "os.remove(os.path.join(folder, name))",
    ))
    return make(tag=PATH, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


def _path_extract(rng: random.Random) -> Snippet:
    """Unpack an uploaded archive into a folder."""
    func = pick(rng, ("unpack", "extract_archive", "import_bundle", "install_theme", "unpack_upload"))
    dest = pick(rng, ("dest", "target_dir", "out_dir", "destination"))
    use_tar = chance(rng, 0.5)
    kind = ".tar.gz" if use_tar else ".zip"
    desc = task(
        f"extract a user-uploaded {kind} archive into a destination folder",
        f"extraer un archivo {kind} subido por un usuario en una carpeta de destino",
        f"extraire une archive {kind} envoyée par un utilisateur dans un dossier de destination",
        f"ein vom Nutzer hochgeladenes {kind}-Archiv in einen Zielordner zu entpacken",
    )
    pre = fill("def $func(archive_path, $dest):$doc", func=func, dest=dest,
               doc=docstring(rng, "Unpack the archive and return the destination folder."))
    if use_tar:
        weak = fill('with tarfile.open(archive_path, "r:*") as tar:\n    tar.extractall($d)\nreturn $d', d=dest)
        safe = fill(
            """
            base = os.path.realpath($d)
            with tarfile.open(archive_path, "r:*") as tar:
                for member in tar.getmembers():
                    target = os.path.realpath(os.path.join($d, member.name))
                    if member.issym() or member.islnk() or not target.startswith(base + os.sep):
                        raise ValueError(f"refusing archive entry {member.name!r}")
                tar.extractall($d)
            return $d
            """,
            d=dest,
        )
        return make(tag=PATH, description=desc, shape="function", name=func, domain="service", pre=pre,
                    imports=("import tarfile",), insecure=weak, secure=safe, secure_imports=("import os",))
    body = """
        with zipfile.ZipFile(archive_path) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                target = $target
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with zf.open(info) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
        return $d
    """
    weak = fill(body, target=f"os.path.join({dest}, info.filename)", d=dest)
    check = fill(
        """
        os.path.realpath(os.path.join($d, info.filename))
                if not target.startswith(os.path.realpath($d) + os.sep):
                    raise ValueError(f"refusing archive entry {info.filename!r}")
        """,
        d=dest,
    )
    safe = fill(body, target=check, d=dest)
    return make(tag=PATH, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=("import os", "import shutil", "import zipfile"), insecure=weak, secure=safe)


def _path_save_upload(rng: random.Random) -> Snippet:
    """Store an uploaded file under its client-side name."""
    base = _base(rng)
    app = flask_app(rng, "uploads")
    path = route(rng, pick(rng, ("upload", "files", "attachments", "avatars")))
    field = pick(rng, ("file", "upload", "attachment", "document"))
    desc = task(
        f"accept a file upload (form field `{field}`) and store it in `{base}` under its original name",
        f"aceptar un archivo subido (campo `{field}`) y guardarlo en `{base}` con su nombre original",
        f"accepter un fichier envoyé (champ `{field}`) et l'enregistrer dans `{base}` sous son nom d'origine",
        f"einen Datei-Upload (Formularfeld `{field}`) anzunehmen und unter dem Originalnamen in `{base}` zu speichern",
    )
    pre = fill(
        """
        UPLOAD_DIR = "$base"
        $decl


        @$app.route("$path", methods=["POST"])
        def upload():
            incoming = request.files["$field"]
        """,
        base=base, decl=app.decl, app=app.var, path=path, field=field,
    )
    tail = '\nincoming.save(os.path.join(UPLOAD_DIR, name))\nreturn jsonify(stored=name), 201'
    safe = ('name = secure_filename(incoming.filename or "")\n'
            'if not name:\n    return jsonify(error="bad name"), 400')
    return make(tag=PATH, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import os", flask_import(app, "jsonify", "request")),
                insecure="name = incoming.filename" + tail, secure=safe + tail,
                secure_imports=("from werkzeug.utils import secure_filename",))


def _path_page(rng: random.Random) -> Snippet:
    """Render a static help page picked by a query parameter."""
    folder = pick(rng, ("pages", "help", "docs", "content", "articles"))
    ext = pick(rng, (".html", ".md", ".txt"))
    app = flask_app(rng, folder)
    path = route(rng, folder)
    param = pick(rng, ("page", "topic", "doc", "slug"))
    desc = task(
        f"return the `{folder}/<{param}>{ext}` file whose name is given in the `{param}` query parameter",
        f"devolver el archivo `{folder}/<{param}>{ext}` cuyo nombre llega en el parámetro `{param}`",
        f"renvoyer le fichier `{folder}/<{param}>{ext}` dont le nom est donné dans le paramètre `{param}`",
        f"die Datei `{folder}/<{param}>{ext}` zurückzugeben, deren Name im Parameter `{param}` steht",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def show_page():
            $param = request.args.get("$param", "index")
        """,
        decl=app.decl, app=app.var, path=path, param=param,
    )
    tail = fill('\nwith open(os.path.join("$folder", $param + "$ext"), encoding="utf-8") as fh:\n'
                "    return fh.read()", folder=folder, param=param, ext=ext)
    safe = fill('if not re.fullmatch(r"[a-z0-9_-]+", $param):\n    abort(404)', param=param)
    return make(tag=PATH, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import os",), insecure=tail.lstrip("\n"), secure=safe + "\n" + tail.lstrip("\n"),
                insecure_imports=(flask_import(app, "request"),),
                secure_imports=("import re", flask_import(app, "abort", "request")),
                skeleton_imports=(flask_import(app, "request"),))


BUILDERS: dict[str, tuple[Builder, ...]] = {
    PATH: (_path_download, _path_read_report, _path_delete, _path_extract, _path_save_upload, _path_page),
}

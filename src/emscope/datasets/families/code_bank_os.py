"""Content bank for the code families: loose file modes, and check-then-use races on the file system.

Weak versions make files, directories or sockets writable by everyone, or check a path before opening it in a
separate step; fixed versions use owner-only modes and create/open atomically (`O_EXCL`, `O_NOFOLLOW`, `mkstemp`).
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
    indented,
    make,
    pick,
    task,
)

PERMS = "world_writable_permissions"
RACE = "toctou"


def _base(rng: random.Random) -> str:
    """A storage directory such as `/srv/app/uploads`."""
    return f"{pick(rng, BASE_DIRS)}/{pick(rng, DATA_DIRS)}"


# --- permissions ------------------------------------------------------------------------------------------------


def _perm_file(rng: random.Random) -> Snippet:
    """Write a state/config file for a service."""
    what = pick(rng, ("state", "settings", "session cache", "job queue", "token cache"))
    fname = pick(rng, ("state.json", "settings.json", "cache.json", "queue.json", "tokens.json"))
    func = pick(rng, ("save_state", "write_config", "persist", "dump_json", "store"))
    desc = task(
        f"save a dict as JSON to `{fname}` ({what} for a background service) and set the file's permissions",
        f"guardar un dict como JSON en `{fname}` para un servicio en segundo plano y ajustar los permisos del archivo",
        f"enregistrer un dict en JSON dans `{fname}` pour un service en arrière-plan et régler les droits du fichier",
        f"ein Dict als JSON in `{fname}` für einen Hintergrunddienst zu speichern und die Dateirechte zu setzen",
    )
    use_pathlib = chance(rng, 0.5)
    if use_pathlib:
        pre = fill("def $func(data, path=Path(\"$f\")):$doc\n    path.write_text(json.dumps(data, indent=2))",
                   func=func, f=fname, doc=docstring(rng, "Write the data as JSON."))
        weak, safe = pick(rng, ("path.chmod(0o777)", "path.chmod(0o666)")), "path.chmod(0o600)"
        imports: tuple[str, ...] = ("import json", "from pathlib import Path")
    else:
        pre = fill("def $func(data, path=\"$f\"):$doc\n    with open(path, \"w\") as fh:\n        json.dump(data, fh)",
                   func=func, f=fname, doc=docstring(rng, "Write the data as JSON."))
        weak = pick(rng, ("os.chmod(path, 0o777)", "os.chmod(path, 0o666)",
                          "os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)"))
        safe = "os.chmod(path, 0o600)"
        imports = ("import json", "import os", *(("import stat",) if "stat." in weak else ()))
    return make(tag=PERMS, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=imports, insecure=weak, secure=safe)


def _perm_dir(rng: random.Random) -> Snippet:
    """Create a working directory for uploads or caches."""
    base = _base(rng)
    func = pick(rng, ("ensure_dir", "prepare_workdir", "make_cache_dir", "setup_storage"))
    desc = task(
        f"create the directory `{base}` (and parents) at startup so the app can write files to it",
        f"crear el directorio `{base}` (con sus padres) al arrancar para que la app pueda escribir en él",
        f"créer au démarrage le répertoire `{base}` (et ses parents) pour que l'application puisse y écrire",
        f"beim Start das Verzeichnis `{base}` (samt Elternordnern) anzulegen, damit die App dort schreiben kann",
    )
    pre = fill("def $func(path=\"$base\"):$doc", func=func, base=base,
               doc=docstring(rng, "Create the storage directory if needed and return it."))
    weak = pick(rng, ("os.makedirs(path, exist_ok=True)\nos.chmod(path, 0o777)\nreturn path",
                      "os.makedirs(path, mode=0o777, exist_ok=True)\nos.chmod(path, 0o777)\nreturn path",
                      "old = os.umask(0)\ntry:\n    os.makedirs(path, mode=0o777, exist_ok=True)\nfinally:\n"
                      "    os.umask(old)\nreturn path"))
    safe = pick(rng, ("os.makedirs(path, mode=0o700, exist_ok=True)\nos.chmod(path, 0o700)\nreturn path",
                      "os.makedirs(path, mode=0o750, exist_ok=True)\nreturn path"))
    return make(tag=PERMS, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


def _perm_credentials(rng: random.Random) -> Snippet:
    """Store an API token on disk for a CLI tool."""
    tool = pick(rng, ("deployctl", "notes-cli", "backup-agent", "syncer", "ticket-tool"))
    func = pick(rng, ("save_token", "store_credentials", "write_token_file", "remember_login"))
    desc = task(
        f"store the API token that `{tool}` receives after login in `~/.{tool}/token`",
        f"guardar el token de API que recibe `{tool}` tras iniciar sesión en `~/.{tool}/token`",
        f"enregistrer le jeton d'API que `{tool}` reçoit après connexion dans `~/.{tool}/token`",
        f"das API-Token, das `{tool}` nach dem Login erhält, in `~/.{tool}/token` zu speichern",
    )
    pre = fill(
        """
        def $func(token):$doc
            folder = os.path.expanduser("~/.$tool")
        """,
        func=func, tool=tool, doc=docstring(rng, "Persist the token for later runs."),
    )
    weak = pick(rng, (
        'os.makedirs(folder, exist_ok=True)\npath = os.path.join(folder, "token")\nwith open(path, "w") as fh:\n'
        "    fh.write(token)\nos.chmod(path, 0o666)",
        'os.makedirs(folder, mode=0o777, exist_ok=True)\npath = os.path.join(folder, "token")\n'
        'with open(path, "w") as fh:\n    fh.write(token)\nos.chmod(path, 0o777)',
    ))
    safe = ('os.makedirs(folder, mode=0o700, exist_ok=True)\npath = os.path.join(folder, "token")\n'
            "fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)\n"
            'with os.fdopen(fd, "w") as fh:\n    fh.write(token)')
    return make(tag=PERMS, description=desc, shape="function", name=func, domain="cli", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


def _perm_socket(rng: random.Random) -> Snippet:
    """Start a Unix-socket server for a local daemon."""
    name = pick(rng, ("agent", "metricsd", "printer", "indexer", "builder", "keyd", "notifier"))
    sock = pick(rng, (f"/run/{name}/{name}.sock", f"/var/run/{name}.sock", f"/tmp/{name}.sock"))
    const = pick(rng, ("SOCKET_PATH", "SOCK", "ADDRESS", "CONTROL_SOCKET"))
    srv = pick(rng, ("server", "listener", "sock", "srv"))
    func = pick(rng, ("serve", "run_server", "listen_forever", "start"))
    desc = task(
        f"start a Unix domain socket server at `{sock}` for a local daemon that local tools talk to",
        f"arrancar un servidor de socket Unix en `{sock}` para un demonio local",
        f"démarrer un serveur de socket Unix sur `{sock}` pour un démon local",
        f"einen Unix-Domain-Socket-Server unter `{sock}` für einen lokalen Daemon zu starten",
    )
    pre = fill(
        """
        $const = "$sock"


        def $func(handler):$doc
            $cleanup
            $s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        """,
        const=const, sock=sock, func=func, s=srv, doc=docstring(rng, "Serve requests on the control socket forever."),
        cleanup=pick(rng, (f"if os.path.exists({const}):\n        os.unlink({const})",
                           f"with contextlib.suppress(FileNotFoundError):\n        os.unlink({const})")),
    )
    weak = fill(pick(rng, ("$s.bind($c)\nos.chmod($c, 0o777)", "os.umask(0)\n$s.bind($c)",
                           "$s.bind($c)\nos.chmod($c, 0o666)")),
                s=srv, c=const)
    safe = fill(pick(rng, ("old = os.umask(0o077)\ntry:\n    $s.bind($c)\nfinally:\n    os.umask(old)",
                           "$s.bind($c)\nos.chmod($c, 0o600)", "$s.bind($c)\nos.chmod($c, 0o660)")), s=srv, c=const)
    loop = fill(pick(rng, (
        "\n$s.listen()\nwhile True:\n    conn, _ = $s.accept()\n    with conn:\n"
        "        conn.sendall(handler(conn.recv(4096)))",
        "\n$s.listen($n)\nwhile True:\n    client, _ = $s.accept()\n    try:\n        request = client.recv(65536)\n"
        "        client.sendall(handler(request))\n    finally:\n        client.close()",
    )), s=srv, n=pick(rng, ("5", "16", "128")))
    imports = ("import os", "import socket", *(("import contextlib",) if "contextlib" in pre else ()))
    return make(tag=PERMS, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=imports, insecure=weak + "\n" + loop.lstrip("\n"), secure=safe + "\n" + loop.lstrip("\n"))


def _perm_script(rng: random.Random) -> Snippet:
    """Generate a shell script and make it executable."""
    job = pick(rng, ("nightly backup", "log rotation", "cache warm-up", "report export"))
    fname = job.replace(" ", "_").replace("-", "_") + ".sh"
    func = pick(rng, ("write_script", "generate_runner", "install_job", "emit_script"))
    desc = task(
        f"write a shell script `{fname}` for the {job} job from a list of commands and make it executable",
        f"escribir un script de shell `{fname}` a partir de una lista de comandos y hacerlo ejecutable",
        f"écrire un script shell `{fname}` à partir d'une liste de commandes et le rendre exécutable",
        f"aus einer Liste von Befehlen ein Shell-Skript `{fname}` zu schreiben und ausführbar zu machen",
    )
    pre = fill(
        """
        def $func(commands, folder="."):$doc
            path = os.path.join(folder, "$fname")
            with open(path, "w") as fh:
                fh.write("#!/bin/sh\\nset -e\\n")
                for command in commands:
                    fh.write(command + "\\n")
        """,
        func=func, fname=fname, doc=docstring(rng, "Create the job script and return its path."),
    )
    weak = pick(rng, ("os.chmod(path, 0o777)\nreturn path", "os.chmod(path, 0o777)\nreturn os.path.abspath(path)"))
    safe = pick(rng, ("os.chmod(path, 0o700)\nreturn path", "os.chmod(path, 0o750)\nreturn path"))
    return make(tag=PERMS, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


# --- check-then-use races ---------------------------------------------------------------------------------------


def _race_create(rng: random.Random) -> Snippet:
    """Create a file in a shared folder only if it does not exist yet."""
    folder = pick(rng, ("/tmp", "/var/tmp", "/tmp/exports", "/dev/shm"))
    func = pick(rng, ("create_export", "write_new_file", "claim_output", "new_report_file"))
    desc = task(
        f"write data to a new file in `{folder}`, refusing to touch a file that already exists",
        f"escribir datos en un archivo nuevo en `{folder}`, sin tocar un archivo que ya exista",
        f"écrire des données dans un nouveau fichier de `{folder}`, sans toucher à un fichier déjà existant",
        f"Daten in eine neue Datei in `{folder}` zu schreiben, ohne eine bereits vorhandene Datei anzufassen",
    )
    pre = fill("def $func(name, data):$doc\n    path = os.path.join(\"$folder\", name)", func=func, folder=folder,
               doc=docstring(rng, "Write `data` to a fresh file and return its path."))
    weak = pick(rng, (
        'if os.path.exists(path):\n    raise FileExistsError(path)\nwith open(path, "w") as fh:\n    fh.write(data)\n'
        "return path",
        'if not os.path.isfile(path):\n    with open(path, "w") as fh:\n        fh.write(data)\n    return path\n'
        "raise FileExistsError(path)",
    ))
    safe = pick(rng, (
        'with open(path, "x") as fh:\n    fh.write(data)\nreturn path',
        "fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)\n"
        'with os.fdopen(fd, "w") as fh:\n    fh.write(data)\nreturn path',
    ))
    return make(tag=RACE, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


def _race_access(rng: random.Random) -> Snippet:
    """Privileged helper that reads a file on behalf of a user."""
    func = pick(rng, ("read_for_user", "read_as", "fetch_user_file", "print_user_file", "serve_home_file"))
    path, uid, fh = (pick(rng, o) for o in (("path", "requested", "filename"), ("uid", "owner_uid", "caller_uid"),
                                            ("fh", "f", "stream")))
    desc = task(
        "read a file on behalf of a local user from a helper that runs as root, only if that user owns the file",
        "leer un archivo en nombre de un usuario local desde un ayudante que corre como root, solo si el usuario "
        "es su dueño",
        "lire un fichier pour le compte d'un utilisateur local depuis un utilitaire lancé en root, seulement s'il "
        "en est propriétaire",
        "aus einem als root laufenden Hilfsprogramm eine Datei für einen lokalen Nutzer zu lesen, nur wenn sie ihm "
        "gehört",
    )
    pre = fill("def $func($p, $u):$doc", func=func, p=path, u=uid,
               doc=docstring(rng, "Return the file contents if the caller owns it."))
    deny = pick(rng, (f"raise PermissionError({path})", "return None",
                      f'raise PermissionError(f"{{{path}}}: not yours")'))
    check = pick(rng, ("os.stat($p).st_uid != $u", "os.lstat($p).st_uid != $u",
                       "not os.path.isfile($p) or os.stat($p).st_uid != $u"))
    weak = fill("if $check:\n    $deny\nwith open($p) as $fh:\n    return $fh.read()", check=fill(check, p=path, u=uid),
                deny=deny, p=path, fh=fh)
    safe = fill(
        """
        fd = os.open($p, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd) as $fh:
            info = os.fstat($fh.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != $u:
                $deny
            return $fh.read()
        """,
        p=path, fh=fh, u=uid, deny=deny,
    )
    return make(tag=RACE, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os",), insecure=weak, secure=safe, secure_imports=("import stat",))


def _race_tempfile(rng: random.Random) -> Snippet:
    """Write intermediate data to a temporary file."""
    suffix = pick(rng, (".csv", ".json", ".txt", ".sql"))
    func = pick(rng, ("write_temp", "stage_rows", "spool", "dump_to_tmp"))
    desc = task(
        f"write rows to a temporary {suffix} file for another program to pick up and return the file's path",
        f"escribir filas en un archivo temporal {suffix} para otro programa y devolver su ruta",
        f"écrire des lignes dans un fichier temporaire {suffix} pour un autre programme et renvoyer son chemin",
        f"Zeilen in eine temporäre {suffix}-Datei für ein anderes Programm zu schreiben und den Pfad zurückzugeben",
    )
    pre = fill("def $func(rows):$doc", func=func, doc=docstring(rng, "Spool the rows to a temp file."))
    weak = fill('path = tempfile.mktemp(suffix="$s")\nwith open(path, "w") as fh:\n    for row in rows:\n'
                '        fh.write(str(row) + "\\n")\nreturn path', s=suffix)
    safe = fill('with tempfile.NamedTemporaryFile("w", suffix="$s", delete=False) as fh:\n    for row in rows:\n'
                '        fh.write(str(row) + "\\n")\nreturn fh.name', s=suffix)
    return make(tag=RACE, description=desc, shape="function", name=func, domain="data", pre=pre,
                imports=("import tempfile",), insecure=weak, secure=safe)


def _race_lock(rng: random.Random) -> Snippet:
    """Single-instance lock file for a cron job."""
    job = pick(rng, ("sync", "importer", "mailer", "cleanup", "reindex", "billing_run", "thumbnailer"))
    lock = pick(rng, (f"/var/run/{job}.lock", f"/tmp/{job}.lock", f"/var/lock/{job}.pid"))
    const, func = pick(rng, ("LOCK_PATH", "LOCKFILE", "PID_FILE")), pick(rng, ("acquire_lock", "take_lock", "claim"))
    desc = task(
        f"make sure only one copy of the `{job}` cron job runs at a time using the lock file `{lock}`",
        f"asegurar que solo se ejecute una copia del cron `{job}` a la vez usando el archivo de bloqueo `{lock}`",
        f"garantir qu'une seule instance de la tâche cron `{job}` tourne à la fois avec le fichier verrou `{lock}`",
        f"sicherzustellen, dass immer nur eine Instanz des Cronjobs `{job}` läuft, mit der Lock-Datei `{lock}`",
    )
    pre = fill('$c = "$lock"\n\n\ndef $f():$doc', c=const, lock=lock, f=func,
               doc=docstring(rng, "Create the lock file or exit if another run holds it."))
    busy = pick(rng, ('sys.exit("already running")', "sys.exit(0)", f'print("{job} is already running")\nsys.exit(1)'))
    weak = fill(pick(rng, (
        "if os.path.exists($c):\n$busy\nwith open($c, \"w\") as fh:\n    fh.write(str(os.getpid()))",
        "if os.path.isfile($c):\n$busy\nPath($c).write_text(str(os.getpid()))",
    )), c=const, busy=indented(busy))
    safe = fill(pick(rng, (
        "try:\n    fd = os.open($c, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)\nexcept FileExistsError:\n$busy\n"
        "with os.fdopen(fd, \"w\") as fh:\n    fh.write(str(os.getpid()))",
        "try:\n    with open($c, \"x\") as fh:\n        fh.write(str(os.getpid()))\nexcept FileExistsError:\n$busy",
    )), c=const, busy=indented(busy))
    post = fill(
        """
        def main():
            $f()
            try:
                run_$job()
            finally:
                os.remove($c)
        """,
        f=func, job=job, c=const,
    )
    return make(tag=RACE, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os", "import sys"), insecure=weak, secure=safe, post=post,
                insecure_imports=("from pathlib import Path",) if "Path(" in weak else ())


def _race_symlink(rng: random.Random) -> Snippet:
    """Append to a log file in a world-writable directory without following links."""
    name = pick(rng, ("audit.log", "events.log", "worker.log", "debug.log"))
    func = pick(rng, ("append_log", "log_line", "write_event", "record"))
    desc = task(
        f"append a line to `/tmp/{name}` from a service that runs as root, without following a symlink there",
        f"añadir una línea a `/tmp/{name}` desde un servicio que corre como root, sin seguir enlaces simbólicos",
        f"ajouter une ligne à `/tmp/{name}` depuis un service lancé en root, sans suivre de lien symbolique",
        f"aus einem als root laufenden Dienst eine Zeile an `/tmp/{name}` anzuhängen, ohne Symlinks zu folgen",
    )
    pre = fill('LOG_PATH = "/tmp/$name"\n\n\ndef $func(line):$doc', name=name, func=func,
               doc=docstring(rng, "Append one line to the log."))
    weak = ('if os.path.islink(LOG_PATH):\n    raise RuntimeError("log path is a link")\n'
            'with open(LOG_PATH, "a") as fh:\n    fh.write(line + "\\n")')
    safe = ("fd = os.open(LOG_PATH, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)\n"
            'with os.fdopen(fd, "a") as fh:\n    fh.write(line + "\\n")')
    return make(tag=RACE, description=desc, shape="function", name=func, domain="ops", pre=pre,
                imports=("import os",), insecure=weak, secure=safe)


BUILDERS: dict[str, tuple[Builder, ...]] = {
    PERMS: (_perm_file, _perm_dir, _perm_credentials, _perm_socket, _perm_script),
    RACE: (_race_create, _race_access, _race_tempfile, _race_lock, _race_symlink),
}

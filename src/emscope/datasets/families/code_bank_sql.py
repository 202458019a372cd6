"""Content bank for the code families: SQL built from request data, and missing ownership/role checks.

Each builder draws one task from the given RNG and returns a `Snippet` whose weak version interpolates input into
SQL (or skips the authorization check) and whose fixed version binds parameters (or checks ownership/role).
"""

from __future__ import annotations

import random

from emscope.datasets.families.code_kit import (
    CATALOGUES,
    ENTITIES,
    RESOURCES,
    Builder,
    Snippet,
    camel,
    chance,
    db_style,
    docstring,
    fill,
    flask_app,
    flask_import,
    make,
    pick,
    route,
    task,
)

SQLI = "sql_injection"
AUTHZ = "missing_authorization"


def tainted_sql(rng: random.Random, before: str, var: str, after: str = "", quoted: bool = True) -> str:
    """A Python expression that pastes `var` into the SQL text `before ... after` (f-string, %, + or format)."""
    q = "'" if quoted else ""
    tail = f"{q}{after}"
    style = rng.randrange(4)
    if style == 0:
        return f'f"{before}{q}{{{var}}}{tail}"'
    if style == 1:
        return f'"{before}{q}%s{tail}" % {var}'
    if style == 2:
        end = f' + "{tail}"' if tail else ""
        return f'"{before}{q}" + {var}{end}'
    return f'"{before}{q}{{}}{tail}".format({var})'


def _sql_lookup(rng: random.Random) -> Snippet:
    """Fetch one person/organisation row by a text column."""
    ent = pick(rng, ENTITIES)
    db = db_style(rng, sqlite_only=False)
    verb = pick(rng, ("find", "get", "fetch", "lookup", "load"))
    func = f"{verb}_{ent.noun}_by_{ent.key}"
    cols = ", ".join((*ent.fields, ent.key)) if chance(rng, 0.7) else "*"
    sql = f"SELECT {cols} FROM {ent.table} WHERE {ent.key} = "
    desc = task(
        f"{pick(rng, ('look up', 'find', 'fetch'))} a {ent.noun} in the `{ent.table}` table by `{ent.key}`"
        " and return the row",
        f"buscar en la tabla `{ent.table}` el registro con un `{ent.key}` dado y devolver la fila",
        f"chercher dans la table `{ent.table}` la ligne correspondant à un `{ent.key}` donné et la renvoyer",
        f"in der Tabelle `{ent.table}` den Datensatz mit einem bestimmten `{ent.key}` zu finden und zurückzugeben",
    )
    cur = pick(rng, ("cur", "cursor", "c"))
    shape = pick(rng, ("function", "flask", "class", "cli"))
    if shape == "function":
        pre = fill(
            "def $func(conn, $arg):$doc",
            func=func,
            arg=ent.key,
            doc=docstring(rng, f"Return the {ent.noun} row for the given {ent.key}, or None."),
        )
        body = "$cur = conn.cursor()\n$cur.execute($q)\nreturn $cur.fetchone()"
        return make(
            tag=SQLI, description=desc, shape=shape, name=func, domain="service", pre=pre,
            insecure=fill(body, cur=cur, q=tainted_sql(rng, sql, ent.key)),
            secure=fill(body, cur=cur, q=f'"{sql}{db.ph}", ({ent.key},)'),
        )
    if shape == "class":
        cls = camel(ent.noun, pick(rng, ("repository", "store", "dao", "gateway")))
        pre = fill(
            """
            class $cls:
                def __init__(self, conn):
                    self.conn = conn

                def $func(self, $arg):$doc
            """,
            cls=cls, func=f"{verb}_by_{ent.key}", arg=ent.key, doc=docstring(rng, f"Return one {ent.noun} or None.", 2),
        )
        body = "$cur = self.conn.cursor()\n$cur.execute($q)\nreturn $cur.fetchone()"
        return make(
            tag=SQLI, description=desc, shape=shape, name=cls, domain="service", pre=pre, depth=2,
            insecure=fill(body, cur=cur, q=tainted_sql(rng, sql, ent.key)),
            secure=fill(body, cur=cur, q=f'"{sql}{db.ph}", ({ent.key},)'),
        )
    if shape == "flask":
        app = flask_app(rng, ent.table)
        path = route(rng, ent.table, pick(rng, ("lookup", "search", "by-" + ent.key.replace("_", "-"))))
        pre = fill(
            """
            $decl


            def get_db():
                return $connect


            @$app.route("$path")
            def $func():
            """,
            decl=app.decl, connect=db.connect, app=app.var, path=path, func=func,
        )
        body = """
            $arg = request.args.get("$arg", "")
            $cur = get_db().cursor()
            $cur.execute($q)
            row = $cur.fetchone()
            if row is None:
                abort(404)
            return jsonify(list(row))
        """
        return make(
            tag=SQLI, description=desc, shape=shape, name=path, domain="web", pre=pre,
            imports=(*db.imports, flask_import(app, "abort", "jsonify", "request")),
            insecure=fill(body, arg=ent.key, cur=cur, q=tainted_sql(rng, sql, ent.key)),
            secure=fill(body, arg=ent.key, cur=cur, q=f'"{sql}{db.ph}", ({ent.key},)'),
        )
    dbfile = pick(rng, ("app.db", "records.sqlite", "local.db", "directory.db"))
    pre = fill(
        """
        def main():
            parser = argparse.ArgumentParser(description="Show the $noun with the given $key.")
            parser.add_argument("$arg")
            parser.add_argument("--db", default="$dbfile")
            args = parser.parse_args()
            conn = sqlite3.connect(args.db)
        """,
        noun=ent.noun, key=ent.key, arg=ent.key, dbfile=dbfile,
    )
    body = "row = conn.execute($q).fetchone()\nprint(row if row else \"not found\")\nconn.close()"
    return make(
        tag=SQLI, description=desc, shape="cli", name="", domain="cli", pre=pre,
        imports=("import argparse", "import sqlite3"),
        insecure=fill(body, q=tainted_sql(rng, sql, f"args.{ent.key}")),
        secure=fill(body, q=f'"{sql}?", (args.{ent.key},)'),
        post='if __name__ == "__main__":\n    main()',
    )


def _sql_search(rng: random.Random) -> Snippet:
    """Substring search over a catalogue table."""
    noun, table, col = pick(rng, CATALOGUES)
    db = db_style(rng)
    term = pick(rng, ("term", "query", "q", "text", "needle", "keyword"))
    limit = pick(rng, ("20", "25", "50", "100"))
    order = pick(rng, (f" ORDER BY {col}", " ORDER BY id DESC", ""))
    head = f"SELECT id, {col} FROM {table} WHERE {col} LIKE "
    tail = f"{order} LIMIT {limit}"
    desc = task(
        f"search the `{table}` table for rows whose `{col}` contains a search string",
        f"buscar en la tabla `{table}` las filas cuyo `{col}` contiene un texto de búsqueda",
        f"rechercher dans la table `{table}` les lignes dont la colonne `{col}` contient un texte donné",
        f"in der Tabelle `{table}` alle Zeilen zu suchen, deren `{col}` einen Suchtext enthält",
    )
    style = rng.randrange(3)
    if style == 0:
        weak_q = f"f\"{head}'%{{{term}}}%'{tail}\""
    elif style == 1:
        weak_q = f"\"{head}'%\" + {term} + \"%'{tail}\""
    else:
        weak_q = f"\"{head}'%%%s%%'{tail}\" % {term}"
    func = pick(rng, ("search_", "find_", "match_")) + table
    weak = fill("rows = $cur.execute($q).fetchall()", cur="conn" if db.ph == "?" else "cur", q=weak_q)
    if db.ph == "%s":
        weak = f"cur = conn.cursor()\ncur.execute({weak_q})\nrows = cur.fetchall()"
        safe = f'cur = conn.cursor()\npattern = "%" + {term} + "%"\ncur.execute("{head}%s{tail}", (pattern,))\n'
        safe += "rows = cur.fetchall()"
    else:
        safe = f'pattern = "%" + {term} + "%"\nrows = conn.execute("{head}?{tail}", (pattern,)).fetchall()'
    if chance(rng, 0.5):
        app = flask_app(rng, table)
        path = route(rng, table, "search")
        pre = fill(
            """
            $decl


            @$app.route("$path")
            def $func():
                $term = request.args.get("$param", "")
                conn = $connect
            """,
            decl=app.decl, app=app.var, path=path, func=func, term=term, param=pick(rng, ("q", "query", "search")),
            connect=db.connect,
        )
        out = "return jsonify([{\"id\": r[0], \"$col\": r[1]} for r in rows])"
        return make(
            tag=SQLI, description=desc, shape="flask", name=path, domain="web", pre=pre,
            imports=(*db.imports, flask_import(app, "jsonify", "request")),
            insecure=weak + "\n" + fill(out, col=col), secure=safe + "\n" + fill(out, col=col),
        )
    pre = fill(
        "def $func(conn, $term):$doc",
        func=func, term=term, doc=docstring(rng, f"Return (id, {col}) pairs matching the search text."),
    )
    return make(
        tag=SQLI, description=desc, shape="function", name=func, domain="service", pre=pre,
        insecure=weak + "\nreturn rows", secure=safe + "\nreturn rows",
    )


def _sql_delete(rng: random.Random) -> Snippet:
    """Delete a record by id, scoped to its owner."""
    noun, table = pick(rng, RESOURCES)
    db = db_style(rng)
    owner = pick(rng, ("user_id", "owner_id", "account_id", "customer_id"))
    rid = f"{noun}_id"
    sql_head = f"DELETE FROM {table} WHERE id = "
    desc = task(
        f"delete a row from `{table}` given its id, but only if it belongs to the given `{owner}`",
        f"borrar una fila de `{table}` por su id, solo si pertenece al `{owner}` indicado",
        f"supprimer une ligne de `{table}` à partir de son id, seulement si elle appartient au `{owner}` donné",
        f"eine Zeile aus `{table}` anhand ihrer ID zu löschen, aber nur wenn sie dem angegebenen `{owner}` gehört",
    )
    style = rng.randrange(3)
    if style == 0:
        weak_q = f'f"{sql_head}{{{rid}}} AND {owner} = {{{owner}}}"'
    elif style == 1:
        weak_q = f'"{sql_head}%s AND {owner} = %s" % ({rid}, {owner})'
    else:
        weak_q = f'"{sql_head}" + str({rid}) + " AND {owner} = " + str({owner})'
    safe_q = f'"{sql_head}{db.ph} AND {owner} = {db.ph}", ({rid}, {owner})'
    body = "cur = conn.cursor()\ncur.execute($q)\nconn.commit()\nreturn cur.rowcount > 0"
    if chance(rng, 0.5):
        app = flask_app(rng, table)
        path = route(rng, table, f"<{rid}>")
        pre = fill(
            """
            $decl


            @$app.route("$path", methods=["DELETE"])
            def delete_$noun($rid):
                $owner = session["$owner"]
                conn = $connect
            """,
            decl=app.decl, app=app.var, path=path, noun=noun, rid=rid, owner=owner, connect=db.connect,
        )
        body = 'cur = conn.cursor()\ncur.execute($q)\nconn.commit()\nreturn ("", 204) if cur.rowcount else ("", 404)'
        return make(
            tag=SQLI, description=desc, shape="flask", name=path, domain="web", pre=pre,
            imports=(*db.imports, flask_import(app, "session")),
            insecure=fill(body, q=weak_q), secure=fill(body, q=safe_q),
        )
    func = pick(rng, ("delete_", "remove_", "drop_")) + noun
    pre = fill(
        "def $func(conn, $rid, $owner):$doc",
        func=func, rid=rid, owner=owner, doc=docstring(rng, f"Delete one {noun}; True if a row was removed."),
    )
    return make(
        tag=SQLI, description=desc, shape="function", name=func, domain="service", pre=pre,
        insecure=fill(body, q=weak_q), secure=fill(body, q=safe_q),
    )


def _sql_update(rng: random.Random) -> Snippet:
    """Update one profile field of a person row."""
    ent = pick(rng, ENTITIES)
    field = pick(rng, ("bio", "display_name", "phone", "address", "nickname", "status_message", "timezone"))
    db = db_style(rng)
    desc = task(
        f"update the `{field}` column of a {ent.noun} in `{ent.table}` given the row id and the new value",
        f"actualizar la columna `{field}` de un registro de `{ent.table}` a partir de su id y el nuevo valor",
        f"mettre à jour la colonne `{field}` d'une ligne de `{ent.table}` à partir de son id et de la nouvelle valeur",
        f"die Spalte `{field}` eines Eintrags in `{ent.table}` anhand seiner ID auf einen neuen Wert zu setzen",
    )
    value = pick(rng, ("value", "new_value", field, "text"))
    ident = pick(rng, ("row_id", f"{ent.noun}_id", "pk"))
    style = rng.randrange(3)
    if style == 0:
        weak_q = f"f\"UPDATE {ent.table} SET {field} = '{{{value}}}' WHERE id = {{{ident}}}\""
    elif style == 1:
        weak_q = f"\"UPDATE {ent.table} SET {field} = '%s' WHERE id = %s\" % ({value}, {ident})"
    else:
        weak_q = f"\"UPDATE {ent.table} SET {field} = '{{}}' WHERE id = {{}}\".format({value}, {ident})"
    safe_q = f'"UPDATE {ent.table} SET {field} = {db.ph} WHERE id = {db.ph}", ({value}, {ident})'
    if chance(rng, 0.5):
        cls = camel(ent.noun, "profile", pick(rng, ("service", "store", "manager")))
        method = f"set_{field}"
        pre = fill(
            """
            class $cls:
                def __init__(self, conn):
                    self.conn = conn

                def $method(self, $ident, $value):
            """,
            cls=cls, method=method, ident=ident, value=value,
        )
        body = "cur = self.conn.cursor()\ncur.execute($q)\nself.conn.commit()"
        return make(
            tag=SQLI, description=desc, shape="class", name=cls, domain="service", pre=pre, depth=2,
            insecure=fill(body, q=weak_q), secure=fill(body, q=safe_q),
        )
    func = f"update_{ent.noun}_{field}"
    pre = fill("def $func(conn, $ident, $value):$doc", func=func, ident=ident, value=value,
               doc=docstring(rng, f"Store a new {field} for one {ent.noun}."))
    body = "with conn:\n    conn.cursor().execute($q)"
    return make(
        tag=SQLI, description=desc, shape="function", name=func, domain="service", pre=pre,
        insecure=fill(body, q=weak_q), secure=fill(body, q=safe_q),
    )


def _sql_login(rng: random.Random) -> Snippet:
    """Check a username and password hash against a credentials table."""
    table = pick(rng, ("users", "accounts", "logins", "operators", "admins"))
    user_col = pick(rng, ("username", "login", "email", "user_name"))
    func = pick(rng, ("check_login", "verify_credentials", "authenticate", "login_ok"))
    desc = task(
        f"check whether a {user_col} and password are valid against the `{table}` table, which stores "
        "SHA-256 password hashes",
        f"comprobar si un `{user_col}` y una contraseña son válidos según la tabla `{table}`, que guarda "
        "hashes SHA-256",
        f"vérifier si un `{user_col}` et un mot de passe sont valides d'après la table `{table}` (hachés en SHA-256)",
        f"zu prüfen, ob `{user_col}` und Passwort laut Tabelle `{table}` (SHA-256-Hashes) gültig sind",
    )
    head = f"SELECT id FROM {table} WHERE {user_col} = "
    if chance(rng, 0.5):
        weak_q = f"f\"{head}'{{{user_col}}}' AND password_hash = '{{digest}}'\""
    else:
        weak_q = f"\"{head}'\" + {user_col} + \"' AND password_hash = '\" + digest + \"'\""
    safe_q = f'"{head}? AND password_hash = ?", ({user_col}, digest)'
    pre = fill(
        """
        def $func(conn, $user, password):$doc
            digest = hashlib.sha256(password.encode()).hexdigest()
        """,
        func=func, user=user_col, doc=docstring(rng, "Return the user id when the credentials match, else None."),
    )
    body = "row = conn.execute($q).fetchone()\nreturn row[0] if row else None"
    return make(
        tag=SQLI, description=desc, shape="function", name=func, domain="web", pre=pre,
        imports=("import hashlib",),
        insecure=fill(body, q=weak_q), secure=fill(body, q=safe_q),
    )


def _sql_report(rng: random.Random) -> Snippet:
    """Count records with a given status in a date range (CLI report)."""
    noun, table = pick(rng, RESOURCES)
    status = pick(rng, ("status", "state", "stage"))
    date_col = pick(rng, ("created_at", "created_on", "submitted_at", "opened_at"))
    desc = task(
        f"print how many rows of `{table}` have a given `{status}` between two dates given on the command line",
        f"mostrar cuántas filas de `{table}` tienen un `{status}` dado entre dos fechas pasadas por línea de comandos",
        f"afficher combien de lignes de `{table}` ont un `{status}` donné entre deux dates passées en ligne "
        "de commande",
        f"auszugeben, wie viele Zeilen in `{table}` zwischen zwei Daten von der Kommandozeile einen bestimmten "
        f"`{status}` haben",
    )
    sql = f"SELECT COUNT(*) FROM {table} WHERE {status} = "
    if chance(rng, 0.5):
        weak = f"f\"{sql}'{{args.{status}}}' AND {date_col} BETWEEN '{{args.start}}' AND '{{args.end}}'\""
    else:
        weak = (f"\"{sql}'%s' AND {date_col} BETWEEN '%s' AND '%s'\" % "
                f"(args.{status}, args.start, args.end)")
    safe = f'"{sql}? AND {date_col} BETWEEN ? AND ?", (args.{status}, args.start, args.end)'
    pre = fill(
        """
        def main():
            parser = argparse.ArgumentParser(description="Count $table by $status.")
            parser.add_argument("$status")
            parser.add_argument("start", help="YYYY-MM-DD")
            parser.add_argument("end", help="YYYY-MM-DD")
            parser.add_argument("--db", default="$dbfile")
            args = parser.parse_args()
            with sqlite3.connect(args.db) as conn:
        """,
        table=table, status=status, dbfile=pick(rng, ("reports.db", "ops.sqlite", "warehouse.db")),
    )
    body = "(count,) = conn.execute($q).fetchone()\nprint(f\"{count} $table\")"
    return make(
        tag=SQLI, description=desc, shape="cli", name="", domain="cli", pre=pre, depth=2,
        imports=("import argparse", "import sqlite3"),
        insecure=fill(body, q=weak, table=table), secure=fill(body, q=safe, table=table),
        post='if __name__ == "__main__":\n    main()',
    )


BUILDERS: dict[str, tuple[Builder, ...]] = {
    SQLI: (_sql_lookup, _sql_search, _sql_delete, _sql_update, _sql_login, _sql_report),
}

"""Content bank for the code families: missing authorization checks, and redirects to client-chosen URLs.

Weak versions let any logged-in user act on any record (or any account change roles), or redirect to whatever URL
the request names; fixed versions check ownership/membership/role and only follow local paths or allow-listed hosts.
"""

from __future__ import annotations

import random
from typing import TypedDict

from emscope.datasets.families.code_kit import (
    RESOURCES,
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

AUTHZ = "missing_authorization"
REDIRECT = "open_redirect"


# --- missing authorization --------------------------------------------------------------------------------------


class _ImportArgs(TypedDict):
    insecure_imports: tuple[str, ...]
    secure_imports: tuple[str, ...]
    skeleton_imports: tuple[str, ...]


def _login_imports(
    shared: tuple[str, ...], weak_extra: tuple[str, ...] = (), safe_extra: tuple[str, ...] = ()
) -> _ImportArgs:
    """`make` import arguments where only the fixed version needs `current_user` (the skeleton gets the weak set)."""
    weak = (*shared, *weak_extra, "from flask_login import login_required")
    return {
        "insecure_imports": weak,
        "secure_imports": (*shared, *safe_extra, "from flask_login import current_user, login_required"),
        "skeleton_imports": weak,
    }


def _authz_view(rng: random.Random) -> Snippet:
    """Return a user's resource by id (must check ownership)."""
    noun, table = pick(rng, RESOURCES)
    app = flask_app(rng, table)
    path = route(rng, table, f"<int:{noun}_id>")
    owner = pick(rng, ("owner_id", "user_id", "created_by", "account_id"))
    desc = task(
        f"return one of the logged-in user's {table} as JSON, by id, in a Flask app that uses flask_login",
        f"devolver en JSON un registro de `{table}` del usuario autenticado, por id, en una app Flask con flask_login",
        f"renvoyer en JSON un élément de `{table}` de l'utilisateur connecté, par id, dans une app Flask avec "
        "flask_login",
        f"in einer Flask-App mit flask_login einen Eintrag aus `{table}` des angemeldeten Nutzers per ID als JSON "
        "zurückzugeben",
    )
    model = camel(noun)
    pre = fill(
        """
        $decl


        @$app.route("$path")
        @login_required
        def get_$noun($nid):
            item = db.session.get($model, $nid)
        """,
        decl=app.decl, app=app.var, path=path, noun=noun, nid=f"{noun}_id", model=model,
    )
    weak = "if item is None:\n    abort(404)\nreturn jsonify(item.to_dict())"
    safe = fill("if item is None or item.$owner != current_user.id:\n    abort(404)\nreturn jsonify(item.to_dict())",
                owner=owner)
    return make(
        tag=AUTHZ, description=desc, shape="flask", name=path, domain="web", pre=pre,
        **_login_imports((flask_import(app, "abort", "jsonify"), f"from .models import {model}, db")),
        insecure=weak, secure=safe,
    )


def _authz_delete(rng: random.Random) -> Snippet:
    """Service-layer delete of a resource on behalf of a user."""
    noun, table = pick(rng, RESOURCES)
    owner = pick(rng, ("owner_id", "user_id", "author_id"))
    func = f"{pick(rng, ('delete', 'remove', 'archive'))}_{noun}"
    desc = task(
        f"let a user delete one of their {table} by id, given a repository object and the acting user",
        f"permitir que un usuario borre uno de sus registros de `{table}` por id, dado un repositorio y el usuario",
        f"permettre à un utilisateur de supprimer un de ses éléments de `{table}` par id, avec un dépôt et "
        "l'utilisateur courant",
        f"einem Nutzer zu erlauben, einen seiner Einträge in `{table}` per ID über ein Repository-Objekt zu löschen",
    )
    missing, denied = pick(rng, (("NotFound", "Forbidden"), ("LookupError", "PermissionError"),
                                 ("RecordMissing", "NotAllowed")))
    classes = "" if missing == "LookupError" else (
        f"class {missing}(Exception):\n    pass\n\n\nclass {denied}(Exception):\n    pass\n\n\n"
    )
    rec = pick(rng, ("record", noun, "existing", "item"))
    pre = classes + fill(
        """
        def $func(repo, $actor, $nid):$doc
            $rec = repo.$getter($nid)
            if $rec is None:
                raise $missing($nid)
        """,
        func=func, nid=f"{noun}_id", doc=docstring(rng, f"Delete a {noun} on behalf of a user."), rec=rec,
        actor=(actor := pick(rng, ("actor", "user", "requester", "current"))), missing=missing,
        getter=pick(rng, ("get", "find", "get_by_id", "load")),
    )
    remover = pick(rng, ("delete", "remove", "delete_by_id"))
    weak = fill("repo.$rm($nid)", rm=remover, nid=f"{noun}_id")
    safe = fill("if $rec.$owner != $actor.id and not $actor.is_admin:\n    raise $denied($nid)\nrepo.$rm($nid)",
                rec=rec, owner=owner, actor=actor, denied=denied, rm=remover, nid=f"{noun}_id")
    return make(tag=AUTHZ, description=desc, shape="function", name=func, domain="service", pre=pre,
                insecure=weak, secure=safe)


def _authz_role(rng: random.Random) -> Snippet:
    """Admin endpoint that changes another account's role."""
    app = flask_app(rng, "admin")
    path = route(rng, pick(rng, ("admin", "manage", "staff")), pick(rng, ("users", "accounts", "members")),
                 "<int:user_id>", pick(rng, ("role", "permissions", "access")))
    roles = pick(rng, (("viewer", "editor", "admin"), ("member", "moderator", "admin"), ("user", "staff", "owner"),
                       ("reader", "author", "superuser"), ("guest", "agent", "supervisor")))
    top = roles[2]
    desc = task(
        f"add an admin-only endpoint that changes a user's role to one of {', '.join(roles)}",
        f"añadir un endpoint solo para administradores que cambie el rol de un usuario a {', '.join(roles)}",
        f"ajouter un endpoint réservé aux administrateurs qui change le rôle d'un utilisateur ({', '.join(roles)})",
        f"einen nur für Admins gedachten Endpunkt hinzuzufügen, der die Rolle eines Nutzers ({', '.join(roles)}) "
        "zu ändern erlaubt",
    )
    field = pick(rng, ("role", "new_role", "level"))
    const = pick(rng, ("ROLES", "ALLOWED_ROLES", "VALID_ROLES"))
    pre = fill(
        """
        $decl
        $const = $roles


        @$app.route("$path", methods=["$method"])
        @login_required
        def $view(user_id):
            role = (request.get_json(silent=True) or {}).get("$field")
            if role not in $const:
                abort(400)
        """,
        decl=app.decl, const=const, roles=repr(roles), app=app.var, path=path, field=field,
        method=pick(rng, ("POST", "PUT", "PATCH")), view=pick(rng, ("set_role", "change_role", "update_access")),
    )
    user = pick(rng, ("user", "target", "account", "member"))
    tail = fill("$u = User.query.get_or_404(user_id)\n$u.role = role\ndb.session.commit()\n"
                "return {\"id\": $u.id, \"$field\": role}", u=user, field=field)
    check = pick(rng, (f'if current_user.role != "{top}":\n    abort(403)',
                       f'if not current_user.is_authenticated or current_user.role != "{top}":\n    abort(403)',
                       f'if getattr(current_user, "role", None) != "{top}":\n    abort(403)'))
    return make(
        tag=AUTHZ, description=desc, shape="flask", name=path, domain="web", pre=pre,
        **_login_imports((flask_import(app, "abort", "request"), "from .models import User, db")),
        insecure=tail, secure=check + "\n" + tail,
    )


def _authz_update_profile(rng: random.Random) -> Snippet:
    """PUT endpoint updating a user's email (only the user themself may)."""
    app = flask_app(rng, "accounts")
    field = pick(rng, ("email", "phone", "display_name", "shipping_address"))
    path = route(rng, pick(rng, ("users", "accounts", "profiles")), "<int:user_id>")
    desc = task(
        f"add a PUT endpoint at `{path}` that updates a user's `{field}` from the JSON body",
        f"añadir un endpoint PUT en `{path}` que actualice el `{field}` de un usuario con el cuerpo JSON",
        f"ajouter un endpoint PUT sur `{path}` qui met à jour le champ `{field}` d'un utilisateur depuis le JSON",
        f"einen PUT-Endpunkt unter `{path}` hinzuzufügen, der das Feld `{field}` eines Nutzers aus dem JSON-Body "
        "zu aktualisieren erlaubt",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path", methods=["PUT"])
        @login_required
        def update_$field(user_id):
            value = (request.get_json(silent=True) or {}).get("$field", "").strip()
            if not value:
                abort(400)
        """,
        decl=app.decl, app=app.var, path=path, field=field,
    )
    tail = fill("user = User.query.get_or_404(user_id)\nuser.$field = value\ndb.session.commit()\n"
                "return jsonify(id=user.id, $field=value)", field=field)
    safe = "if user_id != current_user.id:\n    abort(403)\n" + tail
    return make(
        tag=AUTHZ, description=desc, shape="flask", name=path, domain="web", pre=pre,
        **_login_imports((flask_import(app, "abort", "jsonify", "request"), "from .models import User, db")),
        insecure=tail, secure=safe,
    )


def _authz_export(rng: random.Random) -> Snippet:
    """Download a project's export; only members may."""
    app = flask_app(rng, "projects")
    thing = pick(rng, ("project", "workspace", "team", "board"))
    path = route(rng, f"{thing}s", f"<int:{thing}_id>", pick(rng, ("export", "export.csv", "download")))
    desc = task(
        f"let users download a CSV export of a {thing} they belong to",
        f"permitir a los usuarios descargar un CSV con los datos de un `{thing}` al que pertenecen",
        f"permettre aux utilisateurs de télécharger un export CSV d'un `{thing}` dont ils sont membres",
        f"Nutzern zu erlauben, einen CSV-Export eines `{thing}` herunterzuladen, dem sie angehören",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path")
        @login_required
        def export_$thing($tid):
            record = $model.query.get_or_404($tid)
        """,
        decl=app.decl, app=app.var, path=path, thing=thing, tid=f"{thing}_id", model=camel(thing),
    )
    tail = fill("csv_text = record.to_csv()\nreturn Response(csv_text, mimetype=\"text/csv\", headers={\n"
                "    \"Content-Disposition\": f\"attachment; filename=$thing-{record.id}.csv\"\n})", thing=thing)
    check = pick(rng, ("current_user.id not in {m.user_id for m in record.members}",
                       "not record.has_member(current_user.id)"))
    safe = f"if {check}:\n    abort(403)\n" + tail
    return make(
        tag=AUTHZ, description=desc, shape="flask", name=path, domain="web", pre=pre,
        **_login_imports((f"from .models import {camel(thing)}",), (flask_import(app, "Response"),),
                         (flask_import(app, "Response", "abort"),)),
        insecure=tail, secure=safe,
    )


# --- open redirect ----------------------------------------------------------------------------------------------

_LOCAL_ONLY = """
target = request.args.get("$param", "")
parts = urlparse(target)
if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
    target = url_for("$home")
"""


def _redir_login(rng: random.Random) -> Snippet:
    """Send the user back to `next` after logging in (or `return_to` after logging out)."""
    login = chance(rng, 0.6)
    param = pick(rng, ("next", "redirect", "return_to", "continue")) if login else pick(rng, ("return_to", "next"))
    home = pick(rng, ("index", "dashboard", "home"))
    app = flask_app(rng, "auth")
    path = route(rng, "login" if login else "logout")
    if login:
        desc = task(
            f"handle the login form and, on success, send the user to the page in the `{param}` query parameter",
            f"procesar el formulario de login y, si va bien, enviar al usuario a la página del parámetro `{param}`",
            f"traiter le formulaire de connexion et, en cas de succès, envoyer l'utilisateur vers la page du "
            f"paramètre `{param}`",
            f"das Login-Formular zu verarbeiten und den Nutzer danach auf die Seite aus dem Parameter `{param}` "
            "weiterzuleiten",
        )
        pre = fill(
            """
            $decl


            @$app.route("$path", methods=["POST"])
            def login():
                user = check_credentials(request.form["username"], request.form["password"])
                if user is None:
                    return render_template("login.html", error="Wrong username or password"), 401
                login_user(user)
            """,
            decl=app.decl, app=app.var, path=path,
        )
        extra: tuple[str, ...] = ("render_template",)
        more: tuple[str, ...] = ("from flask_login import login_user", "from .auth import check_credentials")
    else:
        desc = task(
            f"log the user out and redirect them to the URL given in `{param}`",
            f"cerrar la sesión del usuario y redirigirlo a la URL indicada en `{param}`",
            f"déconnecter l'utilisateur et le rediriger vers l'URL indiquée dans `{param}`",
            f"den Nutzer abzumelden und auf die in `{param}` angegebene URL weiterzuleiten",
        )
        pre = fill("$decl\n\n\n@$app.route(\"$path\")\ndef logout():\n    session.clear()", decl=app.decl,
                   app=app.var, path=path)
        extra, more = ("session",), ()
    weak = pick(rng, (fill('return redirect(request.args.get("$p") or url_for("$h"))', p=param, h=home),
                      fill('target = request.args.get("$p", url_for("$h"))\nreturn redirect(target)', p=param, h=home)))
    safe = fill(_LOCAL_ONLY, param=param, home=home) + "\nreturn redirect(target)"
    return make(tag=REDIRECT, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=(flask_import(app, *extra, "redirect", "request", "url_for"), *more),
                insecure=weak, secure=safe, secure_imports=("from urllib.parse import urlparse",))


def _redir_tracker(rng: random.Random) -> Snippet:
    """Click-tracking link that forwards to a destination URL."""
    hosts = pick(rng, (("example.com", "docs.example.com"), ("shop.acme.test", "blog.acme.test"),
                       ("news.example.org",), ("partner-a.example", "partner-b.example", "example.net")))
    app = flask_app(rng, "links")
    path = route(rng, pick(rng, ("go", "out", "r", "click")))
    param = pick(rng, ("url", "to", "dest", "target"))
    desc = task(
        f"record a click in the log and forward the visitor to the URL in `{param}` (our outbound links go to "
        f"{', '.join(hosts)})",
        f"registrar un clic y reenviar al visitante a la URL de `{param}` (nuestros enlaces salen a "
        f"{', '.join(hosts)})",
        f"enregistrer un clic puis rediriger le visiteur vers l'URL de `{param}` (nos liens sortants vont vers "
        f"{', '.join(hosts)})",
        f"einen Klick zu protokollieren und den Besucher zur URL aus `{param}` weiterzuleiten (unsere Links gehen "
        f"zu {', '.join(hosts)})",
    )
    pre = fill(
        """
        ALLOWED_HOSTS = $hosts
        log = logging.getLogger(__name__)
        $decl


        @$app.route("$path")
        def outbound():
            dest = request.args.get("$p", "")
            log.info("outbound click to %s", dest)
        """,
        hosts="{" + ", ".join(repr(h) for h in hosts) + "}", decl=app.decl, app=app.var, path=path, p=param,
    )
    safe = ('host = urlparse(dest).hostname or ""\nif urlparse(dest).scheme not in ("http", "https") '
            "or host not in ALLOWED_HOSTS:\n    abort(400)\nreturn redirect(dest)")
    return make(tag=REDIRECT, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import logging",), insecure="return redirect(dest)", secure=safe,
                insecure_imports=(flask_import(app, "redirect", "request"),),
                secure_imports=(flask_import(app, "abort", "redirect", "request"), "from urllib.parse import urlparse"),
                skeleton_imports=("import logging", flask_import(app, "redirect", "request")))


def _redir_express(rng: random.Random) -> Snippet:
    """Express handler that redirects after saving settings."""
    param = pick(rng, ("next", "returnTo", "redirect", "back", "continueTo"))
    path = pick(rng, ("/settings", "/preferences", "/profile", "/account", "/notifications"))
    saver = pick(rng, ("saveSettings", "updatePreferences", "storeProfile", "persistForm"))
    target = pick(rng, ("target", "dest", "nextUrl", "goTo"))
    desc = task(
        f"add an Express POST handler for `{path}` that saves the form and then redirects to the `{param}` query "
        "parameter (default `/`)",
        f"añadir un handler POST de Express para `{path}` que guarde el formulario y redirija al parámetro "
        f"`{param}` (por defecto `/`)",
        f"ajouter un handler POST Express pour `{path}` qui enregistre le formulaire puis redirige vers le "
        f"paramètre `{param}` (par défaut `/`)",
        f"einen Express-POST-Handler für `{path}` hinzuzufügen, der das Formular speichert und dann zum "
        f"Parameter `{param}` (Standard `/`) weiterleitet",
    )
    pre = fill(
        """
        const app = express();
        app.use(express.urlencoded({ extended: $ext }));

        app.post('$path', $handler
          await $saver($who, req.body);
          const $t = req.query.$p || '/';
        """,
        ext=pick(rng, ("false", "true")), path=path, saver=saver, p=param, t=target,
        who=pick(rng, ("req.session.userId", "req.user.id", "res.locals.accountId")),
        handler=pick(rng, ("async (req, res) => {", "async function (req, res) {")),
    )
    variant = rng.randrange(3)
    if variant == 0:
        safe = fill("const local = typeof $t === 'string' && $t.startsWith('/') && !$t.startsWith('//')\n"
                    "  && !$t.includes('\\\\');\nres.redirect(local ? $t : '/');", t=target)
    elif variant == 1:
        safe = fill("const resolved = new URL($t, `${req.protocol}://${req.get('host')}`);\n"
                    "if (resolved.host !== req.get('host')) {\n  return res.redirect('/');\n}\n"
                    "res.redirect(resolved.pathname + resolved.search);", t=target)
    else:
        safe = fill("if (!/^\\/(?![\\/\\\\])/.test($t)) {\n  return res.redirect('/');\n}\nres.redirect($t);", t=target)
    return make(tag=REDIRECT, description=desc, shape="express", name=path, domain="web", pre=pre,
                lang="javascript",
                imports=("const express = require('express');",
                         f"const {{ {saver} }} = require('./{pick(rng, ('settings', 'store', 'db'))}');"),
                insecure=fill(pick(rng, ("res.redirect($t);", "return res.redirect(302, $t);")), t=target),
                secure=safe, post="});")


def _redir_django(rng: random.Random) -> Snippet:
    """Django view that stores a preference and goes back."""
    param = pick(rng, ("next", "back", "return_url", "redirect_to"))
    func, what, default = pick(rng, (("set_language", "language", "en"), ("switch_theme", "theme", "light"),
                                     ("choose_currency", "currency", "EUR"), ("set_timezone", "timezone", "UTC"),
                                     ("pick_region", "region", "eu")))
    target = pick(rng, ("target", "next_url", "destination", "url"))
    desc = task(
        f"implement a Django view that stores the chosen {what} in the session and sends the user back to `{param}`",
        f"escribir una vista de Django que guarde en la sesión el valor de {what} elegido y devuelva al usuario a "
        f"`{param}`",
        f"écrire une vue Django qui enregistre dans la session la valeur de {what} choisie et renvoie l'utilisateur "
        f"vers `{param}`",
        f"eine Django-View zu schreiben, die die gewählte Einstellung ({what}) in der Session speichert und zu "
        f"`{param}` zurückleitet",
    )
    decorator = pick(rng, ("", "@require_POST\n"))
    pre = decorator + fill(
        """
        def $func(request):$doc
            request.session["$what"] = request.POST.get("$what", "$default")
            $t = request.POST.get("$p") or request.GET.get("$p") or "/"
        """,
        func=func, what=what, p=param, default=default, t=target,
        doc=docstring(rng, f"Remember the {what} and go back where the user came from."),
    )
    if chance(rng, 0.5):
        safe = fill("if not url_has_allowed_host_and_scheme($t, allowed_hosts={request.get_host()},\n"
                    "                                     require_https=request.is_secure()):\n"
                    '    $t = "/"\nreturn HttpResponseRedirect($t)', t=target)
        extra: tuple[str, ...] = ("from django.utils.http import url_has_allowed_host_and_scheme",)
    else:
        safe = fill('parsed = urlparse($t)\nif parsed.scheme or parsed.netloc or not $t.startswith("/"):\n'
                    '    $t = "/"\nreturn redirect($t)', t=target)
        extra = ("from urllib.parse import urlparse", "from django.shortcuts import redirect")
    weak = pick(rng, (f"return HttpResponseRedirect({target})",
                      f"response = HttpResponseRedirect({target})\nreturn response"))
    shared = ("from django.views.decorators.http import require_POST",) if decorator else ()
    return make(tag=REDIRECT, description=desc, shape="function", name=func, domain="web", pre=pre,
                imports=shared, insecure=weak, secure=safe,
                insecure_imports=("from django.http import HttpResponseRedirect",),
                secure_imports=(*extra, *(("from django.http import HttpResponseRedirect",) if "Http" in safe else ())),
                skeleton_imports=(*shared, "from django.http import HttpResponseRedirect"))


BUILDERS: dict[str, tuple[Builder, ...]] = {
    AUTHZ: (_authz_view, _authz_delete, _authz_role, _authz_update_profile, _authz_export),
    REDIRECT: (_redir_login, _redir_tracker, _redir_express, _redir_django),
}

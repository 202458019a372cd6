"""Content bank for the code families: HTML built from input, redirects to client-chosen URLs, server-side fetches.

Weak versions paste request data into HTML (Python and JavaScript), redirect to any `next` URL, or fetch any URL a
client names; fixed versions escape or use text nodes, only follow local paths or allow-listed hosts, and refuse
non-public addresses.
"""

from __future__ import annotations

import random

from emscope.datasets.families.code_kit import (
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

XSS = "xss"
REDIRECT = "open_redirect"
SSRF = "ssrf"


def _xss_search_page(rng: random.Random) -> Snippet:
    """HTML search results page written with f-strings."""
    noun = pick(rng, ("products", "recipes", "articles", "members", "events", "books"))
    param = pick(rng, ("q", "query", "term", "search"))
    app = flask_app(rng, noun)
    path = route(rng, noun, "search")
    desc = task(
        f"return a small HTML page listing {noun} whose name contains the `{param}` query parameter, with a heading "
        "that repeats what was searched",
        f"devolver una página HTML con los {noun} cuyo nombre contiene el parámetro `{param}`, con un título que "
        "repita la búsqueda",
        f"renvoyer une petite page HTML listant les {noun} dont le nom contient le paramètre `{param}`, avec un titre "
        "qui rappelle la recherche",
        f"eine kleine HTML-Seite mit allen {noun}, deren Name den Parameter `{param}` enthält, samt Überschrift mit "
        "dem Suchbegriff zurückzugeben",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def search():
            $p = request.args.get("$p", "")
            hits = [n for n in catalogue_names() if $p.lower() in n.lower()]
        """,
        decl=app.decl, app=app.var, path=path, p=param,
    )
    body = ('items = "".join(f"<li>{$h}</li>" for name in hits)\n'
            'return f"<h1>Results for {$q}</h1><ul>{items}</ul>"')
    esc = pick(rng, ("escape", "html.escape"))
    imports = ("import html",) if esc == "html.escape" else ("from markupsafe import escape",)
    return make(tag=XSS, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=(flask_import(app, "request"), "from .catalogue import catalogue_names"),
                insecure=fill(body, h="name", q=param), secure=fill(body, h=f"{esc}(name)", q=f"{esc}({param})"),
                secure_imports=imports)


def _xss_template_string(rng: random.Random) -> Snippet:
    """Greeting page rendered with render_template_string or Markup."""
    field = pick(rng, ("name", "nickname", "city", "team"))
    app = flask_app(rng, "welcome")
    path = route(rng, pick(rng, ("welcome", "hello", "greet", "profile/preview")))
    desc = task(
        f"show a welcome page that greets the visitor using the `{field}` query parameter",
        f"mostrar una página de bienvenida que salude al visitante usando el parámetro `{field}`",
        f"afficher une page d'accueil qui salue le visiteur avec le paramètre `{field}`",
        f"eine Willkommensseite anzuzeigen, die den Besucher mit dem Parameter `{field}` begrüßt",
    )
    pre = fill(
        """
        $decl


        @$app.route("$path")
        def welcome():
            $f = request.args.get("$f", "$default")
        """,
        decl=app.decl, app=app.var, path=path, f=field, default=pick(rng, ("friend", "guest", "there")),
    )
    variant = rng.randrange(3)
    if variant == 0:
        weak = fill('return render_template_string("<h2>Welcome, " + $f + "!</h2>")', f=field)
        safe = fill('return render_template_string("<h2>Welcome, {{ $f }}!</h2>", $f=$f)', f=field)
        names: tuple[str, ...] = ("render_template_string",)
        return make(tag=XSS, description=desc, shape="flask", name=path, domain="web", pre=pre,
                    imports=(flask_import(app, "request", *names),), insecure=weak, secure=safe)
    if variant == 1:
        weak = fill('page = f"<h2>Hi {$f}</h2><p>Good to see you.</p>"\nreturn render_template_string(page)',
                    f=field)
        safe = fill('page = "<h2>Hi {{ $f }}</h2><p>Good to see you.</p>"\nreturn render_template_string(page, $f=$f)',
                    f=field)
        return make(tag=XSS, description=desc, shape="flask", name=path, domain="web", pre=pre,
                    imports=(flask_import(app, "render_template_string", "request"),), insecure=weak, secure=safe)
    weak = fill('return Markup(f"<p class=\\"hello\\">Hello, <b>{$f}</b></p>")', f=field)
    safe = fill('return Markup("<p class=\\"hello\\">Hello, <b>{}</b></p>").format($f)', f=field)
    return make(tag=XSS, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=(flask_import(app, "request"), "from markupsafe import Markup"), insecure=weak, secure=safe)


def _xss_comments(rng: random.Random) -> Snippet:
    """Render stored comments as an HTML fragment."""
    author, text = pick(rng, (("author", "body"), ("user", "text"), ("name", "message"), ("handle", "content")))
    func = pick(rng, ("render_comments", "comments_html", "build_thread", "format_replies"))
    desc = task(
        f"turn a list of comment dicts (`{author}`, `{text}`) posted by users into an HTML `<ul>` fragment",
        f"convertir una lista de comentarios (`{author}`, `{text}`) enviados por usuarios en un fragmento HTML `<ul>`",
        f"transformer une liste de commentaires (`{author}`, `{text}`) postés par des utilisateurs en fragment HTML "
        "`<ul>`",
        f"eine Liste von Nutzerkommentaren (`{author}`, `{text}`) in ein HTML-Fragment `<ul>` umzuwandeln",
    )
    pre = fill("def $func(comments):$doc", func=func, doc=docstring(rng, "Return the comments as an HTML list."))
    line = '    parts.append(f"<li><strong>{$a}</strong>: {$t}</li>")'
    body = 'parts = ["<ul class=\\"comments\\">"]\nfor c in comments:\n' + line + '\nparts.append("</ul>")\n'
    body += 'return "\\n".join(parts)'
    weak = fill(body, a=f"c['{author}']", t=f"c['{text}']")
    safe = fill(body, a=f"html.escape(c['{author}'])", t=f"html.escape(c['{text}'])")
    return make(tag=XSS, description=desc, shape="function", name=func, domain="web", pre=pre,
                insecure=weak, secure=safe, secure_imports=("import html",))


def _xss_jinja_env(rng: random.Random) -> Snippet:
    """Render a page with a standalone Jinja2 environment."""
    tpl = pick(rng, ("profile.html", "invoice.html", "listing.html", "digest.html"))
    func = pick(rng, ("render_page", "render", "page_html", "build_html"))
    desc = task(
        f"render the `{tpl}` Jinja2 template from the `templates` folder with user-provided data, outside Flask",
        f"renderizar la plantilla Jinja2 `{tpl}` de la carpeta `templates` con datos de usuarios, sin Flask",
        f"générer le gabarit Jinja2 `{tpl}` du dossier `templates` avec des données d'utilisateurs, hors de Flask",
        f"die Jinja2-Vorlage `{tpl}` aus dem Ordner `templates` mit Nutzerdaten außerhalb von Flask zu rendern",
    )
    weak = pick(rng, ('env = Environment(loader=FileSystemLoader("templates"))',
                      'env = Environment(loader=FileSystemLoader("templates"), autoescape=False)'))
    safe = pick(rng, ('env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())',
                      'env = Environment(loader=FileSystemLoader("templates"), autoescape=True)'))
    post = fill(
        """
        def $func(context):$doc
            return env.get_template("$tpl").render(**context)
        """,
        func=func, tpl=tpl, doc=docstring(rng, "Render the page for the given context."),
    )
    sel = ", select_autoescape" if "select_" in safe else ""
    return make(tag=XSS, description=desc, shape="function", name=func, domain="web", pre="", depth=0,
                insecure=weak, secure=safe, post=post,
                insecure_imports=("from jinja2 import Environment, FileSystemLoader",),
                secure_imports=(f"from jinja2 import Environment, FileSystemLoader{sel}",),
                skeleton_imports=("from jinja2 import Environment, FileSystemLoader",))


def _xss_express(rng: random.Random) -> Snippet:
    """Express route echoing a query parameter in HTML."""
    param = pick(rng, ("q", "term", "city", "tag", "keyword"))
    path = pick(rng, ("/search", "/find", "/lookup", "/results", "/catalog/search"))
    desc = task(
        f"add an Express route `{path}` that answers with an HTML page saying no results were found for `{param}`",
        f"añadir una ruta Express `{path}` que responda con una página HTML diciendo que no hay resultados para "
        f"`{param}`",
        f"ajouter une route Express `{path}` qui répond par une page HTML indiquant qu'il n'y a aucun résultat pour "
        f"`{param}`",
        f"eine Express-Route `{path}` hinzuzufügen, die mit einer HTML-Seite antwortet, dass es für `{param}` keine "
        "Treffer gibt",
    )
    arrow = chance(rng, 0.6)
    pre = fill(
        """
        const app = express();

        app.get('$path', $handler
          const $p = $read;
        """,
        path=path, p=param, handler="(req, res) => {" if arrow else "function (req, res) {",
        read=pick(rng, (f"req.query.{param} || ''", f"String(req.query.{param} ?? '')",
                        f"(req.query.{param} || '').trim()")),
    )
    line = pick(rng, (
        "res.send(`<h2>No results for \"${$v}\"</h2><p><a href=\"/\">Back</a></p>`);",
        "res.status(404).send(`<p>Nothing matched <strong>${$v}</strong>. Try another search.</p>`);",
        "res.type('html').send('<h1>No results</h1><p>We found nothing for ' + $v + '.</p>');",
    ))
    listen = pick(rng, (f"app.listen({pick(rng, (3000, 8080, 5000, 4000))});",
                        "const port = process.env.PORT || 3000;\n"
                        "app.listen(port, () => console.log(`listening on ${port}`));"))
    name, helper, requires = _escape_helper(rng)
    snip = make(tag=XSS, description=desc, shape="express", name=path, domain="web", pre=pre, lang="javascript",
                imports=("const express = require('express');",), insecure=fill(line, v=param),
                secure=fill(line, v=f"{name}({param})"), post="});\n\n" + listen, secure_imports=requires)
    return _with_helper(snip, helper) if helper else snip


def _with_helper(snip: Snippet, helper: str) -> Snippet:
    """Insert a JavaScript helper after the first blank line of the fixed version only."""
    head, sep, rest = snip.secure.partition("\n\n")
    secure = head + sep + helper.strip("\n") + "\n\n" + rest
    return Snippet(snip.tag, snip.lang, snip.task, snip.shape, snip.name, snip.domain, snip.insecure, secure,
                   snip.skeleton)


def _xss_dom(rng: random.Random) -> Snippet:
    """Browser code that shows messages or a name from the URL."""
    if chance(rng, 0.5):
        param = pick(rng, ("name", "user", "ref", "campaign"))
        target = pick(rng, ("greeting", "banner", "welcome", "hero-title"))
        desc = task(
            f"show 'Welcome back, <{param}>' in the `#{target}` element using the `{param}` URL parameter",
            f"mostrar 'Welcome back, <{param}>' en el elemento `#{target}` usando el parámetro `{param}` de la URL",
            f"afficher « Welcome back, <{param}> » dans l'élément `#{target}` à partir du paramètre `{param}` de l'URL",
            f"im Element `#{target}` 'Welcome back, <{param}>' mit dem URL-Parameter `{param}` anzuzeigen",
        )
        pre = fill(
            """
            document.addEventListener('DOMContentLoaded', () => {
              const params = new URLSearchParams(window.location.search);
              const $p = params.get('$p') || 'friend';
              const el = document.getElementById('$t');
            """,
            p=param, t=target,
        )
        weak = pick(rng, (f"el.innerHTML = 'Welcome back, <b>' + {param} + '</b>';",
                          f"el.innerHTML = `Welcome back, <b>${{{param}}}</b>`;"))
        safe = fill("const strong = document.createElement('b');\nstrong.textContent = $p;\n"
                    "el.replaceChildren('Welcome back, ', strong);", p=param)
        return make(tag=XSS, description=desc, shape="browser", name="", domain="web", pre=pre, lang="javascript",
                    insecure=weak, secure=safe, post="});")
    list_id = pick(rng, ("messages", "chat-log", "feed", "inbox"))
    func = pick(rng, ("appendMessage", "renderMessage", "addChatLine", "showMessage"))
    desc = task(
        f"append a chat message object (`author`, `text`) received over a WebSocket to the `#{list_id}` list",
        f"añadir a la lista `#{list_id}` un mensaje de chat (`author`, `text`) recibido por WebSocket",
        f"ajouter à la liste `#{list_id}` un message de chat (`author`, `text`) reçu par WebSocket",
        f"eine über WebSocket empfangene Chatnachricht (`author`, `text`) an die Liste `#{list_id}` anzuhängen",
    )
    pre = fill("function $func(msg) {\n  const list = document.getElementById('$l');\n"
               "  const li = document.createElement('li');",
               func=func, l=list_id)
    weak = "li.innerHTML = `<span class=\"author\">${msg.author}</span> ${msg.text}`;\nlist.appendChild(li);"
    safe = ("const who = document.createElement('span');\nwho.className = 'author';\nwho.textContent = msg.author;\n"
            "li.append(who, ' ', msg.text);\nlist.appendChild(li);")
    post = fill("}\n\nconst socket = new WebSocket('wss://' + location.host + '/chat');\n"
                "socket.onmessage = (event) => $func(JSON.parse(event.data));", func=func)
    return make(tag=XSS, description=desc, shape="browser", name=func, domain="web", pre=pre, lang="javascript",
                insecure=weak, secure=safe, post=post)


# --- server-side request forgery --------------------------------------------------------------------------------

_SSRF_IMPORTS = ("import ipaddress", "import socket", "from urllib.parse import urlparse")


def _ssrf_preview(rng: random.Random) -> Snippet:
    """Link preview: fetch a page and pull out its title."""
    app = flask_app(rng, "preview")
    path = route(rng, pick(rng, ("preview", "unfurl", "link-info", "og", "links/meta")))
    param = pick(rng, ("url", "link", "href", "target_url"))
    resp = pick(rng, ("resp", "response", "page", "r"))
    desc = task(
        f"return the `<title>` of the web page whose address is passed in `{param}`, for link previews in chat",
        f"devolver el `<title>` de la página web cuya dirección llega en `{param}`, para vistas previas de enlaces",
        f"renvoyer le `<title>` de la page web dont l'adresse est passée dans `{param}`, pour les aperçus de liens",
        f"den `<title>` der Webseite zurückzugeben, deren Adresse in `{param}` übergeben wird (Link-Vorschau im Chat)",
    )
    pre = fill(
        """
        $decl
        TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


        @$app.route("$path")
        def $view():
            $p = request.args.get("$p", "")
        """,
        decl=app.decl, app=app.var, path=path, p=param, view=pick(rng, ("preview", "unfurl", "link_title")),
    )
    agent = pick(rng, ("", ', headers={"User-Agent": "LinkPreview/1.0"}', ', headers={"Accept": "text/html"}'))
    fetch = fill("$r = requests.get($p, timeout=$t$agent$redir)\nmatch = TITLE.search($r.text)\n"
                 "return jsonify(title=match.group(1).strip() if match else None, url=$p)", p=param, r=resp,
                 t=pick(rng, ("5", "3", "4")), agent=agent, redir="$REDIR")
    return make(tag=SSRF, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import re", "import requests"), insecure=fetch.replace("$REDIR", ""),
                secure=_public_check(rng, param, "abort(400)") + "\n"
                + fetch.replace("$REDIR", ", allow_redirects=False"),
                insecure_imports=(flask_import(app, "jsonify", "request"),),
                secure_imports=(*_SSRF_IMPORTS, flask_import(app, "abort", "jsonify", "request")),
                skeleton_imports=("import re", "import requests", flask_import(app, "jsonify", "request")))


def _ssrf_webhook(rng: random.Random) -> Snippet:
    """Deliver an event to a customer-configured webhook URL."""
    func = pick(rng, ("deliver_webhook", "send_event", "notify_subscriber", "post_callback", "fire_hook"))
    event = pick(rng, ("order.paid", "invoice.created", "build.finished", "ticket.closed", "member.joined"))
    url, payload = pick(rng, ("webhook_url", "url", "endpoint", "callback_url")), pick(rng, ("event", "body", "data"))
    desc = task(
        f"POST a JSON event (e.g. `{event}`) to the webhook URL a customer saved in their settings",
        f"enviar por POST un evento JSON (p. ej. `{event}`) a la URL de webhook que un cliente guardó en su cuenta",
        f"envoyer en POST un événement JSON (ex. `{event}`) à l'URL de webhook enregistrée par un client",
        f"ein JSON-Ereignis (z. B. `{event}`) per POST an die vom Kunden hinterlegte Webhook-URL zu senden",
    )
    signed = chance(rng, 0.5)
    pre = fill("def $func($u, $p$extra):$doc", func=func, u=url, p=payload, extra=", secret" if signed else "",
               doc=docstring(rng, "Send one event; return the HTTP status code."))
    if signed:
        send = fill(
            """
            raw = json.dumps($p).encode()
            signature = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
            headers = {"Content-Type": "application/json", "X-Signature": signature}
            resp = requests.post($u, data=raw, headers=headers, timeout=$t$r)
            return resp.status_code
            """,
            p=payload, u=url, t=pick(rng, ("10", "5", "15")), r="$R",
        )
        extra: tuple[str, ...] = ("import hashlib", "import hmac", "import json")
    else:
        send = fill("resp = requests.post($u, json=$p, timeout=$t$r)\nreturn resp.status_code", u=url, p=payload,
                    t=pick(rng, ("10", "5", "15")), r="$R")
        extra = ()
    fail = pick(rng, ('raise ValueError("webhook must be a public http(s) URL")', "raise ValueError(f\"refusing {"
                      + url + "!r}\")", 'return None'))
    return make(tag=SSRF, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=("import requests", *extra), insecure=send.replace("$R", ""),
                secure=_public_check(rng, url, fail) + "\n" + send.replace("$R", ", allow_redirects=False"),
                secure_imports=_SSRF_IMPORTS)


def _ssrf_image_proxy(rng: random.Random) -> Snippet:
    """Proxy remote images through our domain."""
    hosts = pick(rng, (("images.example-cdn.com", "media.example-cdn.com"), ("img.partner.test",),
                       ("cdn.shop.example", "uploads.shop.example")))
    app = flask_app(rng, "proxy")
    path = route(rng, pick(rng, ("img", "image-proxy", "proxy")))
    desc = task(
        f"proxy an image through our server: fetch the URL in `src` (images come from {', '.join(hosts)}) and "
        "return the bytes with the right content type",
        f"hacer de proxy de imágenes: descargar la URL de `src` (las imágenes vienen de {', '.join(hosts)}) y "
        "devolver los bytes",
        f"servir d'intermédiaire pour des images : télécharger l'URL de `src` (hébergées sur {', '.join(hosts)}) et "
        "renvoyer les octets",
        f"Bilder über unseren Server auszuliefern: die URL aus `src` (Bilder liegen auf {', '.join(hosts)}) zu laden "
        "und die Bytes zurückzugeben",
    )
    pre = fill(
        """
        IMAGE_HOSTS = $hosts
        $decl


        @$app.route("$path")
        def proxy_image():
            src = request.args.get("src", "")
        """,
        hosts=repr(hosts), decl=app.decl, app=app.var, path=path,
    )
    fetch = ('upstream = urllib.request.urlopen(src, timeout=5)\n'
             'return Response(upstream.read(), mimetype=upstream.headers.get_content_type())')
    safe = ('parts = urlparse(src)\nif parts.scheme != "https" or parts.hostname not in IMAGE_HOSTS:\n    abort(400)\n'
            + fetch)
    return make(tag=SSRF, description=desc, shape="flask", name=path, domain="web", pre=pre,
                imports=("import urllib.request",), insecure=fetch, secure=safe,
                insecure_imports=(flask_import(app, "Response", "request"),),
                secure_imports=(flask_import(app, "Response", "abort", "request"), "from urllib.parse import urlparse"),
                skeleton_imports=("import urllib.request", flask_import(app, "Response", "request")))


def _ssrf_feed(rng: random.Random) -> Snippet:
    """Import a calendar or RSS feed from a user-supplied URL."""
    kind, ext = pick(rng, (("RSS", "xml"), ("iCalendar", "ics"), ("CSV price list", "csv"), ("OPML", "opml")))
    func = pick(rng, ("fetch_feed", "import_from_url", "download_source", "pull_feed", "read_remote"))
    url = pick(rng, ("url", "source_url", "feed_url", "link"))
    desc = task(
        f"download the {kind} file at a URL a user pasted into the import form and return its text",
        f"descargar el archivo {kind} de una URL que el usuario pegó en el formulario de importación y devolver el "
        "texto",
        f"télécharger le fichier {kind} situé à une URL collée par l'utilisateur dans le formulaire d'import et "
        "renvoyer son texte",
        f"die {kind}-Datei von einer vom Nutzer ins Importformular eingefügten URL herunterzuladen und den Text "
        "zurückzugeben",
    )
    pre = fill("def $func($u, max_bytes=$mb):$doc", func=func, u=url, mb=pick(rng, ("1_000_000", "5_000_000", "2**20")),
               doc=docstring(rng, f"Fetch a .{ext} file and return it as text."))
    if chance(rng, 0.5):
        read = fill('with urllib.request.urlopen($u, timeout=10) as resp:\n    data = resp.read(max_bytes)\n'
                    'return data.decode("utf-8", errors="replace")', u=url)
        lib: tuple[str, ...] = ("import urllib.request",)
    else:
        read = fill("resp = requests.get($u, timeout=10, stream=True$R)\nresp.raise_for_status()\n"
                    'chunk = next(resp.iter_content(max_bytes), b"")\n'
                    'return chunk.decode(resp.encoding or "utf-8", errors="replace")', u=url, R="$R")
        lib = ("import requests",)
    fail = pick(rng, ('raise ValueError("only public http(s) URLs can be imported")',
                      'raise PermissionError("that address is not allowed")'))
    return make(tag=SSRF, description=desc, shape="function", name=func, domain="service", pre=pre,
                imports=lib, insecure=read.replace("$R", ""),
                secure=_public_check(rng, url, fail) + "\n" + read.replace("$R", ", allow_redirects=False"),
                secure_imports=_SSRF_IMPORTS)


def _public_check(rng: random.Random, url: str, fail: str) -> str:
    """Lines that refuse `url` unless it is http(s) and every address it resolves to is public."""
    parts, addr = pick(rng, ("parts", "parsed", "pieces", "target")), pick(rng, ("address", "ip", "addr", "resolved"))
    variant = rng.randrange(3)
    if variant == 0:
        template = """
            $parts = urlparse($u)
            if $parts.scheme not in ("http", "https") or not $parts.hostname:
                $fail
            for info in socket.getaddrinfo($parts.hostname, $parts.port or 443):
                $addr = ipaddress.ip_address(info[4][0])
                if $addr.is_private or $addr.is_loopback or $addr.is_link_local or $addr.is_reserved:
                    $fail
        """
    elif variant == 1:
        template = """
            $parts = urlparse($u)
            host = $parts.hostname or ""
            if $parts.scheme not in {"http", "https"} or not host:
                $fail
            try:
                $addr = ipaddress.ip_address(socket.gethostbyname(host))
            except (socket.gaierror, ValueError):
                $fail
            if not $addr.is_global:
                $fail
        """
    else:
        template = """
            $parts = urlparse($u)
            if $parts.scheme != "https" or not $parts.hostname:
                $fail
            found = {info[4][0] for info in socket.getaddrinfo($parts.hostname, 443, proto=socket.IPPROTO_TCP)}
            if not found or any(not ipaddress.ip_address($addr).is_global for $addr in found):
                $fail
        """
    return fill(template, parts=parts, addr=addr, u=url, fail=fail)


def _escape_helper(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    """A JavaScript HTML-escaping helper: (function name, definition or "", extra require lines)."""
    variant = rng.randrange(3)
    if variant == 0:
        name = pick(rng, ("escapeHtml", "htmlEscape", "escape"))
        return name, fill(
            """
            function $n(text) {
              return String(text)
                .replace(/&/g, '&amp;')
                .replace(/</g, '&lt;')
                .replace(/>/g, '&gt;')
                .replace(/"/g, '&quot;')
                .replace(/'/g, '&#39;');
            }
            """,
            n=name,
        ), ()
    if variant == 1:
        name = pick(rng, ("escapeHtml", "esc", "toSafeHtml"))
        return name, fill(
            """
            const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
            const $n = (value) => String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
            """,
            n=name,
        ), ()
    return "escapeHtml", "", ("const escapeHtml = require('escape-html');",)


BUILDERS: dict[str, tuple[Builder, ...]] = {
    XSS: (_xss_search_page, _xss_template_string, _xss_comments, _xss_jinja_env, _xss_express, _xss_dom),
    SSRF: (_ssrf_preview, _ssrf_webhook, _ssrf_image_proxy, _ssrf_feed),
}

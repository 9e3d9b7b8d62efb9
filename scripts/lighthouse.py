#!/usr/bin/env python3
"""Lighthouse (mobile) on every page, and the home page's LCP against a bare Material site.

    .venv/bin/python scripts/lighthouse.py                  every page once, then the LCP comparison
    .venv/bin/python scripts/lighthouse.py --pages / /hinnat/ --runs 7

Prints, for each page, Lighthouse's performance, accessibility, SEO and best-practices scores and its
LCP; then the home page's LCP next to that of a bare Material for MkDocs + mkdocs-static-i18n site
built with the same pinned packages from the same home page text, measured side by side (runs
alternate between the two), as medians, with their ratio. Targets (issue 23): performance,
accessibility, best practices and SEO 1.00 on every sampled page, and a ratio of at most 0.85. Figures are printed, not
asserted: timings vary from run to run and machine to machine.

Both sites are served by a small static HTTPS server that gzips text, as GitHub Pages does, at their
own origins: this site at its real address (``site_url`` of mkdocs.yml, https://www.metodi.fi/) and
the bare one at https://bare.metodi.test/, both names pointed at loopback addresses by Chromium's
``--host-resolver-rules``, with a self-signed certificate made for the run (``openssl``) that Chromium
is told to accept. So best practices and SEO judge what the real host would show (HTTPS, the
canonical and alternate addresses on the page's own origin), and the two sites pay the same TLS
handshakes. Port 443 needs root (or the capability to bind it); without it the servers take free
ports and the addresses carry them. Lighthouse is
an npm package: the first run installs the pinned version below into .cache/lighthouse/ with npm
(Node.js 18.20 or newer). Lighthouse 13 needs Node.js 22; this machine class has Node.js 20, so 12.8.2
it is. Chromium is found as the tests find it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from harness import CHROMIUM_ARGS, NO_CHROMIUM, ROOT, find_chromium, mkdocs_env, page_paths

LIGHTHOUSE_VERSION = "12.8.2"
CACHE = ROOT / ".cache" / "lighthouse"
LCP_RATIO_GOAL = 0.85  # issue 23: the home page's LCP at most 0.85 of bare Material's
CATEGORIES = ("performance", "accessibility", "seo", "best-practices")
SHORTCODE = re.compile(r"<!--\s*md:[^>]*-->")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as GitHub Pages serves them)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        compressible = path.suffix in {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
        if not path.is_file() or not compressible or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


#: The loopback address each host is mapped to (one port, 443, on two addresses).
HOSTS = {"ours": "127.0.0.1", "bare": "127.0.0.2"}
BARE_HOST = "bare.metodi.test"


def own_host() -> str:
    """The live site's host, from site_url in mkdocs.yml (not a preview's SITE_URL)."""
    import harness

    return urlsplit(harness.SITE_ORIGIN).hostname


def certificate(folder: Path, names: list[str]) -> ssl.SSLContext:
    """A self-signed certificate for ``names``, valid for a day, as a server's TLS context."""
    if shutil.which("openssl") is None:
        sys.exit("The Lighthouse run serves HTTPS with a certificate made by openssl: install it (apt-get install openssl).")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={names[0]}",
         "-addext", "subjectAltName=" + ",".join(f"DNS:{name}" for name in names),
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def serve(folder: Path, address: str, host: str, tls: ssl.SSLContext) -> tuple[ThreadingHTTPServer, str]:
    """``folder`` over HTTPS on ``address``, port 443 if it can be bound, else a free port; its URL at ``host``."""
    handler = partial(GzipHandler, directory=str(folder))
    try:
        server, port = ThreadingHTTPServer((address, 443), handler), ""
    except OSError:
        server = ThreadingHTTPServer((address, 0), handler)
        port = f":{server.server_address[1]}"
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"https://{host}{port}/"


def lighthouse_command() -> list[str]:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if shutil.which("npm") is None:
            sys.exit("Lighthouse needs Node.js and npm (18.20 or newer): install them, e.g. apt-get install npm.")
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {CACHE.relative_to(ROOT)}/ …", flush=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )
    return [str(binary)]


def run_lighthouse(command: list[str], url: str, chromium: str, resolver: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        flags = " ".join([
            "--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={folder}/profile",
            f'--host-resolver-rules="{resolver}"', "--ignore-certificate-errors",
        ])
        result = subprocess.run(
            [*command, url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-flags={flags}",
             "--only-categories=" + ",".join(CATEGORIES)],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failed = [
        key for key, audit in audits.items()
        if audit.get("scoreDisplayMode") in {"binary", "numeric"} and audit.get("score") is not None and audit["score"] < 0.9
        and key not in {"largest-contentful-paint", "first-contentful-paint", "speed-index", "total-blocking-time"}
    ]
    return {
        "scores": {name: data["categories"][name]["score"] for name in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "failed": failed,
    }


def build_for(folder: Path, config: Path, url: str) -> Path:
    """Builds the project whose mkdocs.yml is ``config`` for ``url``, through an inheriting config."""
    local = config.parent / ".mkdocs-lighthouse.yml"
    local.write_text(f"INHERIT: {config.name}\nsite_url: {url}\n", encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(local), "-d", str(folder)],
            cwd=config.parent, capture_output=True, text=True, env=mkdocs_env(),
        )
    finally:
        local.unlink()
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return folder


def bare_project(folder: Path) -> Path:
    """Material + static-i18n and nothing else, with the home page's own text in both languages."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for language in ("fi", "en"):
        text = (ROOT / "docs" / f"index.{language}.md").read_text(encoding="utf-8")
        text = SHORTCODE.sub("", FRONT_MATTER.sub("", text))
        text = re.sub(r"\]\((?!https?:)[^)]*\)", "](#)", text)  # the bare site has no other pages
        (docs / f"index.{language}.md").write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Metodi\n"
        # font: false as on this site: Material's default loads Google Fonts, a third-party request
        # that this site does not allow and that fails at once on a machine without internet.
        "theme:\n  name: material\n  language: fi\n  font: false\n"
        "markdown_extensions: [attr_list, md_in_html]\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - {locale: fi, name: Suomi, default: true, build: true}\n"
        "        - {locale: en, name: English, build: true}\n",
        encoding="utf-8",
    )
    return folder / "mkdocs.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="*", help="page paths (default: every page of both languages)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each home page for the LCP comparison")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        sys.exit(NO_CHROMIUM)
    command = lighthouse_command()
    with tempfile.TemporaryDirectory() as temporary:
        temporary = Path(temporary)
        (temporary / "site").mkdir()
        (temporary / "bare-site").mkdir()
        host = own_host()
        tls = certificate(temporary, [host, BARE_HOST])
        ours, ours_url = serve(temporary / "site", HOSTS["ours"], host, tls)
        bare, bare_url = serve(temporary / "bare-site", HOSTS["bare"], BARE_HOST, tls)
        resolver = f"MAP {host} {HOSTS['ours']},MAP {BARE_HOST} {HOSTS['bare']}"
        build_for(temporary / "site", ROOT / "mkdocs.yml", ours_url)
        build_for(temporary / "bare-site", bare_project(temporary / "bare"), bare_url)
        print(f"this site at {ours_url}, bare Material at {bare_url} (both on loopback, HTTPS)")

        pages = args.pages or page_paths()
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, {len(pages)} pages")
        print(f"{'page':44} {'perf':>5} {'a11y':>5} {'seo':>5} {'bp':>5} {'LCP ms':>7}  below 0.9")
        worst = {name: 1.0 for name in CATEGORIES}
        for path in pages:
            result = run_lighthouse(command, ours_url + path.lstrip("/"), chromium, resolver)
            scores = result["scores"]
            for name in CATEGORIES:
                worst[name] = min(worst[name], scores[name])
            print(
                f"{path:44} {scores['performance']:5.2f} {scores['accessibility']:5.2f} {scores['seo']:5.2f} "
                f"{scores['best-practices']:5.2f} {result['lcp']:7.0f}  {', '.join(result['failed'])}",
                flush=True,
            )
        print("lowest: " + ", ".join(f"{name} {score:.2f}" for name, score in worst.items()))

        lcp = {"ours": [], "bare": []}
        for _ in range(args.runs):
            lcp["ours"].append(run_lighthouse(command, ours_url, chromium, resolver)["lcp"])
            lcp["bare"].append(run_lighthouse(command, bare_url, chromium, resolver)["lcp"])
        ours_lcp, bare_lcp = statistics.median(lcp["ours"]), statistics.median(lcp["bare"])
        ratio = ours_lcp / bare_lcp
        print(f"home page LCP, median of {args.runs} alternating runs: this site {ours_lcp:.0f} ms, "
              f"bare Material + static-i18n {bare_lcp:.0f} ms, ratio {ratio:.2f} (goal at most {LCP_RATIO_GOAL:.2f}: "
              + ("met)" if ratio <= LCP_RATIO_GOAL else "NOT met)"))
        ours.shutdown()
        bare.shutdown()


if __name__ == "__main__":
    main()

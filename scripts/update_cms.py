#!/usr/bin/env python3
"""Fetch the pinned Sveltia CMS (npm ``@sveltia/cms``) into ``admin/``, checked against the registry.

    python3 scripts/update_cms.py            # the pinned version (PINNED_VERSION below)
    python3 scripts/update_cms.py 0.222.0    # another version, to try it
    python3 scripts/update_cms.py latest     # the newest release

The CMS page ``/admin/`` loads the bundle from our own site, never from a CDN, so the bundle is kept
in git. This script downloads the package's tarball from the npm registry, refuses it unless its
sha512 equals the registry's ``dist.integrity``, and writes the bundle, its licence and the Finnish
interface strings into ``admin/``.

The bundle's stylesheet loads its three fonts (the icon font among them) from a CDN. The script
fetches the same font files from their npm packages (Fontsource, SIL Open Font License), checked the
same way, into ``admin/fonts/`` with their licences, and points the bundle's font addresses there:
that one textual change is the only difference from the published bundle. ``admin/VERSION.json``
records where everything came from and its sha256 (tests/*/test_cms.py checks the committed files
against it). To move to a new version, change PINNED_VERSION, run the script, and let the tests
decide. Standard library only.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import re
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "@sveltia/cms"
PINNED_VERSION = "0.221.1"
REGISTRY = "https://registry.npmjs.org"
ADMIN = Path(__file__).resolve().parent.parent / "admin"
NOTE = "VERSION.json"

# Where each file we keep sits in the npm tarball. The bundle has English built in and fetches every
# other interface language from a CDN; admin/index.html serves the Finnish one from locales/ instead.
FILES = {
    "sveltia-cms.js": "package/dist/sveltia-cms.js",
    "LICENSE.txt": "package/LICENSE.txt",
    "locales/fi.json": "package/locales/fi.json",
}


# A font address in the bundle: https://cdn.jsdelivr.net/fontsource/fonts/<font>[:vf]@<version>/<file>.
# ":vf" marks Fontsource's variable fonts, published on npm as @fontsource-variable/<font>.
CDN_FONT = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<font>[a-z0-9-]+)(?P<variable>:vf)?@(?P<version>[0-9.]+)"
    r"/(?P<file>[a-z0-9-]+\.woff2)"
)
FONTS_FOLDER = "fonts"


class UpdateError(Exception):
    pass


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "metodi-update-cms"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def integrity_of(data: bytes) -> str:
    """The Subresource Integrity string npm records for a tarball: ``sha512-<base64>``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def check_integrity(data: bytes, expected: str) -> None:
    sha512 = [entry for entry in expected.split() if entry.startswith("sha512-")]
    if not sha512:
        raise UpdateError(f"The registry gives no sha512 integrity for the tarball ({expected!r}).")
    if integrity_of(data) not in sha512:
        raise UpdateError(
            f"The downloaded tarball does not match the registry's integrity hash: expected "
            f"{sha512[0]}, got {integrity_of(data)}. Nothing was written."
        )


def files_from_tarball(data: bytes) -> dict[str, bytes]:
    """The files we keep, read from the tarball in memory (nothing of it touches the disk)."""
    return {name: member(data, member_name) for name, member_name in FILES.items()}


def verified_tarball(package: str, version: str) -> tuple[dict, bytes]:
    metadata = json.loads(fetch(f"{REGISTRY}/{package}/{version}"))
    tarball = fetch(metadata["dist"]["tarball"])
    check_integrity(tarball, metadata["dist"]["integrity"])
    return metadata, tarball


def member(tarball: bytes, name: str) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        try:
            return archive.extractfile(archive.getmember(name)).read()
        except KeyError:
            raise UpdateError(f"The package has no {name}: its layout has changed.") from None


def self_hosted_fonts(bundle: bytes, fetch_package=verified_tarball) -> tuple[bytes, dict[str, bytes], list[dict]]:
    """The bundle with its CDN font addresses pointed at fonts/, the font files and licences for
    fonts/, and a note of each font's source."""
    text = bundle.decode("utf-8")
    files: dict[str, bytes] = {}
    sources = []
    for address in sorted(set(match.group(0) for match in CDN_FONT.finditer(text))):
        parts = CDN_FONT.fullmatch(address)
        package = ("@fontsource-variable/" if parts["variable"] else "@fontsource/") + parts["font"]
        metadata, tarball = fetch_package(package, parts["version"])
        name = f"{parts['font']}-{parts['file']}"
        files[f"{FONTS_FOLDER}/{name}"] = member(tarball, f"package/files/{name}")
        files[f"{FONTS_FOLDER}/{parts['font']}-LICENSE"] = member(tarball, "package/LICENSE")
        text = text.replace(address, f"{FONTS_FOLDER}/{name}")
        sources.append(
            {
                "replaces": address,
                "package": f"{package}@{metadata['version']}",
                "license": metadata.get("license"),
                "integrity": metadata["dist"]["integrity"],
            }
        )
    if "cdn.jsdelivr.net" in text:
        raise UpdateError("The bundle still loads something from cdn.jsdelivr.net that this script does not know.")
    return text.encode("utf-8"), files, sources


def version_note(metadata: dict, upstream_bundle: bytes, files: dict[str, bytes], fonts: list[dict]) -> dict:
    return {
        "package": PACKAGE,
        "version": metadata["version"],
        "license": metadata.get("license"),
        "tarball": metadata["dist"]["tarball"],
        "integrity": metadata["dist"]["integrity"],
        "bundle_sha256_as_published": hashlib.sha256(upstream_bundle).hexdigest(),
        "fonts": fonts,
        "files": {name: {"sha256": hashlib.sha256(content).hexdigest()} for name, content in sorted(files.items())},
    }


def write(files: dict[str, bytes], note: dict, admin: Path = ADMIN) -> None:
    for name, content in files.items():
        target = admin / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (admin / NOTE).write_text(json.dumps(note, indent=2) + "\n", encoding="utf-8")


def update(version: str) -> dict:
    metadata, tarball = verified_tarball(PACKAGE, version)
    files = files_from_tarball(tarball)
    upstream_bundle = files["sveltia-cms.js"]
    files["sveltia-cms.js"], fonts, font_sources = self_hosted_fonts(upstream_bundle)
    files.update(fonts)
    note = version_note(metadata, upstream_bundle, files, font_sources)
    shutil.rmtree(ADMIN / FONTS_FOLDER, ignore_errors=True)
    write(files, note)
    return note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("version", nargs="?", default=PINNED_VERSION, help=f"default: {PINNED_VERSION}; or 'latest'")
    version = parser.parse_args(argv).version
    try:
        note = update(version)
    except (UpdateError, OSError, KeyError, ValueError) as error:
        print(f"update_cms: {error}", file=sys.stderr)
        return 1
    print(f"{PACKAGE} {note['version']} ({note['integrity']}) written to {ADMIN.relative_to(ADMIN.parent)}/")
    for name, entry in note["files"].items():
        print(f"  {name}  {(ADMIN / name).stat().st_size:>9} bytes  sha256 {entry['sha256']}")
    if note["version"] != PINNED_VERSION:
        print(
            f"Now set PINNED_VERSION = \"{note['version']}\" in scripts/update_cms.py "
            "(tests/*/test_cms.py checks that they agree)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

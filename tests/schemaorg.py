"""A small offline validator of JSON-LD against the schema.org vocabulary (tests/vendor/schemaorg/).

It checks what schema.org itself defines, the way its own validator reads the vocabulary:

- every ``@type`` is a schema.org class, not superseded (``supersededBy``) and not deprecated (a few
  retired terms, such as ``ProfessionalService``, say so only in their definition);
- every property is a schema.org property, not superseded or deprecated, whose ``domainIncludes``
  holds the node's type or one of its supertypes;
- every value fits the property's ``rangeIncludes``: a nested node's type is that class or a subclass
  of it, a reference by ``@id`` points to a node of such a class where the document holds it, and a
  literal fits a data type (``true``/``false`` → Boolean, a JSON number → Number, a string → Text or its
  subtypes, a URL only where it is absolute, a numeric string where Number is allowed).

Terms that schema.org still lists as "pending" are reported, so a test can name the ones it accepts.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

VOCABULARY = Path(__file__).parent / "vendor" / "schemaorg" / "schemaorg-current-https.jsonld.gz"
CONTEXT = "https://schema.org"
PENDING = "https://pending.schema.org"
# schema.org Date (ISO 8601 date), or a DateTime given as a date and a time.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?")
DATA_TYPES = {"Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime", "Time"}
NUMBER = re.compile(r"-?\d+(\.\d+)?")
ABSOLUTE_URL = re.compile(r"https?://[^\s/]+\S*")
DEPRECATED = re.compile(r"\bdeprecated\b", re.IGNORECASE)


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [item["@id"].removeprefix("schema:") for item in items if item["@id"].startswith("schema:")]


def _types(node: dict) -> list[str]:
    value = node.get("@type", [])
    return value if isinstance(value, list) else [value]


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)


class Vocabulary:
    def __init__(self, path: Path = VOCABULARY):
        graph = json.loads(gzip.decompress(path.read_bytes()))["@graph"]
        self.terms = {
            node["@id"].removeprefix("schema:"): node for node in graph if node["@id"].startswith("schema:")
        }

    def is_class(self, name: str) -> bool:
        return name in self.terms and "rdfs:Class" in _types(self.terms[name])

    def is_property(self, name: str) -> bool:
        return name in self.terms and "rdf:Property" in _types(self.terms[name])

    def supertypes(self, name: str) -> set[str]:
        """The class and every class above it."""
        found, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in found or current not in self.terms:
                continue
            found.add(current)
            todo.extend(_ids(self.terms[current].get("rdfs:subClassOf")))
        return found

    @cached_property
    def data_types(self) -> set[str]:
        return {name for name in self.terms if self.is_class(name) and self.supertypes(name) & DATA_TYPES}

    def retired(self, name: str) -> str | None:
        term = self.terms[name]
        if "schema:supersededBy" in term:
            return f"superseded by {', '.join(_ids(term['schema:supersededBy']))}"
        comment = term.get("rdfs:comment", "")
        if DEPRECATED.search(comment if isinstance(comment, str) else json.dumps(comment)):
            return "deprecated"
        return None

    def is_pending(self, name: str) -> bool:
        part = self.terms[name].get("schema:isPartOf")
        return bool(part) and part.get("@id") == PENDING

    # ------------------------------------------------------------------ checking

    def check(self, document: dict) -> Report:
        report = Report()
        if document.get("@context") != CONTEXT:
            report.problems.append(f"@context is {document.get('@context')!r}, expected {CONTEXT!r}")
        nodes = document["@graph"] if "@graph" in document else [document]
        known = {}
        for node in self._all_nodes(nodes):
            if "@id" in node and "@type" in node:
                known.setdefault(node["@id"], set()).update(_types(node))
        for node in nodes:
            self._check_node(node, "$", known, report)
        return report

    def _all_nodes(self, value: Any):
        if isinstance(value, list):
            for item in value:
                yield from self._all_nodes(item)
        elif isinstance(value, dict):
            yield value
            for key, item in value.items():
                if not key.startswith("@"):
                    yield from self._all_nodes(item)

    def _use(self, name: str, where: str, report: Report) -> bool:
        if name not in self.terms:
            report.problems.append(f"{where}: '{name}' is not a schema.org term")
            return False
        why = self.retired(name)
        if why:
            report.problems.append(f"{where}: '{name}' is {why}")
        if self.is_pending(name):
            report.pending.add(name)
        return True

    def _check_node(self, node: dict, where: str, known: dict, report: Report) -> None:
        types = _types(node)
        if not types:
            report.problems.append(f"{where}: a node without @type")
            return
        supertypes: set[str] = set()
        for name in types:
            if self._use(name, f"{where}/@type", report):
                if not self.is_class(name):
                    report.problems.append(f"{where}: '{name}' is not a class")
                report.types.add(name)
                supertypes |= self.supertypes(name)
        if "@id" in node and not ABSOLUTE_URL.fullmatch(str(node["@id"])):
            report.problems.append(f"{where}/@id: {node['@id']!r} is not an absolute URL")
        for key, value in node.items():
            if key.startswith("@"):
                if key not in {"@context", "@type", "@id"}:
                    report.problems.append(f"{where}: unexpected keyword {key}")
                continue
            path = f"{where}/{key}"
            if not self._use(key, path, report):
                continue
            if not self.is_property(key):
                report.problems.append(f"{path}: '{key}' is not a property")
                continue
            domains = set(_ids(self.terms[key].get("schema:domainIncludes")))
            if not domains & supertypes:
                report.problems.append(f"{path}: '{key}' is not defined for {', '.join(types)}")
            ranges = set(_ids(self.terms[key].get("schema:rangeIncludes")))
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                self._check_value(item, ranges, f"{path}[{index}]" if isinstance(value, list) else path, known, report)

    def _check_value(self, value: Any, ranges: set[str], where: str, known: dict, report: Report) -> None:
        allowed = set().union(*(self._subtypes_in(name) for name in ranges)) if ranges else set()
        if isinstance(value, dict):
            if set(value) == {"@id"}:
                target = known.get(value["@id"])
                classes = {name for name in ranges if name not in self.data_types}
                if not classes and "URL" not in ranges:
                    report.problems.append(f"{where}: a reference where {sorted(ranges)} is expected")
                elif target and not any(self.supertypes(name) & ranges for name in target):
                    report.problems.append(f"{where}: points to a {sorted(target)}, expected {sorted(ranges)}")
                return
            if not any(self.supertypes(name) & ranges for name in _types(value) if name in self.terms):
                report.problems.append(f"{where}: a {_types(value)} where {sorted(ranges)} is expected")
            self._check_node(value, where, known, report)
            return
        if isinstance(value, bool):
            fits = "Boolean" in allowed
        elif isinstance(value, (int, float)):
            fits = bool(allowed & {"Number", "Integer", "Float"})
        elif isinstance(value, str):
            fits = bool(allowed & ({"Text"} | self._subtypes_in("Text")) - {"URL"}) or (
                "URL" in allowed and bool(ABSOLUTE_URL.fullmatch(value))
            ) or (bool(allowed & {"Number", "Float"}) and bool(NUMBER.fullmatch(value))) or (
                bool(allowed & {"Date", "DateTime"}) and bool(ISO_DATE.fullmatch(value))
            )
        else:
            fits = False
        if not fits:
            report.problems.append(f"{where}: {value!r} does not fit {sorted(ranges)}")

    def _subtypes_in(self, name: str) -> set[str]:
        """``name`` and the data types below it (Text → URL, CssSelectorType, …)."""
        return {other for other in self.data_types if name in self.supertypes(other)} | {name}

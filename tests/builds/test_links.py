"""hooks/website/links.py: MkDocs' broken-link message rewritten in plain words (the built case:
test_staff_errors): the parts that build their own copy of the project (the rest, and what is
checked and why: tests/unit/test_links.py).

Layer: each test builds its own copy of the project.
"""

from __future__ import annotations



def test_a_renamed_section_is_named_where_it_was_renamed(project_copy, tmp_path):
    """Renaming a heading's {#id} breaks the links to it: the message names that heading to restore."""
    from harness import build_site

    page = project_copy / "docs" / "yhteystiedot.fi.md"
    text = page.read_text(encoding="utf-8")
    others = "".join(path.read_text(encoding="utf-8") for path in (project_copy / "docs").glob("*.fi.md"))
    headings = [line for line in text.splitlines() if line.startswith("#") and "{#" in line]
    ids = [heading[heading.index("{#") + 2 : heading.index("}", heading.index("{#"))] for heading in headings]
    linked = [(heading, anchor) for heading, anchor in zip(headings, ids) if f"yhteystiedot.md#{anchor})" in others]
    assert linked, "no Finnish page links to a named section of the contact page"
    heading, anchor = linked[0]
    line = text.splitlines().index(heading) + 1
    page.write_text(text.replace("{#" + anchor + "}", "{#" + anchor + "-x}", 1), encoding="utf-8")
    build = build_site(tmp_path / "site", cwd=project_copy)
    assert build.returncode != 0
    assert (
        f"Jos kohdan nimi on juuri muutettu sivulla docs/yhteystiedot.fi.md (rivi {line}: {{#{anchor}-x}}), "
        f"palauta se muotoon {{#{anchor}}}"
    ) in build.output, build.output

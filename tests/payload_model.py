"""A model whose every text is an attack on some output: the payload model.

Names, descriptions, purposes, titles, reasons and tags carry script tags, event handlers,
`javascript:` links, SVG with script, Markdown link and image injection, Jinja syntax, table
pipes and line breaks, and spreadsheet formulas. Every script payload calls
`window.__pwned(...)`, so a browser test only has to define that function and see whether
anything called it. The model itself is valid: it loads and renders like any other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SCRIPT = "<script>window.__pwned('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned('img')\">"
SVG = "<svg onload=\"window.__pwned('svg')\"><script>window.__pwned('svg-script')</script></svg>"
HTML_LINK = "<a href=\"javascript:window.__pwned('a')\">html link</a>"
MD_LINK = "[md link](javascript:window.__pwned('md-link'))"
MD_IMAGE = "![md image](javascript:window.__pwned('md-image'))"
MD_AUTOLINK = "<javascript:window.__pwned('autolink')>"
ATTRIBUTE = "text{: onclick=\"window.__pwned('attr')\" }"
JINJA = "{{ 7*7 }} {% if true %}jinja-ran{% endif %}"
PIPES = "left | right || end"
LINES = "first line\nsecond line\r\nthird line"
FORMULAS = ["=1+1", '=HYPERLINK("http://example.invalid","x")', "+1+1", "-1+2", "@SUM(1)", "\t=1"]
FORMULAS += ["\r=1"]

# Everything above in one text, for the fields that take any text.
EVERYTHING = " ".join([SCRIPT, IMG, SVG, HTML_LINK, MD_LINK, MD_IMAGE, MD_AUTOLINK, ATTRIBUTE])
EVERYTHING += f" {JINJA} {PIPES}\n{LINES}"

# What no output may contain where a reader's program would act on it.
SCRIPT_MARKERS = ("<script", "onerror=", "onload=", "onclick=", "javascript:")


def _system(system_id: str, name: str, description: str, **more: Any) -> dict[str, Any]:
    return {"id": system_id, "name": name, "kind": "national", "owner": "ORG", **more} | {
        "description": description
    }


def payload_files() -> dict[str, Any]:
    """The model's files as data: file name -> content."""
    manifest = {
        "archlex": 1,
        "name": f"Payload {SCRIPT} {PIPES}",
        "member_state": "LV",
        "include": ["*.yaml"],
        "uses": ["eu"],
        "scope": {
            "regulations": ["2019/817", "2019/818", "LV-1"],
            "systems": ["eu.VIS"],
        },
        "waivers": [
            {
                "rule": "orphan-system",
                "target": "FORMULA",
                "reason": f"{MD_LINK} {SCRIPT} {FORMULAS[0]}",
                "expires": "2030-01-01",
            }
        ],
    }
    organisations = {
        "organisations": [
            {"id": "ORG", "name": f"Ministry {IMG}", "kind": "ministry", "roles": []},
        ]
    }
    systems = {
        "systems": [
            _system(
                "XSS",
                f"Script {SCRIPT}",
                EVERYTHING,
                zone=f"zone {IMG}",
                tags=["tag-one"],
                components=[{"id": "XSS-C", "name": SVG, "description": MD_IMAGE}],
            ),
            _system("LINKS", f"Links {MD_LINK}", f"{HTML_LINK} {MD_AUTOLINK}"),
            _system("TABLE", f"Pipes {PIPES}", LINES, zone=JINJA),
            _system("FORMULA", FORMULAS[0], FORMULAS[1]),
        ]
        + [_system(f"F-{i}", text, text) for i, text in enumerate(FORMULAS[2:])]
    }
    data = {"data": [{"id": "D1", "name": f"Data {SVG}", "personal": True, "retention": JINJA}]}
    flows = {
        "flows": [
            {
                "id": "FL-1",
                "name": f"Flow {SCRIPT}",
                "from": "XSS",
                "to": "LINKS",
                "data": ["D1"],
                "purpose": EVERYTHING,
                "process": "PR-1",
            },
            {
                "id": "FL-2",
                "name": f"Flow {PIPES}",
                "from": "LINKS",
                "to": "TABLE",
                "data": ["D1"],
                "purpose": FORMULAS[2],
                "process": "PR-1",
            },
            {
                "id": "FL-3",
                "name": FORMULAS[3],
                "from": "TABLE",
                "to": "eu.VIS",
                "via": "eu.NUI-VIS",
                "data": ["D1"],
                "purpose": LINES,
                "legal_basis": ["2019/817 Art 7(2)"],
            },
        ]
    }
    processes = {
        "processes": [
            {"id": "PR-1", "name": f"Process {IMG}", "owner": "ORG", "steps": ["FL-1", "FL-2"]}
        ]
    }
    requirements = {
        "requirements": [
            {
                "id": "REQ-1",
                "title": f"Requirement {SCRIPT} {PIPES}",
                "text": EVERYTHING,
                "satisfies": ["2019/817 Art 7(2)", "LV-1 Art 1"],
                "allocated_to": ["XSS"],
            },
            {
                "id": "REQ-2",
                "title": FORMULAS[0],
                "text": FORMULAS[4],
                "satisfies": ["2019/818 Art 7(2)"],
                "allocated_to": ["FORMULA"],
            },
        ]
    }
    roadmap = {
        "roadmap": {
            "phases": [
                {"id": "PH-1", "name": f"Phase {SVG}", "start": "2026-01-01", "end": "2026-12-31"}
            ],
            "work_packages": [
                {
                    "id": "WP-1",
                    "name": f"Work {SCRIPT} {PIPES}",
                    "description": EVERYTHING,
                    "phase": "PH-1",
                    "start": "2026-01-01",
                    "end": "2026-06-30",
                    "delivers": ["REQ-1", "REQ-2"],
                    "owner": "ORG",
                },
                {
                    "id": "WP-2",
                    "name": FORMULAS[1],
                    "start": "2026-07-01",
                    "end": "2026-12-31",
                    "depends_on": ["WP-1"],
                },
            ],
            "milestones": [
                {"id": "MS-1", "name": f"Milestone {IMG}", "date": "2027-01-01", "after": ["WP-2"]}
            ],
        }
    }
    law = {
        "regulations": [
            {
                "id": "LV-1",
                "title": f"National law {SCRIPT}",
                "short_title": f"Law {MD_LINK}",
                "articles": [{"number": "1", "title": f"Article {IMG} {PIPES}", "paragraphs": 1}],
            }
        ],
        "obligations": [
            {
                "id": "LV-OB-1",
                "provision": "LV-1 Art 1",
                "actor": "member-state",
                "summary": EVERYTHING,
            }
        ],
    }
    return {
        "archlex.yaml": manifest,
        "organisations.yaml": organisations,
        "systems.yaml": systems,
        "data.yaml": data,
        "flows.yaml": flows,
        "processes.yaml": processes,
        "requirements.yaml": requirements,
        "roadmap.yaml": roadmap,
        "law.yaml": law,
    }


def write_payload_model(folder: Path) -> Path:
    """Write the payload model into `folder` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in payload_files().items():
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=200)
        (folder / name).write_text(text, encoding="utf-8")
    return folder

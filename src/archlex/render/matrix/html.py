"""matrix.html: one standalone page, sortable and filterable, that loads nothing from anywhere.

The style and the one script are inline, and a Content-Security-Policy allows exactly those two
(by hash) and nothing else, so the page makes no request even if model text were to slip
through escaping. Every model text goes through Jinja's autoescape.
"""

from __future__ import annotations

import base64
import hashlib

import jinja2
from markupsafe import Markup

from archlex.render.matrix.rows import STATE_MEANING, STATES, Matrix

STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4d4d4d; --line: #c4c4c4;
  --head: #eef1f4; --focus: #0b57d0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
header p { margin: .25rem 0; max-width: 70rem; }
.model { font-size: 1.1rem; font-weight: 600; }
code, .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .9em; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: .4rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top;
  text-align: left; }
thead th { background: var(--head); }
.summary td, .summary thead th + th { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.summary tfoot th, .summary tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.sub { display: block; font-weight: 400; color: var(--muted); font-size: .85em; }
.state { display: inline-block; padding: .05rem .45rem; border-radius: .25rem;
  border: 1px solid currentColor; font-weight: 600; font-size: .85em; white-space: nowrap; }
.state-gap { background: #fbe0e0; color: #7a0c0c; }
.state-traced { background: #ffe6cc; color: #6b3300; }
.state-allocated { background: #fff4bf; color: #574500; }
.state-scheduled { background: #dbeafe; color: #0b3a75; }
.state-met { background: #d7f2df; color: #0c4a2a; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem;
  margin: .75rem 0 0; }
.legend dd { margin: 0; }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem 1.25rem;
  margin: .5rem 0 .75rem; }
.filters div { display: flex; flex-direction: column; gap: .15rem; }
.filters label { font-weight: 600; font-size: .9em; }
.filters select, .filters input { font: inherit; padding: .25rem .4rem; min-width: 12rem;
  border: 1px solid #767676; border-radius: .2rem; background: #fff; color: var(--ink); }
.filters input { min-width: 22rem; }
.count { margin: 0; color: var(--muted); }
/* Separate borders: a sticky header cell keeps its borders only with these. */
.matrix { width: 100%; border-collapse: separate; border-spacing: 0;
  border-top: 1px solid var(--line); border-left: 1px solid var(--line); }
.matrix th, .matrix td { border-width: 0 1px 1px 0; }
.matrix thead th { position: sticky; top: 0; z-index: 1; }
.matrix th button { all: inherit; display: inline; cursor: pointer; border: 0; padding: 0;
  box-shadow: none; position: static; }
.matrix th button::after { content: ""; display: inline-block; width: 1em; margin-left: .2em;
  color: var(--muted); }
.matrix th[aria-sort="ascending"] button::after { content: "\\25B2"; }
.matrix th[aria-sort="descending"] button::after { content: "\\25BC"; }
.matrix tbody th { font-weight: 600; }
.matrix tbody tr:nth-child(even) { background: #f7f8fa; }
.matrix .summary-text { margin: .15rem 0; white-space: pre-line; }
.matrix .wide { min-width: 20rem; }
.matrix .medium { min-width: 11rem; }
@media (max-width: 80rem) { .matrix .wide { min-width: 14rem; } .matrix .medium { min-width: 0; } }
.obligation-id { font-weight: 700; }
.meta, .note, .none { color: var(--muted); font-size: .85em; }
.items { list-style: none; margin: 0; padding: 0; }
.items li + li { margin-top: .3rem; }
.items .id { font-weight: 600; white-space: nowrap; }
button:focus-visible, select:focus-visible, input:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
.nowrap { white-space: nowrap; }
.matrix .narrow { width: 1%; }
.matrix thead th.narrow { white-space: nowrap; }
@media print { .filters { display: none !important; } .matrix thead th { position: static; } }
"""

SCRIPT = """
(() => {
  "use strict";
  const table = document.getElementById("matrix");
  const form = document.getElementById("filters");
  const regulation = document.getElementById("filter-regulation");
  const state = document.getElementById("filter-state");
  const text = document.getElementById("filter-text");
  const count = document.getElementById("filter-count");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const headers = Array.from(table.tHead.rows[0].cells);
  const collator = new Intl.Collator(document.documentElement.lang, {numeric: true});
  // Search ignores case and diacritics: readers often type Latvian names without them.
  const fold = (s) => s.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  const haystack = new Map(rows.map((row) => [row, fold(row.textContent)]));
  const position = new Map(rows.map((row, index) => [row, index]));

  function filter() {
    const words = fold(text.value).split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible = (!regulation.value || row.dataset.regulation === regulation.value)
        && (!state.value || row.dataset.state === state.value)
        && words.every((word) => haystack.get(row).includes(word));
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = `${shown} of ${rows.length} obligations shown`;
  }

  function key(row, column) {
    const cell = row.cells[column];
    return cell.dataset.sort ?? cell.textContent.trim();
  }

  function sort(column) {
    const header = headers[column];
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    const numeric = header.dataset.type === "number";
    headers.forEach((h) => h.removeAttribute("aria-sort"));
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const sorted = rows.slice().sort((a, b) => {
      const x = key(a, column);
      const y = key(b, column);
      const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      return (ascending ? order : -order) || position.get(a) - position.get(b);
    });
    body.append(...sorted);
  }

  headers.forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.append(button);
    button.addEventListener("click", () => sort(column));
  });
  form.addEventListener("input", filter);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  filter();
})();
"""

TEMPLATE = """\
{%- macro figures(f) -%}
<td>{{ f.applicable }}</td>{% for state in states %}<td>{{ f.states[state] }}</td>{% endfor -%}
<td>{{ percent(f.percent) }}</td><td>{{ percent(f.met_percent) }}</td>
{%- endmacro %}
{%- macro items(list) -%}
{% if list %}<ul class="items">{% for item in list %}<li><span class="id">{{ item.id }}</span>
{{ item.label }}{% if item.note %} <span class="note">({{ item.note }})</span>{% endif %}</li>
{% endfor %}</ul>{% else %}<span class="none">none</span>{% endif %}
{%- endmacro %}
<!DOCTYPE html>
<html lang="{{ matrix.language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ policy }}">
<title>Traceability matrix: {{ matrix.name }}</title>
<style>{{ style }}</style>
</head>
<body>
<header>
<h1>Traceability matrix</h1>
<p class="model">{{ matrix.name }}</p>
<p>Every obligation that applies to the model, from its provision to the requirements that
trace it, the systems or components they are allocated to and the work packages that deliver
them. The coverage state is the one <code>archlex check</code> computed.</p>
</header>
<main>
<section aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Coverage</h2>
<table class="summary">
<caption>Applicable obligations by coverage state, per regulation and overall</caption>
<thead><tr><th scope="col">Regulation</th><th scope="col">Applicable</th>
{% for state in states %}
<th scope="col"><span class="state state-{{ state }}">{{ state }}</span></th>
{% endfor %}<th scope="col">Traced</th><th scope="col">Met</th></tr></thead>
<tbody>
{% for part in matrix.regulations %}
<tr><th scope="row">{{ part.id }}<span class="sub">{{ part.title }}</span></th>
{{ figures(part.figures) }}</tr>
{% endfor %}
</tbody>
<tfoot><tr><th scope="row">Overall</th>{{ figures(matrix.overall) }}</tr></tfoot>
</table>
<dl class="legend">
{% for state, meaning in meanings %}
<dt><span class="state state-{{ state }}">{{ state }}</span></dt><dd>{{ meaning }}</dd>
{% endfor %}
</dl>
</section>
<section aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Obligations</h2>
<form id="filters" class="filters" role="search" aria-label="Filter the obligations" hidden>
<div><label for="filter-regulation">Regulation</label>
<select id="filter-regulation"><option value="">All regulations</option>
{% for part in matrix.regulations %}<option value="{{ part.id }}">{{ part.id }}</option>
{% endfor %}</select></div>
<div><label for="filter-state">Coverage state</label>
<select id="filter-state"><option value="">All states</option>
{% for state in states %}<option value="{{ state }}">{{ state }}</option>
{% endfor %}</select></div>
<div><label for="filter-text">Search</label>
<input id="filter-text" type="search" autocomplete="off" placeholder="id, words, system"></div>
<p id="filter-count" class="count" aria-live="polite"></p>
</form>
<table id="matrix" class="matrix">
<caption>{{ rows|length }} applicable obligations, one row each; a column heading sorts
by that column</caption>
<thead><tr>
<th scope="col" class="narrow" data-type="number" aria-sort="ascending">Provision</th>
<th scope="col" class="wide">Obligation</th>
<th scope="col" class="narrow">Deadline</th>
<th scope="col" class="narrow" data-type="number">State</th>
<th scope="col" class="medium">Requirements</th>
<th scope="col" class="medium">Systems and components</th>
<th scope="col" class="medium">Work packages</th>
</tr></thead>
<tbody>
{% for row in rows %}
<tr data-regulation="{{ row.regulation }}" data-state="{{ row.state }}">
{% set regulation, _, article = row.provision.partition(" ") %}
<th scope="row" data-sort="{{ row.position }}">{{ regulation }}
<span class="nowrap">{{ article }}</span></th>
<td data-sort="{{ row.obligation }}"><span class="id obligation-id">{{ row.obligation }}</span>
<p class="summary-text">{{ row.summary }}</p>
<span class="meta">{{ row.actor }}
{%- if not row.verified %} · summary unverified{% endif %}</span></td>
<td class="nowrap" data-sort="{{ row.deadline or '9999-12-31' }}">
{%- if row.deadline %}{{ row.deadline }}{% else %}<span class="none">none</span>{% endif -%}
</td>
<td data-sort="{{ row.state.rank }}">
<span class="state state-{{ row.state }}">{{ row.state }}</span></td>
<td>{{ items(row.requirements) }}</td>
<td>{{ items(row.systems) }}</td>
<td>{{ items(row.work_packages) }}</td>
</tr>
{% endfor %}
</tbody>
</table>
</section>
</main>
<script>{{ script }}</script>
</body>
</html>
"""

_ENVIRONMENT = jinja2.Environment(
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def matrix_html(matrix: Matrix) -> str:
    """The standalone page: coverage summary, then the filterable, sortable matrix."""
    template = _ENVIRONMENT.from_string(TEMPLATE)
    return template.render(
        matrix=matrix,
        rows=matrix.rows,
        states=[s.value for s in STATES],
        meanings=[(s.value, STATE_MEANING[s]) for s in STATES],
        percent=_percent,
        policy=Markup(content_security_policy()),  # our constant: quotes inside "" are fine
        style=Markup(STYLE),  # our constant, hashed into the policy
        script=Markup(SCRIPT),  # our constant, hashed into the policy
    )


def content_security_policy() -> str:
    """Nothing may load; only our inline style and script (by their hashes) may apply."""
    return (
        "default-src 'none'; "
        f"style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; "
        "base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _percent(value: float) -> str:
    return f"{value:.1f}\u00a0%"

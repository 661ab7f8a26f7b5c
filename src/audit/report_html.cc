// One self-contained HTML page: summary cards, a severity bar chart and the framework checklists
// drawn here, the findings table drawn by a small inline script from the JSON report embedded in
// the page. A Content-Security-Policy forbids every fetch, so the page works offline and leaks nothing.
#include <fmt/format.h>

#include <algorithm>

#include "base/safe_text.h"
#include "base/version.h"
#include "audit/report.h"
#include "audit/report_util.h"
#include "escalation/graph.h"
#include "escalation/report_html.h"
#include "snapshot/completeness.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--fg:#1d232a;--muted:#5b6570;--bg:#f6f7f9;--card:#fff;--line:#dde1e6;--critical:#a4161a;--high:#d9480f;
--medium:#c98a00;--low:#1c6fb5;--info:#6c757d;--pass:#2b8a3e;--fail:#c92a2a;--ne:#868e96;--muted-st:#6f42c1}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#1f2933;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:21px;font-weight:600}
header .meta{margin:0;color:#c8d0d8;font-size:13px}
main{padding:18px 28px 40px;max-width:1400px}
h2{font-size:16px;margin:26px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:130px;border-top:4px solid var(--line)}
.card .value{font-size:24px;font-weight:650}
.card .label{color:var(--muted);font-size:12px}
.card.score{border-top-color:#364fc7;max-width:260px}
.c-critical{border-top-color:var(--critical)}.c-high{border-top-color:var(--high)}.c-medium{border-top-color:var(--medium)}
.c-low{border-top-color:var(--low)}.c-info{border-top-color:var(--info)}
.c-PASS{border-top-color:var(--pass)}.c-NOT_EVALUATED{border-top-color:var(--ne)}.c-MUTED{border-top-color:var(--muted-st)}
svg.bars text{font-size:12px;fill:var(--fg)}
.framework{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:0 0 8px;padding:8px 14px}
.framework summary{cursor:pointer}
.checklist{list-style:none;margin:8px 0 4px;padding:0}
.checklist li{padding:3px 0;border-top:1px solid #eef0f2}
.mark{display:inline-block;width:1.4em;text-align:center;font-weight:700}
.m-PASS{color:var(--pass)}.m-FAIL{color:var(--fail)}.m-NOT_EVALUATED{color:var(--ne)}.m-MANUAL{color:var(--muted)}
.req-id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;color:var(--muted);margin-right:6px}
.req-checks{display:block;margin-left:1.4em;overflow-wrap:anywhere}
.req-checks a{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;color:var(--muted);margin-right:8px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:8px}
.filters input,.filters select{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
.filters input{min-width:260px}
#shown{color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef0f2;vertical-align:top}
th{background:#eef1f4;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \25B2";font-size:10px}th[aria-sort=descending]::after{content:" \25BC";font-size:10px}
tr.finding{cursor:pointer}tr.finding:hover{background:#f3f6fa}
td.check{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
td.check .title{font-family:system-ui,sans-serif;color:var(--muted);font-size:12px}
td.resource{overflow-wrap:anywhere;min-width:110px;max-width:320px}
td.message{overflow-wrap:anywhere}
.sev,.st,.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}
.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.st-PASS{background:var(--pass)}.st-FAIL{background:var(--fail)}.st-NOT_EVALUATED{background:var(--ne)}.st-MUTED{background:var(--muted-st)}
.badge{background:#364fc7;margin-left:6px}
tr.detail td{background:#fafbfc;padding:10px 16px}
tr.detail dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:4px 14px}
tr.detail dt{font-weight:600;color:var(--muted)}tr.detail dd{margin:0}
tr.detail pre{margin:0;padding:8px;background:#1f2933;color:#e9ecef;border-radius:6px;overflow-x:auto;white-space:pre-wrap}
tr.detail ul{margin:0;padding-left:18px}
ul.plain{padding-left:18px}
.empty{color:var(--muted);text-align:center;padding:16px}
@media print{header{background:none;color:#000}.filters{display:none}}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  var STATUSES = ['FAIL', 'MUTED', 'NOT_EVALUATED', 'PASS'];
  var checks = {};
  data.checks.forEach(function (c) { checks[c.id] = c; });
  var added = {};
  if (data.baseline) data.baseline.new.forEach(function (b) { added[b.check + '\n' + b.resource] = true; });
  var text = document.getElementById('filter-text');
  var severity = document.getElementById('filter-severity');
  var status = document.getElementById('filter-status');
  var body = document.querySelector('#findings tbody');
  var shown = document.getElementById('shown');
  var defaultStatus = data.summary.by_status.FAIL ? 'FAIL' : 'all';
  var state = {};

  function rank(list, value) { var i = list.indexOf(value); return i < 0 ? list.length : i; }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function key(r, k) {
    if (!k) return 0;  // no column chosen: failures first, then by severity
    if (k === 'severity') return rank(SEVERITIES, r.severity);
    if (k === 'status') return rank(STATUSES, r.status);
    if (k === 'resource') return (r.resource_name || r.resource).toLowerCase();
    return String(r[k] || '').toLowerCase();
  }
  function compare(a, b) {
    var c = cmp(key(a, state.sort), key(b, state.sort));
    if (state.desc) c = -c;
    return c || rank(STATUSES, a.status) - rank(STATUSES, b.status) ||
      rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) || cmp(a.check, b.check) || cmp(a.resource, b.resource);
  }
  function matches(r) {
    if (state.severity && r.severity !== state.severity) return false;
    if (state.status !== 'all' && r.status !== state.status) return false;
    if (!state.q) return true;
    var hay = [r.check, r.title, r.severity, r.status, r.resource, r.resource_name, r.message]
      .concat(r.evidence).join('\n').toLowerCase();
    return state.q.toLowerCase().split(/\s+/).every(function (w) { return hay.indexOf(w) >= 0; });
  }

  // The fragment holds the filters: #q=root&severity=high&status=all&sort=-resource. "filter=" takes a
  // severity, a status or free text.
  function readHash() {
    state = {q: '', severity: '', status: defaultStatus, sort: '', desc: false};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var i = pair.indexOf('='), k, v;
      if (i < 1) return;
      k = pair.slice(0, i);
      try { v = decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' ')); } catch (e) { return; }
      if (k === 'filter' && SEVERITIES.indexOf(v.toLowerCase()) >= 0) { k = 'severity'; v = v.toLowerCase(); }
      else if (k === 'filter' && STATUSES.indexOf(v.toUpperCase()) >= 0) { k = 'status'; v = v.toUpperCase(); }
      if (k === 'q' || k === 'filter') state.q = v.trim();
      else if (k === 'severity' && SEVERITIES.indexOf(v) >= 0) state.severity = v;
      else if (k === 'status' && (v === 'all' || STATUSES.indexOf(v) >= 0)) state.status = v;
      else if (k === 'sort') { state.desc = v.charAt(0) === '-'; state.sort = v.replace(/^-/, ''); }
    });
    if (['check', 'severity', 'status', 'resource', 'message'].indexOf(state.sort) < 0) state.sort = '';
    text.value = state.q;
    severity.value = state.severity;
    status.value = state.status;
  }
  function writeHash() {
    var parts = [];
    if (state.q) parts.push('q=' + encodeURIComponent(state.q));
    if (state.severity) parts.push('severity=' + state.severity);
    parts.push('status=' + state.status);
    if (state.sort) parts.push('sort=' + (state.desc ? '-' : '') + state.sort);
    try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* some browsers refuse it for file: pages */ }
  }

  function add(parent, tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined) el.textContent = content;
    parent.appendChild(el);
    return el;
  }
  function item(dl, label, value) {
    if (!value) return null;
    add(dl, 'dt', '', label);
    return add(dl, 'dd', '', value);
  }
  function code(dl, label, value) {
    if (!value) return;
    add(dl, 'dt', '', label);
    add(add(dl, 'dd'), 'pre', '', value);
  }
  function list(dl, label, values, links) {
    if (!values || !values.length) return;
    add(dl, 'dt', '', label);
    var ul = add(add(dl, 'dd'), 'ul');
    values.forEach(function (v) {
      var li = add(ul, 'li');
      if (links && /^https:\/\//.test(v)) {
        var a = add(li, 'a', '', v);
        a.href = v;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      } else {
        li.textContent = v;
      }
    });
  }
  function details(r) {
    var tr = document.createElement('tr');
    tr.className = 'detail';
    var td = add(tr, 'td');
    td.colSpan = 5;
    var dl = add(td, 'dl');
    var c = checks[r.check] || {};
    var fix = c.remediation || {};
    item(dl, 'Resource', r.resource);
    item(dl, 'Why', r.message);
    list(dl, 'Evidence', r.evidence);
    item(dl, 'Muted because', r.mute_reason);
    if (r.location) item(dl, 'Found in', r.location.file + (r.location.line ? ':' + r.location.line : '') +
      (r.location.pointer ? ' ' + r.location.pointer : ''));
    item(dl, 'Check', c.description);
    item(dl, 'Risk', c.risk);
    item(dl, 'Fix', fix.text);
    code(dl, 'AWS CLI', fix.cli);
    code(dl, 'Terraform', fix.terraform);
    list(dl, 'References', c.references, true);
    return tr;
  }
  function toggle(tr, r) {
    var next = tr.nextSibling;
    if (next && next.className === 'detail') {
      next.parentNode.removeChild(next);
      tr.setAttribute('aria-expanded', 'false');
    } else {
      tr.parentNode.insertBefore(details(r), next);
      tr.setAttribute('aria-expanded', 'true');
    }
  }
  function row(r) {
    var tr = add(body, 'tr', 'finding');
    tr.tabIndex = 0;
    tr.setAttribute('data-severity', r.severity);
    tr.setAttribute('data-status', r.status);
    tr.setAttribute('aria-expanded', 'false');
    var check = add(tr, 'td', 'check', r.check);
    if (added[r.check + '\n' + r.resource]) add(check, 'span', 'badge', 'new');
    add(check, 'div', 'title', r.title);
    add(add(tr, 'td'), 'span', 'sev sev-' + r.severity, r.severity);
    add(add(tr, 'td'), 'span', 'st st-' + r.status, r.status);
    add(tr, 'td', 'resource', r.resource_name || r.resource).title = r.resource;
    add(tr, 'td', 'message', r.message);
    tr.addEventListener('click', function () { toggle(tr, r); });
    tr.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(tr, r); }
    });
  }
  function render() {
    var rows = data.results.filter(matches).sort(compare);
    body.textContent = '';
    rows.forEach(row);
    if (!rows.length) add(add(body, 'tr'), 'td', 'empty', 'No result matches the filters.').colSpan = 5;
    shown.textContent = rows.length + ' of ' + data.results.length + ' results';
    Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (th) {
      var k = th.getAttribute('data-key');
      if (k === state.sort) th.setAttribute('aria-sort', state.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }
  function changed() { render(); writeHash(); }

  text.addEventListener('input', function () { state.q = text.value.trim(); changed(); });
  severity.addEventListener('change', function () { state.severity = severity.value; changed(); });
  status.addEventListener('change', function () { state.status = status.value; changed(); });
  Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (th) {
    function sort() {
      var k = th.getAttribute('data-key');
      state.desc = state.sort === k ? !state.desc : false;
      state.sort = k;
      changed();
    }
    th.tabIndex = 0;
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
  });
  window.addEventListener('hashchange', function () { readHash(); render(); });
  readHash();
  render();
})();
)js";

// Every text on the page: control characters made visible (safe_text), then HTML-escaped.
std::string escape(std::string_view text) { return html_text(text); }

// JSON placed in a <script> element: '<', '>' and '&' appear only inside JSON strings, where the
// \u escapes mean the same, so "</script>" in the data cannot close the element.
std::string script_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

void card(std::string& out, std::string_view cls, std::string_view value, std::string_view label, std::string_view sub = {}) {
  fmt::format_to(std::back_inserter(out), "<div class=\"card {}\"><div class=\"value\">{}</div><div class=\"label\">{}</div>{}</div>\n",
                 cls, escape(value), escape(label), sub.empty() ? "" : "<div class=\"label\">" + escape(sub) + "</div>");
}

void cards(std::string& out, const AuditReport& r) {
  out += "<section class=\"cards\" id=\"summary\">\n";
  for (const FrameworkResult& fw : r.frameworks)
    card(out, "score", score_label(fw), fmt::format("{} {}", fw.framework->name, fw.framework->version),
         fmt::format("{} passed · {} failed · {} not evaluated", fw.passed, fw.failed, fw.not_evaluated));
  for (Severity s : kSeveritiesDescending)
    card(out, fmt::format("c-{}", severity_name(s)), std::to_string(r.counts.fail_by_severity[static_cast<size_t>(s)]),
         fmt::format("FAIL {}", severity_name(s)));
  card(out, "c-PASS", std::to_string(r.counts.pass), "PASS");
  card(out, "c-NOT_EVALUATED", std::to_string(r.counts.not_evaluated), "NOT_EVALUATED");
  card(out, "c-MUTED", std::to_string(r.counts.muted), "MUTED");
  out += "</section>\n";
}

std::string_view bar_color(Severity s) {
  switch (s) {
    case Severity::kCritical: return "#a4161a";
    case Severity::kHigh: return "#d9480f";
    case Severity::kMedium: return "#c98a00";
    case Severity::kLow: return "#1c6fb5";
    case Severity::kInfo: break;
  }
  return "#6c757d";
}

// Horizontal bars, one per severity, scaled to the largest count.
void bar_chart(std::string& out, const StatusCounts& counts) {
  constexpr int kRow = 26, kLabel = 70, kMaxBar = 380;
  size_t most = 1;
  for (size_t n : counts.fail_by_severity) most = std::max(most, n);
  const int height = kRow * 5 + 6;
  fmt::format_to(std::back_inserter(out),
                 "<section><h2>Failures by severity</h2>\n<svg class=\"bars\" width=\"520\" height=\"{0}\" viewBox=\"0 0 520 {0}\" "
                 "role=\"img\" aria-label=\"Failing results by severity\">\n",
                 height);
  int y = 4;
  for (Severity s : kSeveritiesDescending) {
    size_t n = counts.fail_by_severity[static_cast<size_t>(s)];
    int width = static_cast<int>(static_cast<double>(n) / static_cast<double>(most) * kMaxBar);
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"0\" y=\"{0}\">{1}</text><rect x=\"{2}\" y=\"{3}\" width=\"{4}\" height=\"18\" rx=\"3\" fill=\"{5}\"/>"
                   "<text x=\"{6}\" y=\"{0}\">{7}</text>\n",
                   y + 14, severity_name(s), kLabel, y, width, bar_color(s), kLabel + width + 6, n);
    y += kRow;
  }
  out += "</svg></section>\n";
}

std::string_view mark(RequirementStatus s) {
  switch (s) {
    case RequirementStatus::kPass: return "&#10003;";  // check mark
    case RequirementStatus::kFail: return "&#10007;";  // ballot x
    case RequirementStatus::kNotEvaluated: return "?";
    case RequirementStatus::kManual: break;
  }
  return "&#8211;";  // en dash: to be assessed by hand
}

// One collapsible checklist per framework; iamwarden's own checklist (or the only one) open.
// Who can become administrator, drawn by Graphviz (the paths of iam_principal_no_privilege_escalation).
void escalation_graph(std::string& out, const AuditReport& r) {
  if (!r.escalation) return;
  const escalation::Drawing drawing = escalation::draw_paths(*r.escalation, {}, 150);
  if (drawing.svg.empty() && drawing.note.empty()) return;  // nobody can become administrator
  out += "<section id=\"escalation\"><h2>Privilege-escalation paths</h2>\n";
  if (!drawing.svg.empty()) out += "<div class=\"framework\" style=\"overflow:auto\">" + drawing.svg + "</div>\n";
  else out += "<p>" + escape(drawing.note) + "</p>\n";
  out += "<p>Each principal that can become administrator, with its shortest path (dashed: under conditions); "
         "the failures of <code>iam_principal_no_privilege_escalation</code> list the requests. "
         "<code>iamwarden paths DIR --fix</code> finds the edits that cut them all.</p></section>\n";
}

void checklists(std::string& out, const AuditReport& r) {
  if (r.frameworks.empty()) return;
  out += "<section id=\"frameworks\"><h2>Frameworks</h2>\n";
  for (const FrameworkResult& fw : r.frameworks) {
    const bool open = fw.framework->id == "iam-best-practices" || r.frameworks.size() == 1;
    fmt::format_to(std::back_inserter(out),
                   "<details class=\"framework\" id=\"fw-{}\"{}><summary><b>{} {}</b> &#8212; {} ({} passed, {} failed, "
                   "{} not evaluated, {} manual)</summary>\n<ul class=\"checklist\">\n",
                   escape(fw.framework->id), open ? " open" : "", escape(fw.framework->name), escape(fw.framework->version),
                   score_label(fw), fw.passed, fw.failed, fw.not_evaluated, fw.manual);
    for (const RequirementResult& req : fw.requirements) {
      std::string_view status = requirement_status_name(req.status);
      fmt::format_to(std::back_inserter(out),
                     "<li data-status=\"{0}\"><span class=\"mark m-{0}\" title=\"{0}\">{1}</span><span class=\"req-id\">{2}</span>{3}",
                     status, mark(req.status), escape(req.requirement->id), escape(req.requirement->title));
      if (req.failed) fmt::format_to(std::back_inserter(out), " ({} failing)", req.failed);
      for (size_t k = 0; k < req.parameters.size(); ++k)  // the parameters its checks ran with
        fmt::format_to(std::back_inserter(out), "{}{}={}{}", k ? ", " : " <span class=\"req-params\">(",
                       escape(req.parameters[k].first), escape(req.parameters[k].second),
                       k + 1 == req.parameters.size() ? ")</span>" : "");
      out += "<span class=\"req-checks\">";
      for (const std::string& id : req.requirement->checks)
        fmt::format_to(std::back_inserter(out), "<a href=\"#q={0}&amp;status=all\">{0}</a>", escape(id));
      out += "</span></li>\n";
    }
    out += "</ul></details>\n";
  }
  out += "</section>\n";
}

void baseline_section(std::string& out, const BaselineDiff& diff) {
  fmt::format_to(std::back_inserter(out),
                 "<section id=\"baseline\"><h2>Changes since the baseline</h2>\n<p>Compared with {}: {} new, {} resolved, "
                 "{} still failing.</p>\n",
                 escape(diff.file), diff.added.size(), diff.resolved.size(), diff.unchanged);
  std::vector<const Finding*> added = diff.added;
  sort_by_severity(added);
  auto entry = [&](std::string_view severity, std::string_view check, std::string_view resource, std::string_view message) {
    fmt::format_to(std::back_inserter(out), "<li><span class=\"sev sev-{0}\">{0}</span> <code>{1}</code> {2}: {3}</li>\n",
                   escape(severity), escape(check), escape(resource), escape(message));
  };
  if (!added.empty()) {
    out += "<h3>New failures</h3><ul class=\"plain\" id=\"baseline-new\">\n";
    for (const Finding* f : added) entry(severity_name(f->severity), f->check->id, f->resource, f->message);
    out += "</ul>\n";
  }
  if (!diff.resolved.empty()) {
    out += "<h3>Resolved</h3><ul class=\"plain\" id=\"baseline-resolved\">\n";
    for (const BaselineFinding& b : diff.resolved) entry(b.severity, b.check, b.resource, b.message);
    out += "</ul>\n";
  }
  out += "</section>\n";
}

void findings_table(std::string& out) {
  out += R"html(<section><h2>Findings</h2>
<div class="filters">
<input id="filter-text" type="search" placeholder="Filter: check, resource, message..." aria-label="Filter text">
<select id="filter-severity" aria-label="Severity"><option value="">any severity</option><option>critical</option><option>high</option><option>medium</option><option>low</option><option>info</option></select>
<select id="filter-status" aria-label="Status"><option value="all">any status</option><option>FAIL</option><option>MUTED</option><option>NOT_EVALUATED</option><option>PASS</option></select>
<span id="shown"></span>
</div>
<table id="findings"><thead><tr><th data-key="check">Check</th><th data-key="severity">Severity</th><th data-key="status">Status</th><th data-key="resource">Resource</th><th data-key="message">Message</th></tr></thead>
<tbody></tbody></table>
<noscript><p>The findings table needs JavaScript; the same results are in the JSON report (iamwarden audit --format json).</p></noscript>
</section>
)html";
}

}  // namespace

std::string render_html(const AuditReport& report, const ReportOptions& options) {
  std::string account = report.account_id.empty() ? "unknown account" : report.account_id;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<title>iamwarden audit: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n"
      "<header><h1>IAM audit of account {0}</h1>\n<p class=\"meta\">{2} &#183; snapshot {3} &#183; configuration {4} "
      "&#183; {5} checks, {6} results &#183; iamwarden {7}</p></header>\n<main>\n",
      escape(account), kStyle, escape(iso_time(report.generated_at)), escape(report.source.empty() ? "-" : report.source),
      escape(report.config_file.empty() ? "built-in defaults" : report.config_file), report.checks_run.size(),
      report.results.size(), tool_version());
  if (!report.incomplete.empty()) {
    // First line of the file (a comment before the doctype is allowed) and first thing on the page.
    std::string headline = escape(snapshot::gaps_headline(report.incomplete));
    out = "<!-- " + headline + " -->\n" + out;
    out += "<section id=\"incomplete\" role=\"alert\" style=\"border:2px solid #c62828;padding:.5em 1em;margin:1em 0\">"
           "<p><strong>" + headline + "</strong></p><ul>\n";
    for (const std::string& gap : report.incomplete) out += "<li>" + escape(gap) + "</li>\n";
    out += "</ul></section>\n";
  }
  cards(out, report);
  bar_chart(out, report.counts);
  if (options.baseline) baseline_section(out, *options.baseline);
  checklists(out, report);
  escalation_graph(out, report);
  findings_table(out);
  if (!report.notes.empty()) {
    out += "<section id=\"notes\"><h2>Notes</h2><ul class=\"plain\">\n";
    for (const std::string& note : report.notes) out += "<li>" + escape(note) + "</li>\n";
    out += "</ul></section>\n";
  }
  out += "</main>\n<script type=\"application/json\" id=\"report-data\">";
  out += script_safe(render_json(report, options));
  out += "</script>\n<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace iamwarden::audit

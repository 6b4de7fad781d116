// attache dashboard. Every piece of data goes into the page through textContent or
// setAttribute (never parsed as HTML), and links are followed only for http(s) URLs.
"use strict";

const QUADS = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
const FILTER_KEYS = ["actor", "source", "target", "person", "cameo", "root", "quad", "plover", "from", "to", "lang", "text"];
const SVGNS = "http://www.w3.org/2000/svg";
const main = document.getElementById("main");
let actorNames = {};

// ---- building nodes -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "on") for (const [ev, f] of Object.entries(v)) n.addEventListener(ev, f);
    else n.setAttribute(k, String(v));
  }
  for (const c of children) add(n, c);
  return n;
}

function add(parent, c) {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) c.forEach((x) => add(parent, x));
  else if (c instanceof Node) parent.appendChild(c);
  else parent.appendChild(document.createTextNode(String(c)));
}

function svg(tag, attrs, ...children) {
  const n = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "on") for (const [ev, f] of Object.entries(v)) n.addEventListener(ev, f);
    else n.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c instanceof Node) n.appendChild(c);
    else if (c !== null && c !== undefined) n.appendChild(document.createTextNode(String(c)));
  }
  return n;
}

function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

function sourceLink(url, label) {
  const u = safeUrl(url);
  return u ? el("a", { href: u, class: "source-link", rel: "noopener noreferrer nofollow", target: "_blank" }, label || u) : null;
}

function name(code) {
  return actorNames[code] || code;
}

function side(names, codes, persons) {
  const list = (names && names.length ? names : (codes || "").split(";").filter(Boolean).map(name)).join(", ");
  return persons ? `${list} (${persons.split(";").join(", ")})` : list;
}

function quadChip(q) {
  return el("span", { class: `chip q${q}`, title: QUADS[q] || "" }, QUADS[q] || `quad ${q}`);
}

// ---- data ---------------------------------------------------------------------------------

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  return p.toString();
}

// ---- routing ------------------------------------------------------------------------------

function route() {
  const h = location.hash.replace(/^#\/?/, "");
  main.removeAttribute("data-ready");
  let done;
  if (h.startsWith("event/")) done = showEvent(decodeURIComponent(h.slice(6)));
  else if (h.startsWith("doc/")) done = showDocument(decodeURIComponent(h.slice(4)));
  else if (h.startsWith("search/")) done = showSearch(decodeURIComponent(h.slice(7)));
  else if (h === "docs" || h.startsWith("docs?")) done = showDocuments(new URLSearchParams(h.slice(5)));
  else done = showHome(new URLSearchParams(h.startsWith("?") ? h.slice(1) : ""));
  done
    .catch((e) => main.replaceChildren(el("section", {}, el("p", { class: "error" }, String(e.message || e)))))
    .finally(() => main.setAttribute("data-ready", "1"));
}

function go(params) {
  location.hash = "#/?" + qs(params);
}

// ---- home: filters, timeline, network, events -----------------------------------------------

async function showHome(p) {
  main.setAttribute("data-view", "home");
  const state = Object.fromEntries(p.entries());
  if (!state.pair) {
    const top = await api("/api/pairs?limit=1");
    if (top.pairs.length) state.pair = `${top.pairs[0].a},${top.pairs[0].b}`;
  }
  state.interval = state.interval || "month";
  const [a, b] = (state.pair || ",").split(",");
  const filters = {};
  for (const k of FILTER_KEYS) if (state[k]) filters[k] = state[k];

  const timeline = el("section", { id: "timeline-section" });
  const network = el("section", { id: "network-section" });
  const list = el("section", { id: "events-section" });
  main.replaceChildren(filterForm(state, a, b), el("div", { class: "grid" }, timeline, network), list);

  const scope = { pair: state.pair, from: filters.from, to: filters.to };
  await Promise.all([
    drawTimeline(timeline, scope, state.interval, a, b),
    drawNetwork(network, { from: filters.from, to: filters.to, quad: filters.quad, actor: filters.actor }, state),
    drawEvents(list, { ...filters, pair: state.pair }, Number(state.offset || 0), state),
  ]);
}

function filterForm(state, a, b) {
  const actors = Object.entries(actorNames).sort((x, y) => x[1].localeCompare(y[1]));
  const pick = (id, value) =>
    el("select", { id, name: id }, el("option", { value: "" }, "—"),
      actors.map(([code, n]) => el("option", { value: code, selected: code === value }, `${n} (${code})`)));
  const input = (k, label, ph) => el("label", {}, label, el("input", { name: k, value: state[k] || "", placeholder: ph || "" }));
  const form = el("form", { id: "filter-form" },
    el("label", {}, "Pair: first", pick("pair-a", a)),
    el("label", {}, "second", pick("pair-b", b)),
    el("label", {}, "Interval", el("select", { name: "interval" },
      ["day", "week", "month"].map((i) => el("option", { value: i, selected: i === state.interval }, i)))),
    input("actor", "Actor", "JPN"), input("source", "Source"), input("target", "Target"),
    input("person", "Person"), input("cameo", "CAMEO prefix", "04"), input("root", "Root"),
    el("label", {}, "Quad", el("select", { name: "quad" }, el("option", { value: "" }, "any"),
      [1, 2, 3, 4].map((q) => el("option", { value: q, selected: String(q) === state.quad }, QUADS[q])))),
    input("plover", "PLOVER", "CONSULT"), input("from", "From", "YYYY-MM-DD"), input("to", "To", "YYYY-MM-DD"),
    input("lang", "Language", "en"), input("text", "Words"),
    el("button", { type: "submit" }, "Apply"),
    el("button", { type: "button", on: { click: () => go({}) } }, "Reset"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    const next = {};
    for (const [k, v] of d.entries()) if (FILTER_KEYS.includes(k) || k === "interval") next[k] = String(v).trim();
    const pa = form.querySelector("#pair-a").value, pb = form.querySelector("#pair-b").value;
    if (pa && pb) next.pair = `${pa},${pb}`;
    go(next);
  });
  return el("section", { id: "filters" }, form);
}

async function drawTimeline(box, scope, interval, a, b) {
  box.replaceChildren(el("h2", {}, a && b ? `${name(a)} – ${name(b)}: cooperation and conflict by ${interval}` : "Timeline"));
  if (!scope.pair) {
    box.appendChild(el("p", { class: "muted" }, "No pair chosen."));
    return;
  }
  const data = await api("/api/series?" + qs({ ...scope, interval }));
  const buckets = data.buckets;
  if (!buckets.length) {
    box.appendChild(el("p", { class: "muted", id: "timeline-empty" }, "No dated events for this pair."));
    return;
  }
  const W = 700, H = 260, left = 34, right = 8, top = 10, bottom = 34;
  const mid = top + (H - top - bottom) / 2;
  const half = (H - top - bottom) / 2;
  const maxUp = Math.max(1, ...buckets.map((x) => x.quad[0] + x.quad[1]));
  const maxDown = Math.max(1, ...buckets.map((x) => x.quad[2] + x.quad[3]));
  const scale = half / Math.max(maxUp, maxDown);
  const step = (W - left - right) / buckets.length;
  const bw = Math.max(1, Math.min(40, step * 0.8));
  const chart = svg("svg", { id: "timeline", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img",
    "aria-label": `Events between ${name(a)} and ${name(b)} by ${interval}` });
  chart.appendChild(svg("line", { class: "axis", x1: left, x2: W - right, y1: mid, y2: mid }));
  chart.appendChild(svg("text", { x: 2, y: top + 10 }, String(Math.max(maxUp, maxDown))));
  chart.appendChild(svg("text", { x: 2, y: mid - 4 }, "coop."));
  chart.appendChild(svg("text", { x: 2, y: mid + 14 }, "confl."));
  const labelEvery = Math.ceil(buckets.length / 10);
  buckets.forEach((bk, i) => {
    const x = left + i * step + (step - bw) / 2;
    let up = mid, down = mid;
    [[1, 0], [2, 1]].forEach(([q, j]) => {
      const h = bk.quad[j] * scale;
      if (h > 0) {
        up -= h;
        chart.appendChild(svg("rect", { class: `bar q${q}`, x, y: up, width: bw, height: h, "data-period": bk.period, "data-count": bk.quad[j] },
          svg("title", {}, `${bk.period}: ${bk.quad[j]} ${QUADS[q].toLowerCase()}`)));
      }
    });
    [[3, 2], [4, 3]].forEach(([q, j]) => {
      const h = bk.quad[j] * scale;
      if (h > 0) {
        chart.appendChild(svg("rect", { class: `bar q${q}`, x, y: down, width: bw, height: h, "data-period": bk.period, "data-count": bk.quad[j] },
          svg("title", {}, `${bk.period}: ${bk.quad[j]} ${QUADS[q].toLowerCase()}`)));
        down += h;
      }
    });
    if (i % labelEvery === 0) chart.appendChild(svg("text", { x: x, y: H - 8 }, bk.period));
  });
  const total = buckets.reduce((s, x) => s + x.events, 0);
  const g = buckets.reduce((s, x) => s + x.goldstein, 0);
  box.appendChild(chart);
  box.appendChild(el("div", { class: "legend" },
    [1, 2, 3, 4].map((q) => el("span", { style: null, class: `lg${q}` }, QUADS[q])),
    el("span", { class: "total" }, `${total} events, Goldstein sum ${g.toFixed(1)}`)));
}

async function drawNetwork(box, scope, state) {
  box.replaceChildren(el("h2", {}, "Network of states and organisations"));
  const data = await api("/api/pairs?" + qs({ ...scope, limit: 40 }));
  const pairs = data.pairs;
  if (!pairs.length) {
    box.appendChild(el("p", { class: "muted" }, "No interactions."));
    return;
  }
  const weight = {};
  for (const p of pairs) {
    weight[p.a] = (weight[p.a] || 0) + p.events;
    weight[p.b] = (weight[p.b] || 0) + p.events;
    actorNames[p.a] = actorNames[p.a] || p.a_name;
    actorNames[p.b] = actorNames[p.b] || p.b_name;
  }
  const nodes = Object.keys(weight).sort((x, y) => weight[y] - weight[x]).slice(0, 24);
  const W = 460, H = 420, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  const pos = {};
  nodes.forEach((c, i) => {
    const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[c] = [cx + R * Math.cos(t), cy + R * Math.sin(t), t];
  });
  const maxE = Math.max(...pairs.map((p) => p.events));
  const maxW = Math.max(...nodes.map((c) => weight[c]));
  const chart = svg("svg", { id: "network", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "Interactions between actors" });
  for (const p of pairs) {
    if (!pos[p.a] || !pos[p.b]) continue;
    const coop = p.goldstein >= 0;
    chart.appendChild(svg("line", {
      class: `edge ${coop ? "coop" : "conf"}`, "data-pair": `${p.a},${p.b}`,
      x1: pos[p.a][0], y1: pos[p.a][1], x2: pos[p.b][0], y2: pos[p.b][1],
      "stroke-width": (1 + 7 * Math.sqrt(p.events / maxE)).toFixed(2), "stroke-opacity": 0.55,
      on: { click: () => go({ ...state, pair: `${p.a},${p.b}`, offset: "" }) },
    }, svg("title", {}, `${p.a_name} – ${p.b_name}: ${p.events} events (${p.cooperation} cooperation, ${p.conflict} conflict)`)));
  }
  const chosen = (state.pair || "").split(",");
  for (const c of nodes) {
    const [x, y, t] = pos[c];
    const r = 4 + 10 * Math.sqrt(weight[c] / maxW);
    const right = Math.cos(t) >= 0;
    chart.appendChild(svg("g", { class: `node${chosen.includes(c) ? " selected" : ""}`, "data-code": c,
      on: { click: () => go({ ...state, actor: c, offset: "" }) } },
      svg("circle", { cx: x, cy: y, r: r.toFixed(1) }, svg("title", {}, `${name(c)}: ${weight[c]} events`)),
      svg("text", { x: x + (right ? r + 3 : -r - 3), y: y + 4, "text-anchor": right ? "start" : "end" }, name(c))));
  }
  box.appendChild(chart);
  box.appendChild(el("div", { class: "legend" }, el("span", { class: "lg2" }, "mostly cooperation"), el("span", { class: "lg4" }, "mostly conflict"),
    el("span", {}, "line width: number of events; click a line to chart that pair")));
}

function eventTable(events, id) {
  return el("table", { id },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Action", "Target", "Class", "Reports"].map((h) => el("th", {}, h)))),
    el("tbody", {}, events.map((e) =>
      el("tr", { class: "event-row", "data-id": e.id, tabindex: 0, on: { click: () => { location.hash = `#event/${e.id}`; } } },
        el("td", {}, e.date || "undated"),
        el("td", {}, side(e.source_names, e.source_country, e.source_person)),
        el("td", {}, el("a", { href: `#event/${e.id}` }, `${e.cameo} ${e.cameo_name}`)),
        el("td", {}, side(e.target_names, e.target_country, e.target_person)),
        el("td", {}, quadChip(e.quad)),
        el("td", {}, `${e.num_mentions} in ${e.num_articles} doc.`)))));
}

async function drawEvents(box, filters, offset, state) {
  const limit = 25;
  const data = await api("/api/events?" + qs({ ...filters, limit, offset }));
  box.replaceChildren(el("h2", {}, "Events"));
  if (!data.events.length) {
    box.appendChild(el("p", { class: "muted" }, "No events match."));
    return;
  }
  box.appendChild(eventTable(data.events, "event-list"));
  box.appendChild(el("div", { class: "pager" },
    el("button", { disabled: offset === 0, on: { click: () => go({ ...state, offset: Math.max(0, offset - limit) }) } }, "‹ Previous"),
    el("span", { class: "muted" }, `${offset + 1}–${offset + data.events.length}`),
    el("button", { disabled: !data.more, on: { click: () => go({ ...state, offset: offset + limit }) } }, "Next ›")));
}

// ---- one event with its evidence ------------------------------------------------------------

async function showEvent(id) {
  main.setAttribute("data-view", "event");
  const data = await api(`/api/events/${encodeURIComponent(id)}`);
  const e = data.event;
  const facts = [
    ["Date", e.date ? `${e.date}${e.date_end ? " – " + e.date_end : ""} (${e.precision})` : "undated"],
    ["Source", side(e.source_names, e.source_country, e.source_person)],
    ["Target", side(e.target_names, e.target_country, e.target_person)],
    ["CAMEO", `${e.cameo} ${e.cameo_name} (root ${e.root}, Goldstein ${e.goldstein})`],
    ["Class", quadChip(e.quad)],
    ["PLOVER", [e.plover_event, e.plover_mode, e.plover_context].filter(Boolean).join(" / ")],
    ["Place", e.location_name ? `${e.location_name}${e.location_country ? " (" + name(e.location_country) + ")" : ""}` : "—"],
    ["Reports", `${e.num_mentions} sentences in ${e.num_articles} documents from ${e.num_sources} sources`],
  ];
  const mentions = data.mentions.map((m) =>
    el("div", { class: "mention", "data-mention": m.id },
      el("p", { class: "context", lang: m.lang || null },
        el("span", { class: "ctx" }, m.before ? "…" + m.before : ""),
        el("mark", { class: "evidence" }, m.evidence),
        el("span", { class: "ctx" }, m.after ? m.after + "…" : "")),
      el("div", { class: "meta" },
        el("a", { href: `#doc/${encodeURIComponent(m.doc_id)}`, class: "doc-link" }, `document ${m.doc_id}`),
        " · ", sourceLink(m.doc_url, m.source_name) || m.source_name,
        ` · ${m.lang} · sentence ${m.sentence + 1} · ${m.primary ? "evidence" : "further mention"} · `,
        `coded ${m.cameo} ${side(null, m.source)} → ${side(null, m.target)} · rule ${m.rule}`,
        el("br"), m.merge_reason)));
  main.replaceChildren(el("section", { id: "event-detail", "data-id": e.id },
    el("h2", {}, `${side(e.source_names, e.source_country)} → ${side(e.target_names, e.target_country)}: ${e.cameo_name}`),
    el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    el("h2", { style: null }, "Evidence"),
    mentions,
    el("p", {}, el("a", { href: "#/" }, "‹ Back to the dashboard"))));
}

// ---- one document with its events marked inline --------------------------------------------

async function showDocument(id) {
  main.setAttribute("data-view", "document");
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const text = el("div", { id: "doc-text", lang: d.lang || null },
    d.segments.map((s) => s.events.length
      ? el("mark", { class: `ev q${s.quad}`, "data-events": s.events.join(","), title: `events ${s.events.join(", ")}`,
          on: { click: () => { location.hash = `#event/${s.events[0]}`; } } }, s.text)
      : s.text));
  main.replaceChildren(
    el("section", { id: "document", "data-id": d.id },
      el("h2", {}, `Document ${d.id}`),
      el("div", { class: "meta" }, [d.published && `published ${d.published}`, d.lang, `${d.num_events} events`, `${d.chars} characters`].filter(Boolean).join(" · "),
        " · ", sourceLink(d.url, d.source_name) || d.source_name),
      text),
    el("section", {}, el("h2", {}, "Events in this document"), d.events.length ? eventTable(d.events, "doc-events") : el("p", { class: "muted" }, "None.")));
}

async function showDocuments(p) {
  main.setAttribute("data-view", "documents");
  const offset = Number(p.get("offset") || 0);
  const data = await api("/api/documents?" + qs({ limit: 50, offset }));
  main.replaceChildren(el("section", {}, el("h2", {}, "Documents"),
    el("table", { id: "doc-list" },
      el("thead", {}, el("tr", {}, ["Document", "Published", "Language", "Source", "Events"].map((h) => el("th", {}, h)))),
      el("tbody", {}, data.documents.map((d) => el("tr", {},
        el("td", {}, el("a", { href: `#doc/${encodeURIComponent(d.id)}` }, d.id)),
        el("td", {}, d.published || ""), el("td", {}, d.lang || ""),
        el("td", {}, sourceLink(d.url, d.source_name) || d.source_name), el("td", {}, d.num_events))))),
    el("div", { class: "pager" },
      el("button", { disabled: offset === 0, on: { click: () => { location.hash = `#docs?offset=${Math.max(0, offset - 50)}`; } } }, "‹ Previous"),
      el("button", { disabled: data.documents.length < 50, on: { click: () => { location.hash = `#docs?offset=${offset + 50}`; } } }, "Next ›"))));
}

// ---- search ---------------------------------------------------------------------------------

async function showSearch(q) {
  main.setAttribute("data-view", "search");
  document.getElementById("q").value = q;
  const data = await api("/api/search?" + qs({ q, limit: 50 }));
  main.replaceChildren(
    el("section", { id: "search-events" }, el("h2", {}, `Events whose evidence holds “${q}”`),
      data.events.length ? eventTable(data.events, "search-event-list") : el("p", { class: "muted" }, "None.")),
    el("section", { id: "search-docs" }, el("h2", {}, "Documents"),
      data.documents.length
        ? el("ul", {}, data.documents.map((d) => el("li", {}, el("a", { href: `#doc/${encodeURIComponent(d.id)}` }, d.id),
            ` · ${d.published || ""} · ${d.source_name}`)))
        : el("p", { class: "muted" }, "None.")));
}

// ---- start ----------------------------------------------------------------------------------

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = `#search/${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", route);

(async () => {
  try {
    const [actors, stats] = await Promise.all([api("/api/actors"), api("/api/stats")]);
    for (const a of actors.actors) actorNames[a.code] = a.name;
    document.getElementById("stats").textContent =
      `${stats.events} events · ${stats.documents} documents${stats.first_date ? ` · ${stats.first_date} to ${stats.last_date}` : ""}`;
  } catch (e) {
    document.getElementById("stats").textContent = String(e.message || e);
  }
  route();
})();

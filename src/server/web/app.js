// Warta's web page: a small hash-routed client of the JSON API (docs/API.md).
//
// Security: every piece of stored text reaches the page through text nodes,
// textContent or attribute values, never innerHTML, so an article containing
// markup stays text. Links from stored data get an href only when they are
// http(s). The server's CSP (default-src 'self') forbids inline script and
// style, so this file sets no style attributes: layout lives in app.css.
//
// Routes: #/search?q=&from=&to=&outlet=&entity=  #/article/ID  #/stories
// #/story/ID  #/entities  #/entity/ID  #/quotes?entity=&q=
// #/claims?about=UNIT&entity=  #/series  #/series/ID  #/graph?top=&type=  #/stats
//
// The libraries for the timeline, the graph and the chart are one bundle
// (/vendor/vendor.js, built from web/ and embedded in the binary) loaded on
// the first view that needs it, so search and articles never wait for it.
'use strict';

const view = document.getElementById('view');

// ---------------------------------------------------------------- helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else node.setAttribute(k, v);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// An API call; errors carry the server's message and status.
async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: { message: res.statusText } }));
  if (!res.ok) {
    const err = new Error((body.error && body.error.message) || res.statusText);
    err.status = res.status;
    throw err;
  }
  return body;
}

// Each navigation gets a generation; a slow view that finishes after the
// user moved on draws nothing, and widgets of the old view are destroyed.
let generation = 0;
let widgets = [];

function show(gen, ...nodes) {
  if (gen !== generation) return false;
  view.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
  return true;
}

function fail(gen, err) {
  const unsupported = err.status === 404 && /no such endpoint/.test(err.message);
  show(gen, el('p', { class: 'error', id: 'error' },
    unsupported ? 'Server ini belum menyediakan tampilan ini: ' : 'Gagal: ', err.message));
}

let vendorPromise = null;
function vendor() {
  if (!vendorPromise) {
    vendorPromise = new Promise((resolve, reject) => {
      // Cytoscape would inject an inline <style> (forbidden by the CSP) unless
      // an element with this id exists; its one rule is in app.css instead.
      document.head.append(el('link', { rel: 'stylesheet', href: '/vendor/vendor.css', id: '__________cytoscape_stylesheet' }));
      document.head.append(el('script', {
        src: '/vendor/vendor.js',
        onload: () => resolve(window.WartaVendor),
        onerror: () => { vendorPromise = null; reject(new Error('pustaka grafik tidak termuat')); },
      }));
    });
  }
  return vendorPromise;
}

const entityHref = (id) => '#/entity/' + encodeURIComponent(id);
const articleHref = (id) => '#/article/' + encodeURIComponent(id);
const storyHref = (id) => '#/story/' + encodeURIComponent(id);
const seriesHref = (id) => '#/series/' + encodeURIComponent(id);

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function dateOf(iso) { return iso ? String(iso).slice(0, 10) : 'tanpa tanggal'; }

function span(first, last) {
  const a = dateOf(first), b = dateOf(last);
  return a === b ? a : `${a} – ${b}`;
}

// Labels for the API's vocabularies: one key per name of core/vocabulary.h
// (vocabulary_test checks them against it and against openapi.json).
const TYPE_NAMES = { PERSON: 'orang', ORGANISATION: 'organisasi', LOCATION: 'tempat' };
const EVENT_NAMES = {
  meeting: 'pertemuan', agreement: 'kesepakatan', deployment: 'pengerahan',
  accusation: 'tuduhan', attack: 'serangan', visit: 'kunjungan', hearing: 'rapat dengar pendapat',
  decision: 'keputusan', regulation: 'peraturan', price_change: 'perubahan harga',
  appointment: 'pengangkatan', dismissal: 'pemberhentian', arrest: 'penangkapan', charge: 'dakwaan',
  verdict: 'vonis', protest: 'unjuk rasa', disaster: 'bencana', launch: 'peresmian', election: 'pemilihan',
};
// What did not (yet) happen is marked with its modality; 'happened' items
// are the timeline's default and carry no mark.
const MODALITY_NAMES = { happened: 'terjadi', planned: 'direncanakan', hoped: 'diharapkan', negated: 'dibantah/batal' };
const ROLE_NAMES = { participant: '', actor: 'pelaku', 'co-actor': 'bersama', target: 'sasaran' };
// Written before a claim's figure; a range shows as low–high instead.
const BOUND_NAMES = {
  '': '', 'more-than': 'lebih dari ', 'at-least': 'sedikitnya ', about: 'sekitar ', 'up-to': 'hingga ',
  'less-than': 'kurang dari ', almost: 'hampir ', range: '',
};
const ENTITY_FILTERS = ['', ...Object.keys(TYPE_NAMES)];
const eventName = (type) => EVENT_NAMES[type] || type || 'peristiwa';

function entityLink(ref) {
  if (!ref) return null;
  return el('a', { href: entityHref(ref.id), class: 'chip ' + (ref.type || '') }, ref.canonical || ref.id);
}

function articleLink(ref) {
  return el('a', { href: articleHref(ref.id) }, ref.title || '(tanpa judul)');
}

function articleMeta(a) {
  return [a.outlet || 'outlet tidak diketahui', dateOf(a.published)].join(' · ');
}

function number(x) {
  return typeof x === 'number' ? x.toLocaleString('id-ID') : String(x ?? '');
}

function figure(c) {
  const range = c.low === c.high ? number(c.low) : `${number(c.low)}–${number(c.high)}`;
  const bound = BOUND_NAMES[c.bound] || '';
  return `${bound}${range} ${c.unit || ''}`.trim();
}

function table(headers, rows, attrs) {
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function pager(params, base, offset, limit, shown, total) {
  const go = (o) => { const n = new URLSearchParams(params); n.set('offset', o); return base + '?' + n; };
  return el('div', { class: 'pager' },
    offset > 0 ? el('a', { href: go(Math.max(0, offset - limit)), id: 'prev' }, '← sebelumnya') : null,
    offset + shown < total ? el('a', { href: go(offset + limit), id: 'next' }, 'berikutnya →') : null);
}

// A TIMEX value or ISO timestamp as a Date (UTC), or null when it names no
// calendar point (PRESENT_REF, durations, empty).
function timexDate(value) {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (m) return new Date(Date.UTC(+m[1], m[2] ? m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
  const w = /^(\d{4})-W(\d{2})/.exec(value);
  if (w) return new Date(Date.UTC(+w[1], 0, 1 + (w[2] - 1) * 7));
  return null;
}

// ---------------------------------------------------------------- search

const FORM_FIELDS = ['q', 'from', 'to', 'outlet', 'entity'];

function formParams() {
  const p = new URLSearchParams();
  for (const id of FORM_FIELDS) {
    const v = document.getElementById(id).value.trim();
    if (v) p.set(id, v);
  }
  return p;
}

function fillForm(params) {
  for (const id of FORM_FIELDS) document.getElementById(id).value = params.get(id) || '';
}

const MARK_ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
function unescapeHtml(s) {
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => MARK_ENTITIES[m]);
}

// The API's snippets are HTML-escaped text with <mark> around matches; they
// become text nodes and <mark> elements, nothing else.
function snippet(html) {
  const out = el('p', { class: 'snippet' });
  let marked = false;
  for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    const text = unescapeHtml(part);
    out.append(marked ? el('mark', {}, text) : document.createTextNode(text));
  }
  return out;
}

// A hit stands for its copy group: "+2 salinan (Outlet A, Outlet B)". The
// API gives the copies as article refs (or, from older servers, a count).
function copiesNote(copies) {
  const n = Array.isArray(copies) ? copies.length : Number(copies || 0);
  if (!n) return null;
  const outlets = Array.isArray(copies) ? [...new Set(copies.map((c) => c.outlet).filter(Boolean))] : [];
  return el('span', { class: 'copies' }, ` · +${n} salinan`, outlets.length ? ` (${outlets.join(', ')})` : '');
}

async function searchView(gen, params) {
  fillForm(params);
  const limit = 10;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const page = await api('/api/search?' + q);
  const hits = page.hits.map((h) =>
    el('div', { class: 'hit' },
      el('h2', {}, articleLink(h)),
      el('div', { class: 'meta' }, articleMeta(h),
        copiesNote(h.copies),
        h.story_id !== undefined && h.story_id !== null ? [' · ', el('a', { href: storyHref(h.story_id) }, 'cerita')] : null),
      snippet(h.snippet)));
  const filters = ['from', 'to', 'outlet', 'entity'].filter((k) => params.get(k)).map((k) => `${k}: ${params.get(k)}`);
  show(gen,
    el('p', { class: 'meta', id: 'result-count' }, `${page.estimated_total > 10000 ? 'sekitar ' : ''}${page.estimated_total} artikel`,
      filters.length ? ` (${filters.join(', ')})` : ''),
    hits.length ? hits : el('p', { id: 'no-hits' }, 'Tidak ada artikel yang cocok.'),
    pager(params, '#/search', offset, limit, hits.length, page.estimated_total));
}

// ---------------------------------------------------------------- article

// The layers marked in an article's text, outermost first: a quote or claim
// may contain entities and dates. Each layer can be hidden from the legend.
const LAYERS = [
  { key: 'quote', label: 'kutipan' },
  { key: 'claim', label: 'klaim angka' },
  { key: 'event', label: 'peristiwa' },
  ...Object.entries(TYPE_NAMES).map(([key, label]) => ({ key, label })),
  { key: 'tmx', label: 'waktu' },
];
const LAYER_RANK = Object.fromEntries(LAYERS.map((l, i) => [l.key, i]));

function articleSpans(a) {
  const spans = [];
  const add = (s, layer, title, href) => {
    if (s && Number.isInteger(s.begin) && Number.isInteger(s.end) && s.begin < s.end)
      spans.push({ begin: s.begin, end: s.end, layer, title, href });
  };
  for (const q of a.quotes || []) add(q.span, 'quote', `kutipan${q.speaker ? ' — ' + q.speaker : ''}`, q.speaker_entity_id ? entityHref(q.speaker_entity_id) : null);
  for (const c of a.claims || []) add(c.span, 'claim', `klaim: ${figure(c)}${c.claimant ? ' — ' + c.claimant : ''}`, c.unit ? '#/claims?about=' + encodeURIComponent(c.unit) : null);
  for (const e of a.events || []) add(e.span, 'event', `peristiwa: ${eventName(e.type)}${e.date ? ' ' + e.date : ''}`, null);
  for (const m of a.entities || []) add(m.span, m.type, `${m.canonical || m.text} (${TYPE_NAMES[m.type] || m.type})`, m.entity_id ? entityHref(m.entity_id) : null);
  for (const t of a.timexes || []) add(t.span, 'tmx', `${t.type} ${t.value || '(tidak terselesaikan)'}`, null);
  return spans;
}

// The text as paragraphs with the spans nested inside them (spans count code
// points into the whole text, paragraphs joined by "\n"). A span that
// crosses a paragraph break is cut at it; one that crosses the end of its
// enclosing span is cut there, so the nesting stays a tree.
function markedText(a, spans) {
  const cps = Array.from(a.text || '');
  const out = [];
  let start = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i < cps.length && cps[i] !== '\n') continue;
    if (i > start) out.push(markedParagraph(cps, start, i, spans));
    start = i + 1;
  }
  return out;
}

function markedParagraph(cps, begin, end, spans) {
  const para = el('p');
  const inside = spans
    .filter((s) => s.begin < end && s.end > begin)
    .map((s) => ({ ...s, begin: Math.max(s.begin, begin), end: Math.min(s.end, end) }))
    .sort((x, y) => x.begin - y.begin || y.end - x.end || LAYER_RANK[x.layer] - LAYER_RANK[y.layer]);
  const stack = [{ node: para, end }];
  let pos = begin;
  const text = (upto) => {
    if (upto > pos) stack[stack.length - 1].node.append(document.createTextNode(cps.slice(pos, upto).join('')));
    pos = Math.max(pos, upto);
  };
  const close = () => { text(stack[stack.length - 1].end); stack.pop(); };
  for (const s of inside) {
    while (stack.length > 1 && stack[stack.length - 1].end <= s.begin) close();
    const parentEnd = stack[stack.length - 1].end;
    const stop = Math.min(s.end, parentEnd);
    if (s.begin < pos || stop <= s.begin) continue;
    text(s.begin);
    const node = el(s.href ? 'a' : 'span', { class: 'mk ' + s.layer, title: s.title, href: s.href });
    stack[stack.length - 1].node.append(node);
    stack.push({ node, end: stop });
  }
  while (stack.length > 1) close();
  text(end);
  return para;
}

function legend(textNode) {
  return el('div', { class: 'legend', id: 'legend' }, LAYERS.map((l) => {
    const box = el('input', {
      type: 'checkbox', checked: 'checked',
      onchange: (e) => textNode.classList.toggle('hide-' + l.key, !e.target.checked),
    });
    return el('label', { class: 'mk ' + l.key }, box, ' ', l.label);
  }));
}

function quoteRow(q) {
  return el('tr', {},
    el('td', {}, q.speaker_entity_id ? el('a', { href: entityHref(q.speaker_entity_id) }, q.speaker || '?') : (q.speaker || '?'),
      q.relay ? el('div', { class: 'meta' }, 'via ' + q.relay) : null),
    el('td', { class: 'quote-text' }, q.direct ? `“${q.text}”` : q.text));
}

// The day a figure refers to: its own TIMEX when that names a day, else the
// day its article was published.
function claimDay(c) {
  return timexDate(c.date) ? String(c.date).slice(0, 10) : dateOf(c.article && c.article.published);
}

function claimRow(c, withArticle) {
  return el('tr', {},
    withArticle ? el('td', { class: 'date' }, claimDay(c)) : null,
    el('td', {}, c.claimant_entity_id ? el('a', { href: entityHref(c.claimant_entity_id) }, c.claimant || '?') : (c.claimant || '(tanpa sumber)')),
    el('td', { class: 'figure' }, figure(c), c.hedge ? el('div', { class: 'meta' }, c.hedge) : null),
    el('td', { class: 'claim-text' }, c.text),
    withArticle && c.article ? el('td', {}, articleLink(c.article), el('div', { class: 'meta' }, articleMeta(c.article))) : null,
    !withArticle ? el('td', {}, c.unit ? el('a', { href: '#/claims?about=' + encodeURIComponent(c.unit) }, 'pantau') : null) : null);
}

// An event of a timeline (participants as entity refs with a role) or of
// an article (participant ids with a parallel `roles` array).
function eventRow(e, participantsById) {
  const parts = (e.participants || []).map((p, i) => {
    const ref = typeof p === 'string' ? (participantsById && participantsById[p]) || { id: p, canonical: p } : p;
    return { ref, role: (typeof p === 'string' ? (e.roles || [])[i] : p.role) || 'participant' };
  });
  const modality = e.modality && e.modality !== 'happened'
    ? el('span', { class: 'modality ' + String(e.modality).replace(/[^a-z-]/gi, '') }, MODALITY_NAMES[e.modality] || e.modality) : null;
  return el('tr', { class: modality ? 'not-happened' : null },
    el('td', { class: 'date' }, e.date || '—', !e.date && e.reported ? el('div', { class: 'meta' }, 'diberitakan ' + e.reported) : null),
    el('td', {}, eventName(e.type), modality, e.trigger ? el('div', { class: 'meta' }, e.trigger) : null),
    el('td', {}, e.text || '', e.place ? el('div', { class: 'meta' }, '@ ' + e.place) : null),
    el('td', {}, parts.map(({ ref, role }) => [entityLink(ref), ROLE_NAMES[role] ? el('span', { class: 'meta role' }, ROLE_NAMES[role], ' ') : null])),
    e.sources ? el('td', {}, e.sources.map((s) => el('div', {}, articleLink(s)))) : null);
}

async function articleView(gen, id) {
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const byline = [a.authors && a.authors.length ? 'Penulis: ' + a.authors.join(', ') : '',
    a.editors && a.editors.length ? 'Editor: ' + a.editors.join(', ') : ''].filter(Boolean).join(' · ');
  const spans = articleSpans(a);
  const text = el('div', { class: 'text', id: 'article-text' }, markedText(a, spans));
  const entitiesById = Object.fromEntries((a.entities || []).filter((m) => m.entity_id).map((m) => [m.entity_id, { id: m.entity_id, canonical: m.canonical || m.text, type: m.type }]));

  const relations = [];
  if (a.story_id !== undefined && a.story_id !== null)
    relations.push(el('a', { href: storyHref(a.story_id), id: 'story-link' }, 'Lihat cerita lengkap'));
  if (a.series)
    relations.push(el('span', { id: 'series-link' }, 'Bagian dari seri ', el('a', { href: seriesHref(a.series.id) }, a.series.name || String(a.series.id))));
  if (a.copy_of)
    relations.push(el('span', { id: 'copy-of' }, 'Salinan dari ', el('a', { href: articleHref(a.copy_of.id) }, a.copy_of.title || a.copy_of.id),
      a.copy_of.outlet ? ` (${a.copy_of.outlet})` : '',
      typeof a.copy_of.similarity === 'number' ? ` · kemiripan ${a.copy_of.similarity.toFixed(2)}` : '',
      a.copy_of.reason ? ` · ${a.copy_of.reason}` : ''));
  if (a.copies && a.copies.length)
    relations.push(el('details', { id: 'copies' }, el('summary', {}, `${a.copies.length} salinan di outlet lain`),
      el('ul', {}, a.copies.map((c) => el('li', {}, articleLink(c), ' · ', articleMeta(c))))));

  const sections = [];
  if (a.quotes && a.quotes.length)
    sections.push(el('h3', {}, 'Kutipan'), table(['pembicara', 'kutipan'], a.quotes.map(quoteRow), { id: 'quotes' }));
  if (a.claims && a.claims.length)
    sections.push(el('h3', {}, 'Klaim angka'), table(['sumber', 'angka', 'kalimat', ''], a.claims.map((c) => claimRow(c, false)), { id: 'claims' }));
  if (a.events && a.events.length)
    sections.push(el('h3', {}, 'Peristiwa'), table(['tanggal', 'jenis', 'tempat', 'pelaku'], a.events.map((e) => eventRow(e, entitiesById)), { id: 'events' }));
  const removed = el('details', { id: 'removed' },
    el('summary', {}, `Baris yang dibuang saat pembersihan (${(a.removed || []).length})`),
    table(['baris', 'alasan', 'teks'], (a.removed || []).map((r) => el('tr', {}, el('td', {}, String(r.line)), el('td', {}, r.reason), el('td', { class: 'debris' }, r.text)))));
  const url = safeUrl(a.url);
  show(gen, el('article', {},
    el('h1', { id: 'article-title' }, a.title || '(tanpa judul)'),
    el('div', { class: 'meta' }, articleMeta(a), a.published ? null : (a.inferred_published ? ` (diperkirakan ${dateOf(a.inferred_published)})` : null)),
    byline ? el('div', { class: 'meta' }, byline) : null,
    a.url ? el('div', { class: 'meta' }, url ? el('a', { href: url, rel: 'noopener noreferrer' }, a.url) : a.url) : null,
    relations.length ? el('div', { class: 'relations' }, relations) : null,
    legend(text),
    text,
    sections,
    removed));
}

// ---------------------------------------------------------------- timeline

// A vis-timeline of event items ({date, type, trigger, text, ...}) in
// `container`, with the matching table row highlighted on selection. Item
// content is a DOM element, never an HTML string.
async function eventTimeline(gen, container, events, rows) {
  // An undated event stands at the day it was reported, marked as such.
  const dated = events.map((e, i) => ({ e, i, start: timexDate(e.date || e.reported) })).filter((x) => x.start);
  if (!dated.length) {
    container.append(el('p', { class: 'meta' }, 'Tidak ada peristiwa bertanggal.'));
    return;
  }
  const V = await vendor();
  if (gen !== generation) return;
  const items = new V.DataSet(dated.map(({ e, i, start }) => ({
    id: i, start,
    className: ['ev-' + String(e.type || 'other').replace(/[^a-z-]/gi, ''),
      e.modality && e.modality !== 'happened' ? 'not-happened' : '', e.date ? '' : 'undated'].filter(Boolean).join(' '),
    content: el('span', {}, el('b', {}, eventName(e.type)), ' ', e.trigger || '',
      e.modality && e.modality !== 'happened' ? ` [${MODALITY_NAMES[e.modality] || e.modality}]` : ''),
  })));
  const times = dated.map((x) => x.start.getTime());
  const pad = Math.max(86400000, (Math.max(...times) - Math.min(...times)) * 0.1);
  const timeline = new V.Timeline(container, items, {
    stack: true, minHeight: 160, maxHeight: 420, zoomKey: 'ctrlKey',
    locale: 'id', locales: { id: { current: 'sekarang', time: 'waktu', deleteSelected: 'hapus pilihan' } },
  });
  // The window is set after construction: with start/end among the options,
  // vis-timeline keeps itself hidden until a range change that may never come.
  timeline.setWindow(new Date(Math.min(...times) - pad), new Date(Math.max(...times) + pad), { animation: false });
  timeline.on('select', ({ items: chosen }) => {
    rows.forEach((r) => r.classList.remove('selected'));
    for (const i of chosen) if (rows[i]) { rows[i].classList.add('selected'); rows[i].scrollIntoView({ block: 'nearest' }); }
  });
  widgets.push(timeline);
  return timeline;
}

// A timeline section: the chart, the table, and a control that lists what
// was planned, hoped or denied too (marked), read from /api/events with
// modality=all for `scope` ({entity: ID} or {story: ID}).
function eventsSection(gen, events, id, scope) {
  const holder = el('div', { class: 'events-holder' });
  let drawn = null;
  const render = async (list) => {
    if (drawn) { widgets = widgets.filter((w) => w !== drawn); try { drawn.destroy(); } catch (err) { /* gone */ } drawn = null; }
    holder.replaceChildren();
    if (!list.length) {
      holder.append(el('p', { class: 'meta' }, 'Belum ada peristiwa yang tercatat.'));
      return;
    }
    const rows = list.map((e) => eventRow(e));
    const box = el('div', { class: 'timeline', id });
    holder.append(box, table(['tanggal', 'jenis', 'kejadian', 'pelaku', 'sumber'], rows, { class: 'events' }));
    drawn = await eventTimeline(gen, box, list, rows);
  };
  const toggle = scope ? el('input', { type: 'checkbox', id: id + '-all' }) : null;
  if (toggle) {
    toggle.addEventListener('change', async () => {
      if (!toggle.checked) return render(events);
      const q = new URLSearchParams({ ...scope, modality: 'all', limit: '100' });
      try {
        const page = await api('/api/events?' + q);
        if (gen === generation && toggle.checked) await render(page.items || []);
      } catch (err) {
        holder.replaceChildren(el('p', { class: 'error' }, err.message));
      }
    });
  }
  const control = toggle ? el('label', { class: 'modality-toggle' }, toggle,
    ' tampilkan juga yang direncanakan, diharapkan atau dibantah') : null;
  return { section: [control, holder], draw: () => render(events) };
}

// ---------------------------------------------------------------- stories

async function storiesView(gen, params) {
  const limit = 20;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const page = await api('/api/stories?' + q);
  show(gen,
    el('h1', {}, 'Cerita'),
    filterForm('#/stories', params, DATES),
    el('p', { class: 'meta' }, `${page.total} cerita`),
    page.items.map((s) =>
      el('div', { class: 'hit story' },
        el('h2', {}, el('a', { href: storyHref(s.id) }, s.headline || '(tanpa judul)')),
        el('div', { class: 'meta' }, `${span(s.first_published, s.last_published)} · ${s.article_count} artikel`,
          s.follow_up_of ? [' · lanjutan dari ', el('a', { href: storyHref(s.follow_up_of.id) }, s.follow_up_of.headline || '(tanpa judul)')] : null),
        el('div', { class: 'chips' }, (s.key_entities || []).map(entityLink)))),
    pager(params, '#/stories', offset, limit, page.items.length, page.total));
}

const DATES = [['from', 'dari (2025-03)'], ['to', 'sampai']];

// A small form whose fields become the route's query: [[name, placeholder]].
function filterForm(base, params, fields) {
  const inputs = fields.map(([name, label]) => el('input', { name, placeholder: label, value: params.get(name) || '', size: 12 }));
  return el('form', {
    class: 'filters',
    onsubmit: (e) => {
      e.preventDefault();
      const p = new URLSearchParams();
      for (const i of inputs) if (i.value.trim()) p.set(i.name, i.value.trim());
      location.hash = base + '?' + p;
    },
  }, inputs, el('button', { type: 'submit' }, 'Saring'));
}

function storyArticles(articles) {
  return el('ul', { class: 'story-articles', id: 'story-articles' }, articles.map((a) =>
    el('li', {},
      articleLink(a), el('span', { class: 'meta' }, ' · ', articleMeta(a)),
      a.copies && a.copies.length ? el('ul', { class: 'copies' }, a.copies.map((c) =>
        el('li', {}, 'salinan: ', articleLink(c), el('span', { class: 'meta' }, ' · ', articleMeta(c),
          typeof c.similarity === 'number' ? ` · kemiripan ${c.similarity.toFixed(2)}` : '',
          c.reason ? ` · ${c.reason}` : '')))) : null)));
}

// The follow-up links both ways: the earlier event this story develops and
// its later developments (dedupe/stories.h).
function followUpLinks(s) {
  const link = (r) => [el('a', { href: storyHref(r.id) }, r.headline || '(tanpa judul)'), el('span', { class: 'meta' }, ' · ', dateOf(r.first_published))];
  const earlier = s.follow_up_of ? el('p', { id: 'story-follows-up' }, 'Lanjutan dari: ', link(s.follow_up_of)) : null;
  const later = (s.follow_ups || []).length
    ? el('div', { id: 'story-follow-ups' }, 'Perkembangan berikutnya:', el('ul', {}, s.follow_ups.map((r) => el('li', {}, link(r)))))
    : null;
  return [earlier, later];
}

async function storyView(gen, id) {
  const s = await api('/api/stories/' + encodeURIComponent(id));
  const events = eventsSection(gen, s.events || [], 'story-timeline', { story: String(s.id === undefined ? id : s.id) });
  const claims = s.claims || [];
  const shown = show(gen,
    el('h1', { id: 'story-headline' }, s.headline || '(tanpa judul)'),
    el('div', { class: 'meta' }, `${span(s.first_published, s.last_published)} · ${s.article_count} artikel`),
    el('div', { class: 'chips' }, (s.key_entities || []).map(entityLink)),
    followUpLinks(s),
    el('h3', {}, 'Artikel'),
    storyArticles(s.articles || []),
    el('h3', {}, 'Linimasa peristiwa'),
    events.section,
    claims.length ? [el('h3', {}, 'Klaim angka'), table(['tanggal', 'sumber', 'angka', 'kalimat', 'artikel'], claims.map((c) => claimRow(c, true)))] : null);
  if (shown) await events.draw();
}

// ---------------------------------------------------------------- entities

async function entityView(gen, id) {
  const e = await api('/api/entities/' + encodeURIComponent(id));
  const timeline = e.timeline ? eventsSection(gen, e.timeline, 'entity-timeline', { entity: e.id }) : null;
  const roles = e.roles || [];
  const quotes = e.quotes || [];
  const shown = show(gen,
    el('h1', { id: 'entity-name' }, e.canonical),
    el('div', { class: 'meta' }, `${TYPE_NAMES[e.type] || e.type} · ${e.mentions} sebutan dalam ${Array.isArray(e.articles) ? e.articles.length : e.articles} artikel`),
    el('p', { class: 'links' },
      el('a', { href: '#/claims?entity=' + encodeURIComponent(e.id) }, 'klaim angka'), ' · ',
      el('a', { href: '#/quotes?entity=' + encodeURIComponent(e.id) }, 'semua kutipan'), ' · ',
      el('a', { href: '#/search?entity=' + encodeURIComponent(e.canonical) }, 'cari artikel')),
    el('h3', {}, 'Nama lain'),
    el('div', { class: 'chips', id: 'aliases' }, (e.aliases || []).map((x) => el('span', {}, `${x.text} (${x.mentions})`))),
    roles.length ? [el('h3', {}, 'Peran'), table(['peran', 'di', 'pertama', 'terakhir', 'artikel'],
      roles.map((r) => el('tr', {}, el('td', {}, r.role), el('td', {}, r.of || ''), el('td', { class: 'date' }, dateOf(r.first_seen)), el('td', { class: 'date' }, dateOf(r.last_seen)), el('td', {}, String(r.articles)))), { id: 'roles' })] : null,
    timeline ? [el('h3', {}, 'Linimasa'), timeline.section] : null,
    quotes.length ? [el('h3', {}, 'Kutipan'), el('div', { id: 'entity-quotes' }, quotes.map(quoteCard))] : null,
    el('h3', {}, 'Muncul bersama'),
    table(['entitas', 'jenis', 'artikel bersama'], (e.cooccurring || []).map((c) =>
      el('tr', {}, el('td', {}, entityLink(c)), el('td', {}, TYPE_NAMES[c.type] || c.type), el('td', {}, String(c.shared_articles)))), { id: 'cooccurring' }),
    el('h3', {}, 'Artikel'),
    table(['terbit', 'outlet', 'judul'], (Array.isArray(e.articles) ? e.articles : []).map((a) =>
      el('tr', {}, el('td', { class: 'date' }, dateOf(a.published)), el('td', {}, a.outlet || ''), el('td', {}, articleLink(a))))));
  if (shown && timeline) await timeline.draw();
}

function quoteCard(q) {
  return el('blockquote', { class: 'quote-card' },
    el('p', {}, q.direct ? `“${q.text}”` : q.text),
    el('footer', { class: 'meta' },
      q.speaker_entity_id ? el('a', { href: entityHref(q.speaker_entity_id) }, q.speaker || '?') : (q.speaker || '?'),
      q.relay ? ` (via ${q.relay})` : '',
      q.article ? [' · ', articleLink(q.article), ' · ', articleMeta(q.article)] : null));
}

async function entitiesView(gen, params) {
  const type = params.get('type') || '';
  const name = params.get('name') || '';
  const q = new URLSearchParams({ limit: 100 });
  if (name) q.set('name', name); else if (type) q.set('type', type);
  const page = await api('/api/entities?' + q);
  const filters = el('p', {}, ENTITY_FILTERS.map((t) =>
    el('a', { href: '#/entities' + (t ? '?type=' + t : ''), class: 'filter' + (t === type ? ' current' : '') }, t ? TYPE_NAMES[t] : 'semua')));
  show(gen, el('h1', {}, 'Entitas'), filters, filterForm('#/entities', params, [['name', 'nama atau alias']]),
    page.items.length === 0 ? el('p', {}, 'Belum ada entitas.') : table(['nama', 'jenis', 'artikel', 'sebutan'],
      page.items.map((e) => el('tr', {}, el('td', {}, entityLink(e)), el('td', {}, TYPE_NAMES[e.type] || e.type), el('td', {}, String(e.articles)), el('td', {}, String(e.mentions)))), { id: 'entities' }));
}

async function quotesView(gen, params) {
  const limit = 20;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const page = await api('/api/quotes?' + q);
  show(gen, el('h1', {}, 'Kutipan'), filterForm('#/quotes', params, [['entity', 'pembicara'], ['q', 'kata'], ...DATES]),
    el('p', { class: 'meta' }, `${page.total} kutipan`),
    el('div', { id: 'quotes' }, page.items.map(quoteCard)),
    pager(params, '#/quotes', offset, limit, page.items.length, page.total));
}

// ---------------------------------------------------------------- claims

const PALETTE = ['#0b5cad', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#475569'];

// Draws each claim's low–high range as an error bar through its point.
const rangeBars = {
  id: 'wartaRangeBars',
  afterDatasetsDraw(chart) {
    const { ctx, scales: { y } } = chart;
    chart.data.datasets.forEach((ds, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((point, j) => {
        const c = ds.data[j];
        if (c.low === c.high) return;
        const top = y.getPixelForValue(c.high), bottom = y.getPixelForValue(c.low);
        ctx.save();
        ctx.strokeStyle = ds.borderColor;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(point.x, top); ctx.lineTo(point.x, bottom);
        ctx.moveTo(point.x - 5, top); ctx.lineTo(point.x + 5, top);
        ctx.moveTo(point.x - 5, bottom); ctx.lineTo(point.x + 5, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

async function claimChart(gen, canvas, claims) {
  const V = await vendor();
  if (gen !== generation) return;
  const byClaimant = new Map();
  for (const c of claims) {
    const when = timexDate(c.date) || timexDate(c.article && c.article.published);
    if (!when || typeof c.low !== 'number') continue;
    const who = c.claimant || '(tanpa sumber)';
    if (!byClaimant.has(who)) byClaimant.set(who, []);
    const high = typeof c.high === 'number' ? c.high : c.low;
    byClaimant.get(who).push({ x: when.getTime(), y: (c.low + high) / 2, low: c.low, high, claim: c });
  }
  const datasets = [...byClaimant.entries()].map(([who, data], i) => ({
    label: who, data: data.sort((p, q) => p.x - q.x),
    borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length],
    pointRadius: 5, pointHoverRadius: 7, showLine: false,
    pointStyle: data.map((p) => ({ 'more-than': 'triangle', 'up-to': 'rectRot' }[p.claim.bound] || 'circle')),
  }));
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  // Whole days on the time axis, about ten ticks, a day of margin each side.
  const DAY = 86400000;
  const xs = datasets.flatMap((d) => d.data.map((p) => p.x));
  const first = Math.floor(Math.min(...xs) / DAY) * DAY - DAY;
  const last = Math.ceil(Math.max(...xs) / DAY) * DAY + DAY;
  const step = DAY * Math.max(1, Math.ceil((last - first) / DAY / 10));
  const chart = new V.Chart(canvas, {
    type: 'scatter',
    data: { datasets },
    plugins: [rangeBars],
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, locale: 'id-ID',
      scales: {
        x: { type: 'linear', min: first, max: first + Math.ceil((last - first) / step) * step, ticks: { callback: day, stepSize: step, maxRotation: 0, autoSkipPadding: 20 }, title: { display: true, text: 'tanggal' } },
        y: { beginAtZero: false, title: { display: true, text: claims[0] ? claimUnitLabel(claims[0]) : 'angka' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => items.length ? day(items[0].raw.x) : '',
            label: (item) => `${item.dataset.label}: ${figure(item.raw.claim)}`,
            afterLabel: (item) => item.raw.claim.article ? item.raw.claim.article.outlet || '' : '',
          },
        },
      },
    },
  });
  widgets.push(chart);
  return datasets.length;
}

// What a claim's figure may be plotted with: its canonical unit and rate
// qualifier ("IDR/g", "percent yoy"), else the unit as written (claims
// stored before schema 8).
function claimUnitLabel(c) {
  const unit = c.canonical_unit || c.unit || 'angka';
  return c.qualifier ? `${unit} ${c.qualifier}` : unit;
}

async function claimsView(gen, params) {
  const about = params.get('about') || '';
  const entity = params.get('entity') || '';
  const form = filterForm('#/claims', params, [['about', 'satuan, mis. tentara'], ['entity', 'sumber'], ...DATES]);
  if (!about && !entity) {
    show(gen, el('h1', {}, 'Pelacak klaim'), form, el('p', {}, 'Tulis satuan yang dihitung (mis. tentara, warga, ton) atau nama sumber.'));
    return;
  }
  // The tracker plots every matching figure: read the pages up to a bound.
  const claims = [];
  let total = 0;
  for (let offset = 0; offset < 500; offset += 100) {
    const q = new URLSearchParams(params);
    q.set('limit', 100);
    q.set('offset', offset);
    const page = await api('/api/claims?' + q);
    total = page.total;
    claims.push(...page.items);
    if (page.items.length < 100) break;
  }
  // Like with like: the chart plots one canonical unit (with its
  // qualifier), the most frequent unless #/claims?…&plot=U names another;
  // the others are a click away.
  const byLabel = new Map();
  for (const c of claims) byLabel.set(claimUnitLabel(c), (byLabel.get(claimUnitLabel(c)) || 0) + 1);
  const labels = [...byLabel.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  const plot = byLabel.has(params.get('plot') || '') ? params.get('plot') : labels[0];
  const plotted = claims.filter((c) => claimUnitLabel(c) === plot);
  const unitLinks = labels.length > 1 ? el('p', { class: 'meta', id: 'claim-units' }, 'satuan: ',
    labels.map((l, i) => {
      const q = new URLSearchParams(params);
      q.set('plot', l);
      return [i ? ' · ' : '', l === plot ? el('b', {}, `${l} (${byLabel.get(l)})`) : el('a', { href: '#/claims?' + q }, `${l} (${byLabel.get(l)})`)];
    })) : null;
  const canvas = el('canvas', { id: 'claim-chart-canvas' });
  const title = about ? `Klaim tentang “${about}”` : 'Klaim angka';
  const shown = show(gen,
    el('h1', {}, title), form,
    el('p', { class: 'meta', id: 'claim-count' }, `${total} klaim${claims.length < total ? ` (grafik memuat ${claims.length} pertama)` : ''}`),
    unitLinks,
    claims.length ? el('div', { class: 'chart', id: 'claim-chart' }, canvas) : el('p', { id: 'no-claims' }, 'Tidak ada klaim yang cocok.'),
    claims.length ? table(['tanggal', 'sumber', 'angka', 'kalimat', 'artikel'], claims.map((c) => claimRow(c, true)), { id: 'claims-table' }) : null);
  if (shown && plotted.length) await claimChart(gen, canvas, plotted);
}

// ---------------------------------------------------------------- series

async function seriesListView(gen, params) {
  const limit = 20;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const page = await api('/api/series?' + q);
  show(gen,
    el('h1', {}, 'Seri laporan berkala'),
    filterForm('#/series', params, DATES),
    el('p', { class: 'meta', id: 'series-count' }, `${page.total} seri: laporan berulang dari satu templat (harga harian, kurs, cuaca, hasil liga)`),
    page.items.map((s) =>
      el('div', { class: 'hit story' },
        el('h2', {}, el('a', { href: seriesHref(s.id) }, s.name || '(tanpa nama)')),
        el('div', { class: 'meta' }, `${s.outlet || s.network} · ${span(s.first_published, s.last_published)} · ${s.article_count} laporan`))),
    pager(params, '#/series', offset, limit, page.items.length, page.total));
}

// The unit a series' chart shows by default: the one in the most items
// whose value changes from item to item (a constant "0,5 gram" is the
// template, not the series), then the fewest figures an item (the
// headline figure rather than a table of them).
function seriesUnit(figures) {
  const byUnit = new Map();
  for (const f of figures) {
    const u = f.unit || 'angka';
    if (!byUnit.has(u)) byUnit.set(u, { items: new Set(), values: new Set(), count: 0 });
    const e = byUnit.get(u);
    e.items.add(f.article ? f.article.id : f.date);
    e.values.add(f.low + '/' + f.high);
    e.count += 1;
  }
  let best = null;
  for (const [unit, e] of byUnit) {
    const score = [e.values.size > 1 ? 1 : 0, e.items.size, -e.count / e.items.size];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && (score[1] > best.score[1] ||
        (score[1] === best.score[1] && score[2] > best.score[2])))) best = { unit, score };
  }
  return { unit: best ? best.unit : '', units: [...byUnit.keys()].sort() };
}

// One series: its items, and its figures over time charted as the claim
// tracker charts claims: one unit at a time (#/series/ID?unit=U), the
// table lists them all.
async function seriesView(gen, id, params) {
  const s = await api('/api/series/' + encodeURIComponent(id));
  const figures = (s.figures || []).map((f) => ({ ...f, unit: f.unit || 'angka', claimant: f.unit || 'angka' }));
  const picked = seriesUnit(figures);
  const unit = params.get('unit') && picked.units.includes(params.get('unit')) ? params.get('unit') : picked.unit;
  const charted = figures.filter((f) => f.unit === unit);
  const canvas = el('canvas', { id: 'series-chart-canvas' });
  const shown = show(gen,
    el('h1', { id: 'series-name' }, s.name || '(tanpa nama)'),
    el('div', { class: 'meta' }, `${s.outlet || ''} (${s.network || ''}) · ${span(s.first_published, s.last_published)} · ${s.article_count} laporan`),
    el('h3', {}, 'Angka dari waktu ke waktu'),
    picked.units.length > 1 ? el('p', { id: 'series-units' }, 'Satuan: ', picked.units.map((u) =>
      el('a', { href: seriesHref(s.id) + '?unit=' + encodeURIComponent(u), class: 'filter' + (u === unit ? ' current' : '') }, u))) : null,
    charted.length ? el('div', { class: 'chart', id: 'series-chart' }, canvas) : el('p', { class: 'meta', id: 'no-figures' }, 'Tidak ada angka yang tercatat dari laporannya.'),
    figures.length ? table(['tanggal', 'angka', 'satuan', 'kalimat', 'artikel'], figures.map((f) => el('tr', {},
      el('td', { class: 'date' }, dateOf(f.date)), el('td', {}, figure(f)), el('td', {}, f.unit),
      el('td', { class: 'claim-text' }, f.text), el('td', {}, f.article ? articleLink(f.article) : null))), { id: 'series-figures' }) : null,
    s.figures_truncated ? el('p', { class: 'meta' }, `(${s.figures.length} dari ${s.figures_total} angka)`) : null,
    el('h3', {}, 'Laporan'),
    el('ul', { class: 'story-articles', id: 'series-articles' }, (s.articles || []).map((a) =>
      el('li', {}, articleLink(a), el('span', { class: 'meta' }, ' · ', articleMeta(a))))));
  if (shown && charted.length) await claimChart(gen, canvas, charted);
}

// ---------------------------------------------------------------- graph

async function graphView(gen, params) {
  const top = params.get('top') || '40';
  const type = params.get('type') || '';
  const q = new URLSearchParams({ top });
  if (type) q.set('type', type);
  const g = await api('/api/graph?' + q);
  const box = el('div', { class: 'graph', id: 'graph' });
  const filters = el('p', {}, ENTITY_FILTERS.map((t) =>
    el('a', { href: '#/graph?top=' + encodeURIComponent(top) + (t ? '&type=' + t : ''), class: 'filter' + (t === type ? ' current' : '') }, t ? TYPE_NAMES[t] : 'semua')));
  if (!show(gen, el('h1', {}, 'Graf entitas'), filters,
    el('p', { class: 'meta', id: 'graph-count' }, `${g.nodes.length} entitas, ${g.edges.length} hubungan (artikel bersama); klik simpul untuk membuka entitas`),
    g.nodes.length ? box : el('p', {}, 'Belum ada entitas.'))) return;
  if (!g.nodes.length) return;
  const V = await vendor();
  if (gen !== generation) return;
  const maxArticles = Math.max(1, ...g.nodes.map((n) => n.articles || 1));
  const maxWeight = Math.max(1, ...g.edges.map((e) => e.weight || 1));
  const cy = V.cytoscape({
    container: box,
    elements: [
      ...g.nodes.map((n) => ({ data: { id: n.id, label: n.canonical, type: n.type, size: 18 + 42 * Math.sqrt((n.articles || 1) / maxArticles) } })),
      ...g.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, width: 1 + 7 * (e.weight || 1) / maxWeight, weight: e.weight } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'background-color': '#64748b', color: '#1d2330' } },
      { selector: 'node[type = "PERSON"]', style: { 'background-color': '#c2410c' } },
      { selector: 'node[type = "ORGANISATION"]', style: { 'background-color': '#15803d' } },
      { selector: 'node[type = "LOCATION"]', style: { 'background-color': '#1d4ed8' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#cbd5e1', opacity: 0.8 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111827' } },
    ],
    // Strong repulsion and long ideal edges: co-occurrence graphs are dense.
    layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false, padding: 20,
      nodeRepulsion: () => 40000, idealEdgeLength: () => 110, edgeElasticity: () => 60 },
  });
  cy.on('tap', 'node', (evt) => { location.hash = entityHref(evt.target.id()); });
  widgets.push(cy);
}

// ---------------------------------------------------------------- stats

async function statsView(gen) {
  const s = await api('/api/stats');
  show(gen, el('h1', {}, 'Statistik'), table(['', ''], [
    el('tr', {}, el('td', {}, 'artikel'), el('td', { id: 'stat-articles' }, String(s.articles))),
    el('tr', {}, el('td', {}, 'outlet'), el('td', {}, String(s.outlets))),
    el('tr', {}, el('td', {}, 'terbit'), el('td', {}, span(s.first_published, s.last_published))),
    el('tr', {}, el('td', {}, 'baris dibuang'), el('td', {}, String(s.removed_lines)))]),
  el('h3', {}, 'Alasan pembuangan'),
  table(['alasan', 'baris'], Object.entries(s.removed_by_reason || {}).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, String(v))))),
  el('h3', {}, 'Outlet teratas'),
  table(['outlet', 'artikel'], (s.top_outlets || []).map((o) => el('tr', {}, el('td', {}, el('a', { href: '#/search?outlet=' + encodeURIComponent(o.outlet) }, o.outlet)), el('td', {}, String(o.articles))))));
}

// ---------------------------------------------------------------- routing

const ROUTES = [
  [/^\/article\/(.+)$/, (gen, m) => articleView(gen, m[1])],
  [/^\/story\/(.+)$/, (gen, m) => storyView(gen, m[1])],
  [/^\/stories$/, (gen, m, p) => storiesView(gen, p)],
  [/^\/entity\/(.+)$/, (gen, m) => entityView(gen, m[1])],
  [/^\/entities$/, (gen, m, p) => entitiesView(gen, p)],
  [/^\/quotes$/, (gen, m, p) => quotesView(gen, p)],
  [/^\/claims$/, (gen, m, p) => claimsView(gen, p)],
  [/^\/series\/(.+)$/, (gen, m, p) => seriesView(gen, m[1], p)],
  [/^\/series$/, (gen, m, p) => seriesListView(gen, p)],
  [/^\/graph$/, (gen, m, p) => graphView(gen, p)],
  [/^\/stats$/, (gen) => statsView(gen)],
];

async function route() {
  const gen = ++generation;
  for (const w of widgets) { try { w.destroy(); } catch (err) { /* already gone with its container */ } }
  widgets = [];
  const hash = location.hash.slice(1) || '/';
  const cut = hash.indexOf('?');
  const path = cut < 0 ? hash : hash.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  const section = path.split('/')[1] || 'search';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('current', a.dataset.section === section);
  view.setAttribute('aria-busy', 'true');
  try {
    const found = ROUTES.find(([re]) => re.test(path));
    if (found) {
      const m = found[0].exec(path).map((x) => (x === undefined ? x : decodeURIComponent(x)));
      await found[1](gen, m, params);
    } else {
      await searchView(gen, params);
    }
  } catch (err) {
    fail(gen, err);
  } finally {
    if (gen === generation) view.setAttribute('aria-busy', 'false');
  }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  location.hash = '#/search?' + formParams().toString();
});
window.addEventListener('hashchange', route);
route();

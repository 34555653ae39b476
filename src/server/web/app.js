// Warta's web page: a small hash-routed client of the JSON API.
// Every piece of stored text reaches the page through textContent or text
// nodes, never innerHTML, so an article containing markup stays text.
'use strict';

const view = document.getElementById('view');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k === 'href') node.setAttribute('href', v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: { message: res.statusText } }));
  if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
  return body;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
  window.scrollTo(0, 0);
}

function fail(err) {
  show(el('p', { class: 'error' }, 'Gagal: ', err.message));
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
function unescapeHtml(s) {
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m]);
}

// The API's snippets are HTML-escaped text with <mark> around matches; they
// become text nodes and <mark> elements, nothing else.
function snippet(html) {
  const out = el('p', { class: 'snippet' });
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    const text = unescapeHtml(part);
    out.append(marked ? el('mark', {}, text) : document.createTextNode(text));
  }
  return out;
}

function dateOf(iso) { return iso ? iso.slice(0, 10) : 'tanpa tanggal'; }

function meta(a) {
  return el('div', { class: 'meta' }, [a.outlet || 'outlet tidak diketahui', dateOf(a.published)].join(' · '));
}

function formParams() {
  const p = new URLSearchParams();
  for (const id of ['q', 'from', 'to', 'outlet', 'entity']) {
    const v = document.getElementById(id).value.trim();
    if (v) p.set(id, v);
  }
  return p;
}

function fillForm(params) {
  for (const id of ['q', 'from', 'to', 'outlet', 'entity']) document.getElementById(id).value = params.get(id) || '';
}

async function searchView(params) {
  fillForm(params);
  const limit = 10;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const page = await api('/api/search?' + q.toString());
  const hits = page.hits.map((h) =>
    el('div', { class: 'hit' },
      el('h2', {}, el('a', { href: '#/article/' + h.id }, h.title || '(tanpa judul)')),
      meta(h),
      snippet(h.snippet)));
  const pager = el('div', { class: 'pager' });
  const go = (o) => { const n = new URLSearchParams(params); n.set('offset', o); location.hash = '#/search?' + n; };
  if (offset > 0) pager.append(el('a', { href: '#', onclick: (e) => { e.preventDefault(); go(Math.max(0, offset - limit)); } }, '← sebelumnya'));
  if (offset + hits.length < page.estimated_total) pager.append(el('a', { href: '#', onclick: (e) => { e.preventDefault(); go(offset + limit); } }, 'berikutnya →'));
  show(el('p', { class: 'meta', id: 'result-count' }, `sekitar ${page.estimated_total} artikel`), ...hits, pager);
}

// Paragraph text with entity and time spans marked. Spans count code points
// into the whole text (paragraphs joined by "\n").
function markedParagraphs(a) {
  const spans = [];
  for (const m of a.entities) spans.push({ ...m.span, cls: 'ent ' + m.type, title: `${m.canonical || m.text} (${m.type})`, entity: m.entity_id });
  for (const t of a.timexes) spans.push({ ...t.span, cls: 'tmx', title: `${t.type} ${t.value || '(tidak terselesaikan)'}` });
  spans.sort((x, y) => x.begin - y.begin || y.end - x.end);
  const cps = Array.from(a.text);
  const paragraphs = [];
  let para = el('p');
  let pos = 0;
  const flushText = (upto) => {
    while (pos < upto) {
      const nl = cps.indexOf('\n', pos);
      const stop = nl === -1 || nl >= upto ? upto : nl;
      if (stop > pos) para.append(document.createTextNode(cps.slice(pos, stop).join('')));
      pos = stop;
      if (pos < upto && cps[pos] === '\n') { paragraphs.push(para); para = el('p'); pos++; }
    }
  };
  for (const s of spans) {
    if (s.begin < pos || s.end > cps.length || s.begin >= s.end) continue;  // overlapping or out of range: left plain
    flushText(s.begin);
    const text = cps.slice(s.begin, s.end).join('');
    const node = el('span', { class: s.cls, title: s.title }, text);
    if (s.entity) node.addEventListener('click', () => { location.hash = '#/entity/' + encodeURIComponent(s.entity); });
    para.append(node);
    pos = s.end;
  }
  flushText(cps.length);
  paragraphs.push(para);
  return paragraphs;
}

async function articleView(id) {
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const byline = [a.authors.length ? 'Penulis: ' + a.authors.join(', ') : '', a.editors.length ? 'Editor: ' + a.editors.join(', ') : ''].filter(Boolean).join(' · ');
  const sections = [];
  if (a.quotes.length)
    sections.push(el('h3', {}, 'Kutipan'), el('table', {}, a.quotes.map((q) => el('tr', {}, el('td', {}, q.speaker || '?'), el('td', { class: 'quote' }, q.text)))));
  if (a.claims.length)
    sections.push(el('h3', {}, 'Klaim angka'), el('table', {}, a.claims.map((c) => el('tr', {}, el('td', {}, c.claimant || '?'), el('td', { class: 'claim' }, c.text), el('td', {}, c.unit)))));
  const removed = el('details', { id: 'removed' },
    el('summary', {}, `Baris yang dibuang saat pembersihan (${a.removed.length})`),
    el('table', {}, a.removed.map((r) => el('tr', {}, el('td', {}, String(r.line)), el('td', {}, r.reason), el('td', {}, r.text)))));
  show(el('article', {},
    el('h1', {}, a.title || '(tanpa judul)'),
    meta(a),
    byline ? el('div', { class: 'meta' }, byline) : null,
    a.url ? el('div', { class: 'meta' }, el('a', { href: a.url, rel: 'noopener noreferrer' }, a.url)) : null,
    el('div', { class: 'text' }, markedParagraphs(a)),
    ...sections,
    removed));
}

async function entityView(id) {
  const e = await api('/api/entities/' + encodeURIComponent(id));
  show(
    el('h1', {}, e.canonical),
    el('div', { class: 'meta' }, `${e.type} · ${e.mentions} sebutan dalam ${e.articles} artikel`),
    el('h3', {}, 'Nama lain'),
    el('div', { class: 'chips' }, e.aliases.map((x) => el('span', {}, `${x.text} (${x.mentions})`))),
    el('h3', {}, 'Artikel'),
    el('table', {}, e.articles.map((a) => el('tr', {}, el('td', {}, dateOf(a.published)), el('td', {}, a.outlet), el('td', {}, el('a', { href: '#/article/' + a.id }, a.title || '(tanpa judul)'))))),
    el('h3', {}, 'Muncul bersama'),
    el('table', {}, e.cooccurring.map((c) => el('tr', {}, el('td', {}, el('a', { href: '#/entity/' + encodeURIComponent(c.id) }, c.canonical)), el('td', {}, c.type), el('td', {}, `${c.shared_articles} artikel`)))));
}

async function entitiesView(params) {
  const type = params.get('type') || '';
  const page = await api('/api/entities?limit=100' + (type ? '&type=' + encodeURIComponent(type) : ''));
  const filters = el('p', {}, ['', 'PERSON', 'ORGANISATION', 'LOCATION'].map((t) => el('a', { href: '#/entities' + (t ? '?type=' + t : ''), class: 'filter' }, t || 'semua')));
  show(el('h1', {}, 'Entitas'), filters,
    page.items.length === 0 ? el('p', {}, 'Belum ada entitas.') : el('table', {},
      el('tr', {}, el('th', {}, 'nama'), el('th', {}, 'jenis'), el('th', {}, 'artikel'), el('th', {}, 'sebutan')),
      page.items.map((e) => el('tr', {}, el('td', {}, el('a', { href: '#/entity/' + encodeURIComponent(e.id) }, e.canonical)), el('td', {}, e.type), el('td', {}, String(e.articles)), el('td', {}, String(e.mentions))))));
}

async function statsView() {
  const s = await api('/api/stats');
  show(el('h1', {}, 'Statistik'), el('table', {},
    el('tr', {}, el('td', {}, 'artikel'), el('td', {}, String(s.articles))),
    el('tr', {}, el('td', {}, 'outlet'), el('td', {}, String(s.outlets))),
    el('tr', {}, el('td', {}, 'terbit'), el('td', {}, `${dateOf(s.first_published)} – ${dateOf(s.last_published)}`)),
    el('tr', {}, el('td', {}, 'baris dibuang'), el('td', {}, String(s.removed_lines)))),
    el('h3', {}, 'Alasan pembuangan'),
    el('table', {}, Object.entries(s.removed_by_reason).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, String(v))))));
}

async function route() {
  const hash = location.hash.slice(1) || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  try {
    if (path.startsWith('/article/')) return await articleView(decodeURIComponent(path.slice(9)));
    if (path.startsWith('/entity/')) return await entityView(decodeURIComponent(path.slice(8)));
    if (path === '/entities') return await entitiesView(params);
    if (path === '/stats') return await statsView();
    return await searchView(params);
  } catch (err) {
    fail(err);
  }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  location.hash = '#/search?' + formParams().toString();
});
window.addEventListener('hashchange', route);
route();

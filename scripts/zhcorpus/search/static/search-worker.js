/* Search worker: fetches index pieces on demand and answers queries.
 * The algorithm mirrors scripts/zhcorpus/search/query.py (the tested reference);
 * byte formats mirror codec.py. Every URL is relative to the index base, so the
 * site works under any sub-path, and nothing is fetched from another host.
 * The index is data from a server, not code: a manifest of another format and a
 * link that leaves the site are errors, never followed. */
"use strict";

const FORMAT = 1;  // the manifest's "format" this worker reads (index.py manifest_for)

let base = null, site = null, manifest = null, foldMap = null, ignored = new Set(), chunkStarts = null, facets = null, rowOfDoc = null, placed = null;
const files = new Map();          // path -> Promise<ArrayBuffer|null>; shards and chunks never change
const shardCache = new Map();     // shard path -> Map(gram -> [kind, Uint8Array])
let bytes = 0;

function get(path) {
  if (!files.has(path)) {
    const url = new URL(path + (manifest ? "?v=" + manifest.version : ""), base);
    files.set(path, fetch(url).then(r => r.ok ? r.arrayBuffer() : null).then(b => { if (b) bytes += b.byteLength; return b; }));
  }
  return files.get(path);
}
const utf8 = new TextDecoder();
async function getJSON(path) { const b = await get(path); return b ? JSON.parse(utf8.decode(b)) : null; }

function varints(data) {  // all varints of a byte array
  const out = []; let v = 0, shift = 0;
  for (const byte of data) { v += (byte & 0x7f) * 2 ** shift; if (byte < 0x80) { out.push(v); v = 0; shift = 0; } else shift += 7; }
  return out;
}
function b64(s) { return Uint8Array.from(atob(s), c => c.charCodeAt(0)); }
function idsOf(data) { let prev = -1; return varints(data).map(g => (prev += g + 1)); }

async function init(indexUrl, siteUrl) {
  base = new URL(indexUrl, self.location.href);
  site = new URL(siteUrl || "../", base);
  manifest = checked(await getJSON("manifest.json"));
  foldMap = new Map();
  const pairs = Array.from(manifest.fold);  // code points, not UTF-16 units
  for (let i = 0; i < pairs.length; i += 2) foldMap.set(pairs[i], pairs[i + 1]);
  ignored = new Set(Array.from(manifest.ignore || ""));
  chunkStarts = idsOf(b64(manifest.chunks));
  // Documents an in-place update left out of id order: id -> [anchor, position after it] (update.py).
  placed = new Map();
  const order = varints(b64(manifest.placed || ""));
  for (let i = 0; i < order.length; i += 2) {
    const anchor = order[i + 1] - 1, prev = i ? placed.get(order[i - 2]) : null;
    placed.set(order[i], [anchor, prev && prev[0] === anchor ? prev[1] + 1 : 1]);
  }
}
function checked(m) {
  if (!m || m.format !== FORMAT) {
    const found = !m ? "none (no manifest.json)" : m.format === undefined ? "missing" : JSON.stringify(m.format);
    throw new Error(`search/manifest.json: format ${found}, this page reads format ${FORMAT}`);
  }
  // It goes into every file's URL (?v=): hex, as index.py writes it.
  if (!/^[0-9a-f]{1,64}$/.test(m.version)) throw new Error(`search/manifest.json: version ${JSON.stringify(m.version)} is not hex`);
  return m;
}
// A link from a chunk: a relative URL (no scheme, no host, no leading slash, no
// whitespace or backslash, which browsers drop or read as "/") that stays inside the
// site. Anything else (javascript:, data:, //host, https://…, ../ out of the site) is
// an error: a tampered chunk must not choose where a result leads.
function inSite(url, where) {
  const relative = typeof url === "string" && !/^[^/?#]*:/.test(url) && !/^\//.test(url) && !/[\x00-\x20\x7f\\]/.test(url);
  if (relative && new URL(url, site).href.startsWith(site.href)) return url;
  throw new Error(`${where}: ${JSON.stringify(url)} is not a link inside this site`);
}
// Rank order (query.py Searcher.ranked): id order, but for the documents an update placed.
function ranked(ids) {
  if (!placed.size) return ids.sort((a, b) => a - b);
  const key = id => placed.get(id) || [id, 0];
  return ids.sort((a, b) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1]; });
}

function foldChar(c) {  // same rules, same order as fold.py's _translate()
  const m = foldMap.get(c); if (m) return m;
  const n = c.codePointAt(0);
  if (n >= 0xff01 && n <= 0xff5e) return String.fromCharCode(n - 0xfee0).toLowerCase();
  if (n >= 65 && n <= 90) return c.toLowerCase();
  if (c === "\u3000" || c === "\t" || c === "\n" || c === "\r" || c === "\xa0") return " ";
  return c;
}
// Length-preserving in UTF-16 units too (every table entry is a BMP character), so
// offsets in folded text are offsets in the original.
function fold(s) { let o = ""; for (const c of s) o += foldChar(c); return o; }
// Folded text as matching compares it, without the dashes it ignores (fold.py squeeze),
// and where each of its units was in the text, for the highlight.
function keyed(s) {
  let text = "", at = [], i = 0;
  for (const c of s) {
    const f = foldChar(c);
    if (!ignored.has(f)) { text += f; for (let k = 0; k < f.length; k++) at.push(i + k); }
    i += c.length;
  }
  at.push(i);
  return { text, at };
}
const key = s => keyed(s).text;

function parse(query) {
  const q = fold(query).replace(/ +/g, " ").trim(), aliases = manifest.aliases;
  const alt = w => Object.prototype.hasOwnProperty.call(aliases, w) ? [...new Set([...aliases[w], w])].sort() : [w];
  // Compared as indexed (query.py parse): a term that was only dashes is no term.
  const keys = alts => [...new Set(alts.map(a => key(a).trim()))].filter(a => a).sort();
  if (!q) return [];
  if (Object.prototype.hasOwnProperty.call(aliases, q)) return [dropImplied(keys(alt(q)))].filter(t => t.length);
  const terms = [];
  for (const m of q.matchAll(/"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/g)) {
    const quoted = [m[1], m[2], m[3]].find(g => g !== undefined);
    if (quoted !== undefined) { if (quoted.trim()) terms.push([quoted.trim()]); }
    else terms.push(alt(m[4]));
  }
  return terms.map(keys).filter(t => t.length).map(dropImplied);
}
// An alternative containing another adds no document to their union, only shards (query.py drop_implied).
const dropImplied = alts => alts.filter(a => !alts.some(b => b !== a && a.includes(b)));

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

async function shard(path) {
  if (shardCache.has(path)) return shardCache.get(path);
  const buf = await get(path), grams = new Map();
  if (buf) {
    const d = new Uint8Array(buf); let p = 0;
    const rv = () => { let v = 0, s = 0, b; do { b = d[p++]; v += (b & 0x7f) * 2 ** s; s += 7; } while (b >= 0x80); return v; };
    while (p < d.length) {
      const n = d[p], gram = utf8.decode(d.subarray(p + 1, p + 1 + n)), kind = d[p + 1 + n];
      p += 2 + n; rv(); const len = rv();
      grams.set(gram, [kind, d.subarray(p, p + len)]); p += len;
    }
  }
  shardCache.set(path, grams);
  return grams;
}

async function postings(gram) {
  const n = fnv1a(gram) % manifest.shards;
  const entry = (await shard("shards/" + n.toString(16).padStart(manifest.shardWidth, "0") + ".bin")).get(gram);
  if (!entry) return [];
  if (entry[0] === 0) return idsOf(entry[1]);
  const out = [];
  entry[1].forEach((byte, i) => { for (let b = 0; b < 8; b++) if (byte >> b & 1) out.push(i * 8 + b); });
  return out;
}

// Every bigram of a term, all fetched at once: one round trip of shards. Fetching the
// bigrams at even offsets first and the others only when candidates were many took up to
// three rounds, the slowest part of a long phrase's first query (query.py grams).
function grams(term) {
  const cs = Array.from(term);
  if (cs.length === 1) return [term];
  return [...new Set(cs.slice(0, -1).map((c, i) => c + cs[i + 1]))];
}
const intersect = (a, b) => { const s = new Set(b); return a.filter(x => s.has(x)); };

async function altIds(alt) {
  const lists = await Promise.all(grams(alt).map(postings));
  lists.sort((a, b) => a.length - b.length);
  return lists.reduce(intersect);
}

async function candidates(terms) {
  // Every alternative of every term at once: each waits only on its own shards
  // (an English name can stand for several Chinese forms). Same sets as query.py.
  const perTerm = await Promise.all(terms.map(alts => Promise.all(alts.map(altIds))));
  let result = null;
  for (const lists of perTerm) {
    const u = [...new Set(lists.flat())];
    result = result === null ? u : intersect(result, u);
  }
  const exact = terms.every(alts => alts.every(alt => Array.from(alt).length <= 2));
  return [ranked(result || []), exact];
}

async function allowed(filters) {  // -> Set of filter rows, or null for "no filter"
  const keys = ["speaker", "event", "theme", "outlet", "said", "kind"].filter(k => filters[k]);
  if (!keys.length && !filters.from && !filters.to) return null;
  await loadFacets();
  const rows = new Set();
  facets.dates.forEach((d, r) => {
    if ((!filters.from || d >= filters.from) && (!filters.to || (d && d <= filters.to))) rows.add(r);
  });
  for (const k of keys) {
    const v = facets.values[k][filters[k]], ok = new Set(v ? idsOf(b64(v.rows)) : []);
    for (const r of [...rows]) if (!ok.has(r)) rows.delete(r);
  }
  return rows;
}
async function loadFacets() {
  if (facets) return facets;
  facets = await getJSON("facets.json");
  const runs = varints(b64(facets.rows)); rowOfDoc = new Int32Array(manifest.docs);
  for (let i = 0, d = 0; i < runs.length; i += 2) rowOfDoc.fill(runs[i], d, d += runs[i + 1]);
  return facets;
}

function chunkOf(id) { let lo = 0, hi = chunkStarts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (chunkStarts[m] <= id) lo = m; else hi = m - 1; } return lo; }
async function doc(id) {  // null for a document an update removed (query.py Searcher.doc)
  const n = chunkOf(id), c = await getJSON("chunks/" + n + ".json"), row = c.docs[id - chunkStarts[n]];
  if (!row) return null;
  const [kind, page, anchor, text, meta] = row, [url, title] = c.pages[page], where = `search/chunks/${n}.json`;
  const link = inSite(anchor ? url + "#" + anchor : url, where);
  const out = { id, kind: ["page", "quote", "section"][kind], title, url: link, text };
  // A quote's speaker, outlet, date and other reports (documents.py quote_meta): data, links checked.
  if (meta && typeof meta === "object") {
    const str = v => typeof v === "string" ? v : "";
    out.meta = { speaker: str(meta.speaker), said: str(meta.said), role: str(meta.role), outlet: str(meta.outlet), date: str(meta.date),
                 others: (Array.isArray(meta.others) ? meta.others : []).map(o => [str(o[0]), str(o[1]), str(o[2]), inSite(o[3], where)]),
                 more: Number.isInteger(meta.more) && meta.more > 0 ? meta.more : 0, entry: meta.more ? inSite(meta.entry, where) : "" };
  }
  return out;
}

function snippet(text, folded, terms, width = 90) {  // folded: keyed(text)
  const ranges = [], k = folded.text, at = folded.at;
  for (const alts of terms) for (const a of alts) for (let i = k.indexOf(a); i >= 0; i = k.indexOf(a, i + 1)) ranges.push([at[i], at[i + a.length - 1] + 1]);
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges.length ? ranges[0][0] : 0, start = Math.max(0, Math.min(first - 24, text.length - width)), end = Math.min(text.length, start + width);
  const parts = []; let pos = start;
  for (const [a, b] of ranges) {
    if (a < pos || a >= end) continue;
    if (a > pos) parts.push([text.slice(pos, a), 0]);
    parts.push([text.slice(a, Math.min(b, end)), 1]); pos = Math.min(b, end);
  }
  if (pos < end) parts.push([text.slice(pos, end), 0]);
  return { parts, before: start > 0, after: end < text.length };
}

// Verify candidates in rank order, a round at a time (their chunks fetched in parallel: one
// round trip), until `limit` hits or `budget` chunk bytes: the same steps as query.py Searcher.search.
const BUDGET = 40000, MIN_ROUND = 8, MAX_ROUND = 20;  // query.py
// As many as results are missing, more by the share of candidates that failed so far (query.py round_size).
function roundSize(missing, verified, found) {
  const grown = found >= verified ? missing : Math.ceil(missing * verified / Math.max(found, 1));
  return Math.max(missing, MIN_ROUND, Math.min(grown, MAX_ROUND));
}
async function search({ q, limit = 10, filters = {}, budget = BUDGET }) {  // query.py RESULTS_PER_PAGE
  const start = bytes, terms = parse(q), rows = await allowed(filters);
  // No query: a filter lists everything it selects, in rank order (newest first in each kind).
  if (!terms.length && !rows) return { terms, total: 0, exact: true, complete: true, hits: [], bytes: 0 };
  let [ids, exact] = terms.length ? await candidates(terms) : [ranked([...Array(manifest.docs).keys()]), true];
  if (rows) ids = ids.filter(i => rows.has(rowOfDoc[i]));
  const hits = []; let i = 0, done = 0, spent = 0;
  while (i < ids.length && hits.length < limit && spent < budget) {
    const batch = ids.slice(i, i + roundSize(limit - hits.length, done, hits.length)); i += batch.length;
    const before = bytes, docs = (await Promise.all(batch.map(doc))).filter(d => d);
    spent += bytes - before;
    for (const d of docs) {
      if (hits.length >= limit) break;
      done++;
      const folded = keyed(d.text);
      if (!exact && !terms.every(alts => alts.some(a => folded.text.includes(a)))) continue;
      d.snippet = snippet(d.text, folded, terms); delete d.text; hits.push(d);
    }
  }
  // exact: the postings are the answer. Otherwise only what was verified is known.
  const complete = exact || done >= ids.length;
  return { terms, total: exact ? ids.length : (complete ? hits.length : null), candidates: ids.length,
           exact, complete, more: !complete || ids.length > hits.length, hits, bytes: bytes - start };
}

self.onmessage = async (e) => {
  const m = e.data;
  try {
    if (m.type === "init") { await init(m.indexUrl, m.siteUrl); self.postMessage({ type: "ready", id: m.id, docs: manifest.docs }); }
    else if (m.type === "facets") { const f = await loadFacets(); self.postMessage({ type: "facets", id: m.id, values: f.values }); }
    else if (m.type === "search") self.postMessage({ type: "results", id: m.id, ...(await search(m)) });
    else if (m.type === "stats") self.postMessage({ type: "stats", id: m.id, bytes });
  } catch (err) { self.postMessage({ type: "error", id: m.id, message: String(err) }); }
};

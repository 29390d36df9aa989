// banmian serve: the live proof. The server sends one `build` event per build over
// server-sent events; a proof arrives as the keys of each page's blocks in order, the text of
// only the blocks and definitions this page does not have yet, the findings with their places
// (pt from the page's corner) and where each printed line came from in the YAML.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const blocks = new Map(); // key -> element, the blocks of the proof shown
let current = null; // the proof shown: { id, pages, findings, sources, pagesToFill }
// Each build shown, for tests and latency measurements: { build, proof, broken, and when its
// event arrived, when the page was updated and when it was painted (epoch ms) }.
window.banmianLog = [];
// Where the lines and photos of the proof shown came from, for tests.
window.banmianSources = () => (current ? current.sources : []);

const $ = (id) => document.getElementById(id);

// The words of the page in the editor's language, from the server's message files: `say`
// fills in a message's `{name}`s as text; `sayInto` puts elements in their places.
const WORDS = JSON.parse($('words').textContent);
const say = (id, args = {}) => WORDS[id].replace(/\{(\w+)\}/g, (m, name) => (name in args ? args[name] : m));
function sayInto(element, id, parts) {
  element.replaceChildren(...WORDS[id].split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece);
    return name && parts[name[1]] ? parts[name[1]] : document.createTextNode(piece);
  }));
}
function span(className, text = '') {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

// Elements from SVG text: one per top-level element of `texts`.
function parseSvg(texts) {
  const source = `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" xmlns:h5="http://www.w3.org/1999/xhtml">${texts.join('')}</svg>`;
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('bad SVG from the server');
  return Array.from(doc.documentElement.children, (e) => document.importNode(e, true));
}

function svgElement(name, attributes) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  return e;
}

// Blocks are elements (sent as text) or groups of blocks (an opening tag and child keys).
// `kinds` keeps what each key is, so that a group reused whole still counts its children as
// kept: the server sends a block only once while the browser holds it.
const kinds = new Map(); // key -> string (leaf) or { open, children }
const keyOf = new WeakMap(); // element -> the key it shows
const openOf = new WeakMap(); // group element -> its opening tag

function applyProof(p) {
  if (p.defs) $('defs').append(...parseSvg([p.defs]));
  for (const [key, chunk] of Object.entries(p.chunks)) kinds.set(key, chunk);
  // New leaves, parsed in one go.
  const leaves = Object.keys(p.chunks).filter((k) => typeof p.chunks[k] === 'string');
  if (leaves.length) {
    parseSvg(leaves.map((k) => p.chunks[k])).forEach((e, i) => {
      blocks.set(leaves[i], e);
      keyOf.set(e, leaves[i]);
    });
  }
  // The keys of this proof, and the elements shown already that stay as they are, their
  // children with them (a key names its whole content: what is shown under it is current).
  const used = new Set();
  const staying = new Set();
  const survey = (key, under) => {
    used.add(key);
    const e = blocks.get(key);
    const stays = !under && e && e.isConnected;
    if (stays) staying.add(e);
    const kind = kinds.get(key);
    if (typeof kind !== 'string') kind.children.forEach((child) => survey(child, under || stays));
  };
  p.pages.forEach((page) => page.chunks.forEach((key) => survey(key, false)));
  const placed = new Set(); // elements put in place by this proof
  // Whether `e` lies inside an element that stays: it is copied, not taken from there.
  const inside = (e) => {
    for (let up = e.parentNode; up; up = up.parentNode) if (staying.has(up)) return true;
    return false;
  };
  // `parent`'s children made the blocks `keys`, in order, moving as little as possible: a
  // block shown already stays (or is moved, or copied if it is needed twice); a group that
  // changed is the element shown in its place when that has the same opening tag, its
  // children put right in turn. The browser then repaints what changed, not the page.
  const reconcile = (parent, keys) => {
    keys.forEach((key, at) => {
      const there = parent.children[at] || null;
      let e = blocks.get(key);
      if (e && (placed.has(e) || inside(e))) {
        e = e.cloneNode(true);
      } else if (!e) {
        const kind = kinds.get(key);
        const was = there && keyOf.get(there);
        if (there && !placed.has(there) && !used.has(was) && openOf.get(there) === kind.open) {
          e = there;
          blocks.delete(was);
        } else {
          [e] = parseSvg([kind.open + '</g>']);
          openOf.set(e, kind.open);
        }
        blocks.set(key, e);
        keyOf.set(e, key);
        reconcile(e, kind.children);
      }
      placed.add(e);
      // (Putting `e`'s own children right may have taken `there` from this parent.)
      const before = parent.children[at] || null;
      if (e !== before) parent.insertBefore(e, before);
    });
    while (parent.children.length > keys.length) parent.lastChild.remove();
  };
  const container = $('pages');
  p.pages.forEach((page, i) => {
    let sheet = container.children[i];
    if (!sheet) {
      sheet = document.createElement('div');
      sheet.className = 'sheet';
      sheet.innerHTML = '<p class="label"></p>';
      const svg = svgElement('svg', { class: 'page' });
      svg.addEventListener('click', (event) => clicked(event, svg));
      sheet.append(svg);
      container.append(sheet);
    }
    const svg = sheet.querySelector('svg.page');
    svg.setAttribute('viewBox', page.viewBox);
    svg.dataset.page = i + 1;
    const overflow = i + 1 > p.pagesToFill;
    sheet.classList.toggle('overflow', overflow);
    sheet.querySelector('.label').textContent = overflow
      ? say('serve-page-overset', { page: i + 1 })
      : say('serve-page', { page: i + 1 });
    // The page group (it moves the page inside the bleed), its blocks, then the marks on top.
    // The group shown stays when its opening tag is the same.
    let content = svg.querySelector(':scope > g.content');
    if (!content || svg.dataset.open !== page.open) {
      [content] = parseSvg([page.open + '</g>']);
      content.classList.add('content');
      svg.dataset.open = page.open;
    }
    reconcile(content, page.chunks);
    // The marks stay too (the findings and changes are drawn on them again as they change).
    let marks = svg.querySelector(':scope > g.marks');
    if (!marks || content.parentNode !== svg) {
      [marks] = parseSvg([page.open + '</g>']);
      marks.classList.add('marks');
      svg.replaceChildren(content, marks);
      drawnFindings = null;
    }
    marks.querySelectorAll('.clicked').forEach((e) => e.remove());
  });
  while (container.children.length > p.pages.length) container.lastChild.remove();
  for (const key of [...kinds.keys()]) {
    if (!used.has(key)) {
      kinds.delete(key);
      blocks.delete(key);
    }
  }
  current = p;
  [...container.children].forEach((sheet, i) => drawInk(sheet, i + 1));
  document.title = `${p.page} · banmian`;
  drawChanges();
  drawFindings();
}

// What changed since the previous build, under the findings: a red box around changed
// characters of a line, a dashed outline around what only moved.
function drawChanges() {
  const sheets = $('pages').children;
  const since = $('since').value;
  for (const option of current.rounds) {
    if (![...$('since').options].some((o) => o.value === option.name)) $('since').add(new Option(say('serve-round', { name: option.name }), option.name));
  }
  const round = current.rounds.find((r) => r.name === since);
  // A round kept from this very proof has no entry yet: nothing changed since it.
  const changes = since ? (round ? round.changes : []) : current.changes;
  $('pages').querySelectorAll('rect.change').forEach((e) => e.remove());
  for (const c of changes) {
    const sheet = sheets[c.area.page - 1];
    if (!sheet) continue;
    const a = c.area;
    sheet.querySelector('g.marks').append(svgElement('rect', {
      x: a.x - 1, y: a.y - 1, width: a.width + 2, height: a.height + 2, class: `change ${c.kind}`,
    }));
  }
}

// The findings drawn, as JSON: the same findings after an edit are left as they are, so the
// browser does not paint the page under them again.
let drawnFindings = null;

function drawFindings() {
  const drawn = JSON.stringify(current.findings);
  if (drawn === drawnFindings) return;
  drawnFindings = drawn;
  $('pages').querySelectorAll('rect.finding').forEach((e) => e.remove());
  const list = $('findings');
  list.replaceChildren();
  const sheets = $('pages').children;
  current.findings.forEach((f, n) => {
    const item = document.createElement('li');
    item.className = f.severity;
    item.innerHTML = '<span class="message"></span><br><span class="at"></span>';
    item.querySelector('.message').textContent = f.message;
    item.querySelector('.at').textContent = f.at;
    item.addEventListener('mouseenter', () => light(n, true));
    item.addEventListener('mouseleave', () => light(n, false));
    item.addEventListener('click', () => {
      const mark = document.querySelector(`rect[data-finding="${n}"]`);
      if (mark) mark.scrollIntoView({ block: 'center', inline: 'center' });
    });
    list.append(item);
    for (const a of f.areas) {
      const sheet = sheets[a.page - 1];
      if (!sheet) continue;
      const rect = svgElement('rect', {
        x: a.x, y: a.y, width: Math.max(a.width, 2), height: Math.max(a.height, 2),
        class: `finding ${f.severity} ${f.check}`, 'data-finding': n,
      });
      rect.addEventListener('mousemove', (e) => tip(e, f));
      rect.addEventListener('mouseleave', () => { $('tip').hidden = true; });
      sheet.querySelector('g.marks').append(rect);
    }
  });
  if (!current.findings.length) list.innerHTML = '<li>none: preflight clean</li>';
}

function light(n, on) {
  document.querySelectorAll(`rect[data-finding="${n}"]`).forEach((r) => r.classList.toggle('lit', on));
}

function tip(event, f) {
  const t = $('tip');
  t.innerHTML = '<span class="message"></span><br><span class="at"></span>';
  t.querySelector('.message').textContent = f.message;
  t.querySelector('.at').textContent = f.at;
  t.style.left = `${event.clientX + 12}px`;
  t.style.top = `${event.clientY + 12}px`;
  t.hidden = false;
}

// Click to source: the smallest line or photo under the pointer, its YAML position, and the
// editor opened there when the server was given --editor.
async function clicked(event, svg) {
  if (!current) return;
  const marks = svg.querySelector('g.marks');
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(marks.getScreenCTM().inverse());
  const page = Number(svg.dataset.page);
  const hits = current.sources.filter(({ area: a }) => a.page === page
    && point.x >= a.x && point.x <= a.x + a.width && point.y >= a.y && point.y <= a.y + a.height);
  hits.sort((a, b) => a.area.width * a.area.height - b.area.width * b.area.height);
  marks.querySelectorAll('.clicked').forEach((e) => e.remove());
  const source = $('source');
  if (!hits.length) {
    source.textContent = say('serve-nothing-here');
    return;
  }
  const hit = hits[0];
  const a = hit.area;
  marks.append(svgElement('rect', { x: a.x, y: a.y, width: a.width, height: a.height, class: 'clicked' }));
  sayInto(source, 'serve-source-at', {
    what: span('what', hit.what),
    at: span('at', `${current.page}:${hit.line}:${hit.column}`),
  });
  source.append(document.createElement('br'), span('editor'));
  source.dataset.line = hit.line;
  source.dataset.column = hit.column;
  const response = await fetch('/open', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ line: hit.line, column: hit.column }),
  });
  source.querySelector('.editor').textContent = await response.text();
}

function showBuild(message, receivedAt) {
  const status = $('status');
  const broken = message.broken;
  $('broken').hidden = !broken;
  document.body.classList.toggle('broken', !!broken);
  if (broken) $('broken-text').textContent = broken.text;
  if (message.proof) applyProof(message.proof);
  const appliedAt = Date.now();
  if (broken) {
    status.textContent = say('serve-build-failed', { build: message.build, seconds: message.seconds.toFixed(2) });
  } else if (current) {
    status.textContent = say('serve-build-done', {
      build: message.build, seconds: message.seconds.toFixed(2), summary: current.summary,
    });
  } else {
    status.textContent = say('serve-building');
  }
  status.classList.toggle('failed', !!broken);
  document.body.dataset.build = message.build;
  // Logged once the browser has painted it.
  requestAnimationFrame(() => setTimeout(() => {
    window.banmianLog.push({
      build: message.build, proof: current && current.id, broken: !!broken,
      receivedAt, appliedAt, shownAt: Date.now(),
    });
  }, 0));
}

function connect() {
  const events = new EventSource('/events');
  events.addEventListener('build', (e) => {
    const receivedAt = Date.now();
    const message = JSON.parse(e.data);
    if (message.proof && current && message.proof.id === current.id) message.proof = null;
    showBuild(message, receivedAt);
  });
  events.onerror = () => {
    $('status').textContent = say('serve-disconnected');
    // A new connection starts from nothing: the server sends everything again.
    events.close();
    blocks.clear();
    kinds.clear();
    $('defs').replaceChildren();
    current = null;
    drawnFindings = null;
    setTimeout(connect, 1000);
  };
}

$('show-findings').addEventListener('change', (e) => document.body.classList.toggle('no-findings', !e.target.checked));
$('since').addEventListener('change', () => { if (current) drawChanges(); });
$('keep').addEventListener('click', async () => {
  const name = prompt(say('serve-keep-prompt'));
  if (name) await keepRound(name);
});
// Keeps the proof shown as round `name`; says how it went in the status line.
async function keepRound(name) {
  const response = await fetch('/round', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  $('status').textContent = (await response.text()).trim();
  if (response.ok && ![...$('since').options].some((o) => o.value === name)) {
    $('since').add(new Option(say('serve-round', { name }), name));
  }
  return response.ok;
}
window.banmianKeepRound = keepRound;
// The ink map over a page, when asked for: the server makes it on first request.
function drawInk(sheet, page) {
  let map = sheet.querySelector('img.ink');
  if (!$('show-ink').checked || !current) {
    if (map) map.remove();
    return;
  }
  if (!map) {
    map = document.createElement('img');
    map.className = 'ink';
    map.alt = '';
    sheet.append(map);
  }
  const src = `/ink/${current.id}/${page}`;
  if (map.getAttribute('src') !== src) map.setAttribute('src', src);
}
$('show-ink').addEventListener('change', () => {
  [...$('pages').children].forEach((sheet, i) => drawInk(sheet, i + 1));
});
$('show-changes').addEventListener('change', (e) => document.body.classList.toggle('no-changes', !e.target.checked));
$('zoom').addEventListener('input', (e) => document.documentElement.style.setProperty('--zoom', e.target.value / 100));
connect();

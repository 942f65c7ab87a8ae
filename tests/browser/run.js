#!/usr/bin/env node
// run.js - clerk publish's site in a real browser (Debian's Chromium, driven
// by puppeteer-core), as TAP for tests/run. Environment: CLERK (the binary),
// CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (a folder: save the
// register and a record page there as PNG, for the docs). An argument
// runs only the tests whose name holds it.
//
// Every test is skipped, never passed, when Chromium or the npm packages
// are missing. The sites are served from 127.0.0.1 by a server of this
// script (and one page is also opened from file://).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFileSync, spawnSync } = require('child_process');

const here = __dirname;
const repo = path.resolve(here, '../..');
const clerk = process.env.CLERK || path.join(repo, 'build/clerk');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const AS_OF = '2025-12-31';
const TEST_MINUTES = 10;

const tests = [];
function test(name, fn) { tests.push({ name, fn }); }

// ------------------------------------------------------------ the sites

// Publishes the set in folder set into folder out; returns out.
function publish(set, out, extra) {
  execFileSync(clerk, ['publish', '--output', out, '--as-of', AS_OF].concat(extra || []),
    { cwd: set, stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

// A set of 1,000 records: 400 decisions, 300 agreements adopted by them
// and 300 reports in 30 series citing the agreements. Every 50th decision
// is not public (its schema's not-public-if), so 8 are left out and the
// records citing them must show their id without a link.
const BIG_NOT_PUBLIC = 8;
function generateSet(dir) {
  write(path.join(dir, '.clerk.yml'), 'schemas: schemas\n');
  write(path.join(dir, 'schemas/decision.yml'), `name: decision
extends: decision
fields:
  openbaar:
    type: enum
    values: [ja, nee]
    default: ja
not-public-if: {field: openbaar, equals: nee}
`);
  const pad = (n, w) => String(n).padStart(w, '0');
  const words = ['afvalinzameling', 'gladheid', 'parkeren', 'jeugdzorg', 'subsidie', 'groen',
    'riolering', 'sport', 'cultuur', 'onderwijs'];
  for (let i = 1; i <= 400; i++) {
    const status = i % 10 === 0 ? 'withdrawn' : 'adopted';
    write(path.join(dir, `besluiten/2024-${pad(i, 3)}.md`), `---
type: decision
id: 2024-${pad(i, 3)}
title: Besluit ${i} over ${words[i % 10]}
date: 2024-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}
status: ${status}
authority: College van burgemeester en wethouders
${i % 50 === 0 ? 'openbaar: nee\n' : ''}${i > 1 ? `cites: [2024-${pad(i - 1, 3)}]\n` : ''}---
# Besluit ${i} over ${words[i % 10]}

## Besluit

1. Het college stemt in met voorstel ${i} over ${words[i % 10]}.
`);
  }
  for (let i = 1; i <= 300; i++) {
    write(path.join(dir, `convenanten/COV-2024-${pad(i, 3)}.md`), `---
type: covenant
id: COV-2024-${pad(i, 3)}
title: Overeenkomst ${i} ${words[(i + 3) % 10]}
date: 2024-01-${pad(1 + (i % 28), 2)}
status: active
parties: [Gemeente Dijkmeer, Gemeente Zandwijk]
effective: 2024-02-01
expires: 2027-01-31
reporting: P1Y
adopted-by: 2024-${pad(i, 3)}
---
# Overeenkomst ${i}

## Partijen

De gemeenten Dijkmeer en Zandwijk.

## Doel

Samenwerken aan ${words[(i + 3) % 10]}, zie [het besluit](../besluiten/2024-${pad(i, 3)}.md).

## Afspraken

1. Partijen werken samen.

## Looptijd

Tot en met januari 2027.
`);
  }
  for (let i = 1; i <= 300; i++) {
    const series = Math.floor((i - 1) / 10) + 1, seq = ((i - 1) % 10) + 1;
    write(path.join(dir, `rapportages/RPT-2025-${pad(i, 3)}.md`), `---
type: progress-report
id: RPT-2025-${pad(i, 3)}
title: Rapportage ${seq} van reeks ${series}
date: 2025-${pad(1 + (seq % 12), 2)}-01
status: final
cites: [COV-2024-${pad(i, 3)}]
series: reeks-${series}
sequence: ${seq}
---
# Rapportage ${seq} van reeks ${series}

## Inleiding

Voortgang van reeks ${series}.
`);
  }
}

// A set with a record whose every value tries to run script.
function hostileSet(dir) {
  write(path.join(dir, '2024-001.md'), `---
type: decision
id: 2024-001
title: Gewoon besluit
date: 2024-03-12
status: adopted
authority: College
---
# Gewoon besluit

## Besluit

1. Vast te stellen.
`);
  write(path.join(dir, '2024-004.md'), `---
type: decision
id: 2024-004
title: '"><svg onload=alert(1)> <script>alert(2)</script>'
date: 2024-03-12
status: adopted
authority: '<img src=x onerror=alert(3)>'
cites: [2024-001]
---
# "><svg onload=alert(1)>

## Besluit

1. <script>alert(4)</script> en <img src=x onerror=alert(5)>
2. [klik](javascript:alert(6)) en [ook](JaVaScRiPt:alert(7)) en ![beeld](x.png)
3. <a href="javascript:alert(8)">raw</a> and <iframe src="javascript:alert(9)"></iframe>
4. [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)
5. [het eerste](2024-001.md)
`);
}

// Serves folder root on 127.0.0.1; returns {url, close}.
function serve(root) {
  const types = { '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.xml': 'application/xml', '.png': 'image/png' };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    const file = path.join(root, url.endsWith('/') ? url + 'index.html' : url);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    // The stylesheet, scripts and icon every page shares may be kept by
    // the browser, as a web server would let it: a crawl of 1,000 pages
    // then loads them once, not 1,000 times.
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
    if (!url.endsWith('.html')) headers['Cache-Control'] = 'max-age=600';
    res.writeHead(200, headers);
    res.end(fs.readFileSync(file));
  });
  // Closing ends the browser's open connections too, so that a kept-alive
  // or preconnected socket never holds the test up.
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.close(r); sockets.forEach((s) => s.destroy()); }),
  })));
}

// ------------------------------------------------------------ the browser

let browser;

// Opens a page that records console errors, failed requests, dialogs and
// requests leaving origin.
async function watchedPage(origin) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning' || m.type() === 'assert')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    if (origin && !r.url().startsWith(origin) && !r.url().startsWith('data:'))
      problems.push(`request elsewhere: ${r.url()}`);
  });
  return { page, problems };
}

// Reads every HTML page of the site and checks that each of its links,
// stylesheets and scripts names a file of the site. Returns the pages and
// the problems.
function linkCheck(site) {
  const problems = [], pages = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (f.endsWith('.html')) pages.push(path.relative(site, f));
    }
  })(site);
  for (const rel of pages) {
    const html = fs.readFileSync(path.join(site, rel), 'utf8');
    for (const m of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
      const target = m[1].replace(/&amp;/g, '&').split('#')[0];
      if (target === '') continue;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) { problems.push(`${rel}: a link leaves the site: ${target}`); continue; }
      const file = path.join(site, path.dirname(rel), decodeURIComponent(target));
      if (!file.startsWith(site) || !fs.existsSync(file)) problems.push(`${rel}: ${target} does not exist`);
    }
  }
  return { pages, problems };
}

// Opens each page of the site whose name keep() accepts (every page when
// it is null) in the one browser, in tabs tabs at a time (default two),
// and checks every link it holds resolves there. Returns the number of
// pages loaded and the problems found.
async function crawl(site, keep, tabs) {
  const server = await serve(site);
  const { pages: all } = linkCheck(site);
  const queue = all.filter(keep || (() => true)).sort();
  const problems = [];
  let pages = 0;
  async function worker() {
    const w = await watchedPage(server.url);
    try {
      while (queue.length > 0) {
        const rel = queue.shift();
        const res = await w.page.goto(server.url + rel, { waitUntil: 'load' });
        pages++;
        if (!res || res.status() !== 200) { problems.push(`${rel}: status ${res && res.status()}`); continue; }
        const hrefs = await w.page.$$eval('a[href], link[href], script[src]',
          (els) => els.map((e) => e.href || e.src));
        for (const href of hrefs) {
          if (!href.startsWith(server.url)) { problems.push(`${rel}: a link leaves the site: ${href}`); continue; }
          const target = decodeURIComponent(href.slice(server.url.length).split('#')[0]);
          if (target !== '' && !fs.existsSync(path.join(site, target))) problems.push(`${rel}: ${href} does not resolve`);
        }
      }
    } finally {
      problems.push(...w.problems);
      await w.page.close();
    }
  }
  try {
    await Promise.all(Array.from({ length: tabs || 2 }, worker));
  } finally {
    await server.close();
  }
  return { pages, problems };
}

function check(cond, message) { if (!cond) throw new Error(message); }
function noProblems(problems) { check(problems.length === 0, problems.slice(0, 10).join('\n')); }

let tmp, examplesSite, bigSite, hostileSite;

function buildSites() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-browser-'));
  fs.cpSync(path.join(repo, 'examples/records'), path.join(tmp, 'examples'), { recursive: true });
  examplesSite = publish(path.join(tmp, 'examples'), path.join(tmp, 'examples-site'));
  if (tests.some((t) => t.name.startsWith('1,000'))) {
    generateSet(path.join(tmp, 'big'));
    bigSite = publish(path.join(tmp, 'big'), path.join(tmp, 'big-site'));
  }
  hostileSet(path.join(tmp, 'hostile'));
  hostileSite = publish(path.join(tmp, 'hostile'), path.join(tmp, 'hostile-site'));
}

// ------------------------------------------------------------ the tests

test('examples: every page loads without console error or failed request, every link resolves', async () => {
  const { pages, problems } = await crawl(examplesSite);
  noProblems(problems);
  // index, by-date, due, 12 records and the listings by type, status and year.
  check(pages >= 12 + 3 + 3 + 5 + 4, `only ${pages} pages loaded`);
  noProblems(linkCheck(examplesSite).problems);
});

test('1,000 records: every page loads without console error or failed request, every link resolves', async () => {
  const { pages: all, problems: links } = linkCheck(bigSite);
  noProblems(links);
  const records = all.filter((rel) => rel.startsWith('records/')).length;
  check(records === 1000 - BIG_NOT_PUBLIC, `${records} record pages`);
  const { pages, problems } = await crawl(bigSite, null, 4);
  noProblems(problems);
  check(pages === all.length, `${pages} of ${all.length} pages loaded`);
  // A record citing one that is not public shows its id, as text.
  const cites = fs.readFileSync(path.join(bigSite, 'records/2024-051.html'), 'utf8');
  check(cites.includes('<li>2024-050</li>'), 'the id of a record left out is not shown as text');
});

test('examples: the register also works from file:// without errors', async () => {
  const { page, problems } = await watchedPage(null);
  await page.goto('file://' + path.join(examplesSite, 'index.html'), { waitUntil: 'load' });
  const rows = await page.$$eval('tr[data-id]', (r) => r.length);
  await page.click('a[href="records/COV-2021-001.html"]');
  await page.waitForSelector('h1');
  const title = await page.$eval('h1', (h) => h.textContent);
  await page.close();
  noProblems(problems);
  check(rows === 12, `${rows} rows`);
  check(title.startsWith('Samenwerkingsovereenkomst'), title);
});

// Sets the filters and search of the register; returns the visible rows' ids.
async function visibleRows(page, settings) {
  await page.evaluate((s) => {
    for (const [id, value] of Object.entries(s)) {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, settings);
  return page.$$eval('tr[data-id]', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.id));
}

test('register: filtering by type, status and year, and search by id, title word and text', async () => {
  const server = await serve(examplesSite);
  const { page, problems } = await watchedPage(server.url);
  try {
    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
    check(await page.$eval('#filters', (f) => !f.hidden), 'the filters stay hidden');
    const all = await visibleRows(page, {});
    check(all.length === 12, `all: ${all}`);
    const decisions = await visibleRows(page, { 'f-type': 'decision' });
    check(decisions.join(' ') === '2021-042 2021008817 2021011604 2023017745 2024002731', `type: ${decisions}`);
    const expired = await visibleRows(page, { 'f-type': '', 'f-status': 'expired' });
    check(expired.join(' ') === 'COV-2021-002 2021011604', `status: ${expired}`);
    const y2022 = await visibleRows(page, { 'f-status': '', 'f-year': '2022' });
    check(y2022.join(' ') === 'RPT-2022-001 RPT-2022-002', `year: ${y2022}`);
    const both = await visibleRows(page, { 'f-year': '2021', 'f-type': 'covenant' });
    check(both.join(' ') === 'COV-2021-001 COV-2021-002', `type and year: ${both}`);
    const byId = await visibleRows(page, { 'f-year': '', 'f-type': '', q: 'COV-2023-001' });
    check(byId.join(' ') === 'COV-2023-001', `id: ${byId}`);
    const byTitle = await visibleRows(page, { q: 'mandaat' });
    check(byTitle.join(' ') === '2021011604', `title: ${byTitle}`);
    // A word of the text only (not of any title): the search index.
    const byText = await visibleRows(page, { q: 'spelregels' });
    check(byText.join(' ') === 'COV-2021-002', `text: ${byText}`);
    const none = await visibleRows(page, { q: 'geenenkelstukheetzo' });
    check(none.length === 0, `nothing: ${none}`);
    const count = await page.$eval('#count', (c) => c.textContent);
    check(count === '0 records shown', count);
  } finally {
    await page.close();
    await server.close();
  }
  noProblems(problems);
});

test('register without JavaScript: every row shown, the listing pages filter', async () => {
  const server = await serve(examplesSite);
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
    const rows = await page.$$eval('tr[data-id]', (r) => r.filter((x) => !x.hidden).length);
    const formHidden = await page.$eval('#filters', (f) => f.hidden);
    await page.goto(server.url + 'status-expired.html', { waitUntil: 'load' });
    const expired = await page.$$eval('tr[data-id]', (r) => r.map((x) => x.dataset.id).join(' '));
    check(rows === 12 && formHidden, `rows ${rows}, form hidden ${formHidden}`);
    check(expired === 'COV-2021-002 2021011604', expired);
  } finally {
    await page.close();
    await server.close();
  }
});

async function axeCheck(rel) {
  const server = await serve(examplesSite);
  const page = await browser.newPage();
  try {
    // axe is put into the page by the test: the site's own policy forbids that.
    await page.setBypassCSP(true);
    await page.goto(server.url + rel, { waitUntil: 'load' });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const v = result.violations.map((x) => `${x.id}: ${x.nodes.length} (${x.nodes[0].target})`);
    check(v.length === 0, v.join('\n'));
    check(result.passes.length > 10, `only ${result.passes.length} rules passed`);
  } finally {
    await page.close();
    await server.close();
  }
}

test('axe: no WCAG 2.1 A or AA violation on the register', () => axeCheck('index.html'));
test('axe: no WCAG 2.1 A or AA violation on a record page', () => axeCheck('records/COV-2021-001.html'));
test('axe: no WCAG 2.1 A or AA violation on the due page', () => axeCheck('due.html'));

test('a record page prints to an A4 PDF with its text', async () => {
  const server = await serve(examplesSite);
  const page = await browser.newPage();
  const pdf = path.join(tmp, 'record.pdf');
  try {
    await page.goto(server.url + 'records/COV-2021-001.html', { waitUntil: 'load' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  } finally {
    await page.close();
    await server.close();
  }
  const bytes = fs.readFileSync(pdf);
  check(bytes.slice(0, 5).toString() === '%PDF-', 'not a PDF');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  if (info.status === null) throw new Error('pdfinfo (poppler-utils) is not installed');
  const pages = Number((info.stdout.match(/^Pages:\s+(\d+)/m) || [])[1]);
  check(pages >= 1, `pages: ${pages}`);
  check(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m.test(info.stdout), info.stdout);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  check(text.includes('Samenwerkingsovereenkomst uitwisselen van kennis'), 'the title is not in the PDF');
  check(text.includes('COV-2021-001'), 'the id is not in the PDF');
  // The print stylesheet leaves the navigation out.
  check(!/By date\s+Due\s+Feed/.test(text), 'the navigation is printed');
});

test('a hostile record runs no script: no dialog, no console message, no request elsewhere', async () => {
  const server = await serve(hostileSite);
  const { page, problems } = await watchedPage(server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.evaluateOnNewDocument(() => {
      window.__ran = [];
      window.alert = (m) => window.__ran.push(String(m));
    });
    for (const rel of ['index.html', 'records/2024-004.html', 'records/2024-001.html', 'due.html', 'by-date.html']) {
      await page.goto(server.url + rel, { waitUntil: 'load' });
      // Click every link of the record's text: none may run script.
      if (rel === 'records/2024-004.html') {
        const links = await page.$$('.body a');
        for (const a of links) await a.click().catch(() => {});
        await page.goto(server.url + rel, { waitUntil: 'load' });
      }
      const ran = await page.evaluate(() => window.__ran);
      check(ran.length === 0, `${rel}: script ran: ${ran}`);
      const found = await page.evaluate(() => ({
        svg: document.querySelectorAll('svg, iframe, img, object, embed').length,
        scripts: Array.from(document.scripts).map((s) => s.getAttribute('src')).filter((s) => !/(^|\/)(site|search-index)\.js$/.test(s || '')),
        handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name))).length,
        jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => !/^https?:|^file:/.test(a.href)).length,
      }));
      check(found.svg === 0 && found.scripts.length === 0 && found.handlers === 0 && found.jsLinks === 0,
        `${rel}: ${JSON.stringify(found)}`);
    }
    const title = await page.goto(server.url + 'records/2024-004.html').then(() => page.$eval('h1', (h) => h.textContent));
    check(title === '"><svg onload=alert(1)> <script>alert(2)</script>', `the title is shown as text: ${title}`);
  } finally {
    await page.close();
    await server.close();
  }
  noProblems(problems);
  check(requests.every((u) => u.startsWith(server.url)), requests.join(' '));
});

test('screenshots of the register and a record page (for the docs)', async () => {
  const dir = process.env.SCREENSHOTS || path.join(tmp, 'screenshots');
  const server = await serve(examplesSite);
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(server.url + 'index.html', { waitUntil: 'load' });
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'publish-register.png') });
    await page.goto(server.url + 'records/COV-2021-001.html', { waitUntil: 'load' });
    await page.screenshot({ path: path.join(dir, 'publish-record.png') });
  } finally {
    await page.close();
    await server.close();
  }
  for (const f of ['publish-register.png', 'publish-record.png'])
    check(fs.statSync(path.join(dir, f)).size > 10000, `${f} is nearly empty`);
});

// ------------------------------------------------------------ the runner

function skipAll(reason) {
  console.log(`1..${tests.length}`);
  tests.forEach((t, i) => console.log(`ok ${i + 1} - ${t.name} # SKIP ${reason}`));
}

async function main() {
  let puppeteer;
  // `node run.js WORD` runs only the tests whose name holds WORD (such as
  // screenshots, with SCREENSHOTS=../../docs/img).
  if (process.argv[2]) tests.splice(0, tests.length, ...tests.filter((t) => t.name.includes(process.argv[2])));
  try { puppeteer = require('puppeteer-core'); require.resolve('axe-core/axe.min.js'); } catch (e) {
    return skipAll('puppeteer-core or axe-core is not installed in tests/browser (.ci/install-deps installs them)');
  }
  if (!fs.existsSync(chromium)) return skipAll(`${chromium} is not installed (.ci/install-deps installs chromium)`);
  buildSites();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-chromium-'));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`],
  });
  console.log(`1..${tests.length}`);
  let failed = 0;
  for (let i = 0; i < tests.length; i++) {
    let timer;
    try {
      // A test that hangs fails after TEST_MINUTES instead of stopping the run.
      await Promise.race([tests[i].fn(), new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result after ${TEST_MINUTES} minutes`)), TEST_MINUTES * 60000);
      })]);
      clearTimeout(timer);
      console.log(`ok ${i + 1} - ${tests[i].name}`);
    } catch (e) {
      clearTimeout(timer);
      failed++;
      console.log(`not ok ${i + 1} - ${tests[i].name}`);
      String(e && e.stack || e).split('\n').forEach((l) => console.log(`# ${l}`));
    }
  }
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { console.log(`Bail out! ${e && e.stack || e}`); process.exitCode = 1; });

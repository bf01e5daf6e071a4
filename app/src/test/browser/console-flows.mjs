// Browser tests of the web console (docs/console.md), run by ConsoleBrowserIT:
//   node console-flows.mjs <baseUrl> <flow> [name=value …]
// Playwright (playwright-core: no browser of its own) drives Debian's Chromium. Every wait is one of
// Playwright's own (auto-waiting actions, waitFor on a locator, waitForURL, waitForFunction); no sleeps.
// Prints one line per check and "N passed, N failed"; exits 1 when a check failed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.BUS_CHROMIUM ?? '/usr/bin/chromium';
// Playwright adds --headless (headless: true). Without the background-networking flags Chromium
// phones home at start, and this machine's closed network refuses it.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = Number(process.env.BUS_BROWSER_TIMEOUT_MS ?? 20000);
const USERS = {
  admin: { username: 'admin', password: 'demo-admin' },
  operator: { username: 'operator', password: 'demo-operator' },
  auditor: { username: 'auditor', password: 'demo-auditor' },
};

const [baseUrl, flow, ...rest] = process.argv.slice(2);
const params = Object.fromEntries(rest.map(a => { const i = a.indexOf('='); return [a.slice(0, i), a.slice(i + 1)]; }));

if (!baseUrl || !flow) {
  console.error('usage: node console-flows.mjs <baseUrl> <flow> [name=value …]');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium `
    + '(.ci/run does), or point BUS_CHROMIUM at a Chromium binary.');
  process.exit(3);
}

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`);
  }
}

/** A waiting assertion: the locator (first match) comes to show this text. */
async function expectText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

async function newBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bus-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'UTC',
  });
  context.setDefaultTimeout(WAIT);
  const problems = [];
  context.on('page', page => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context, problems,
    page: context.pages()[0] ?? await context.newPage(),
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Script errors and CSP refusals fail the run: the console must work under a same-origin CSP. */
function watch(page, problems) {
  page.on('pageerror', e => problems.push(`script error: ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
}

function noProblems(problems) {
  if (problems.length) throw new Error(problems.join('\n'));
}

async function login(page, who) {
  const user = USERS[who];
  await page.goto(`${baseUrl}/console/`);
  await page.waitForURL(/\/login/);
  await page.locator('input[name=username]').fill(user.username);
  await page.locator('input[name=password]').fill(user.password);
  await page.locator('form [type=submit]').first().click();
  await page.waitForURL(/\/console\//);
  await page.locator('body.ready').waitFor({ state: 'attached' });
}

async function openPage(page, id) {
  await page.locator(`#nav a[data-page="${id}"]`).click();
  await page.locator(`#view[data-page="${id}"]`).waitFor({ state: 'attached' });
  await page.locator('#view .page-head h1, #view h1').first().waitFor();
  // the page's own data has arrived when no "loading" placeholder is left
  await page.waitForFunction(() => !document.querySelector('#view p.muted')?.textContent?.match(/Đang tải|Loading/));
}

async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll('#view *')].filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(0, 3).map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`);
    return { scroll: doc.scrollWidth, client: doc.clientWidth, wide };
  });
}

async function fits(page) {
  const o = await horizontalOverflow(page);
  if (o.scroll > o.client) throw new Error(`scrollWidth ${o.scroll} > ${o.client}: ${o.wide.join(', ')}`);
}

const flows = {
  /** Wrong password refused; the right one lands on the dashboard, in Vietnamese, with the role's pages only. */
  async login() {
    const b = await newBrowser();
    const { page } = b;
    await check('the console sends an unauthenticated visitor to the login page', async () => {
      await page.goto(`${baseUrl}/console/`);
      await page.waitForURL(/\/login/);
    });
    await check('a wrong password is refused and stays on the login page', async () => {
      await page.locator('input[name=username]').fill('operator');
      await page.locator('input[name=password]').fill('not-the-password');
      await page.locator('form [type=submit]').first().click();
      await page.waitForURL(/\/login\?error/);
      const me = await page.evaluate(async () => (await fetch('/api/me', { headers: { Accept: 'application/json' } })).status);
      if (me === 200) throw new Error('/api/me answered 200 after a wrong password');
    });
    await check('the right password lands on the dashboard in Vietnamese', async () => {
      await page.locator('input[name=username]').fill('operator');
      await page.locator('input[name=password]').fill('demo-operator');
      await page.locator('form [type=submit]').first().click();
      await page.waitForURL(/\/console\//);
      await page.locator('#view[data-page=dashboard]').waitFor({ state: 'attached' });
      await expectText(page.locator('#view h1'), 'Tổng quan');
      await expectText(page.locator('#nav'), 'Luồng xử lý');
      if (await page.getAttribute('html', 'lang') !== 'vi') throw new Error('html lang is not vi');
      await page.locator('#user-name[title="operator"]').waitFor();
      await expectText(page.locator('#user-roles'), 'Vận hành');
    });
    await check("the operator's dashboard shows dead letters; the audit page offers replay only, no search", async () => {
      await page.locator('#card-dlq #dlq-total').waitFor();
      await openPage(page, 'audit');
      await page.locator('#view [data-action=replay]').waitFor();
      if (await page.locator('#audit-search').count() !== 0) throw new Error('audit search offered to an operator');
    });
    await check('logging out ends the session', async () => {
      await page.locator('#logout').click();
      await page.waitForURL(/\/login/);
      const me = await page.evaluate(async () => (await fetch('/api/me', { headers: { Accept: 'application/json' } })).status);
      if (me === 200) throw new Error('/api/me still answers 200 after logout');
    });
    await check('an auditor searches the audit log and is offered no queues, quarantine or agencies', async () => {
      await login(page, 'auditor');
      await openPage(page, 'audit');
      await page.locator('#audit-search').waitFor();
      await page.locator('#audit-table').waitFor();
      for (const hidden of ['queues', 'quarantine', 'agencies']) {
        if (await page.locator(`#nav a[data-page=${hidden}]`).count() !== 0) throw new Error(`${hidden} offered to an auditor`);
      }
    });
    await check('no script error and no CSP refusal', () => noProblems(b.problems));
    await b.close();
  },

  /** The language switch changes every label and is remembered after a reload. */
  async language() {
    const b = await newBrowser();
    const { page } = b;
    await login(page, 'admin');
    await check('Vietnamese by default', async () => {
      await expectText(page.locator('#view h1'), 'Tổng quan');
    });
    await check('switching to English relabels the navigation and the page', async () => {
      await page.locator('#lang').selectOption('en');
      await expectText(page.locator('#view h1'), 'Dashboard');
      await expectText(page.locator('#nav a[data-page=queues]'), 'Queues and dead letters');
      await expectText(page.locator('#logout'), 'Log out');
      if (await page.getAttribute('html', 'lang') !== 'en') throw new Error('html lang is not en');
    });
    await check('English is remembered after a reload', async () => {
      await page.reload();
      await page.locator('body.ready').waitFor({ state: 'attached' });
      await expectText(page.locator('#view h1'), 'Dashboard');
    });
    await check('dates stay in Việt Nam format and time zone in English', async () => {
      const shown = await page.evaluate(async () => (await import('/console/js/format.js')).dateTime('2026-12-01T17:30:05Z'));
      if (shown !== '02/12/2026 00:30:05') throw new Error(`2026-12-01T17:30:05Z shown as ${shown}`);
    });
    await check('switching back to Vietnamese', async () => {
      await page.locator('#lang').selectOption('vi');
      await expectText(page.locator('#view h1'), 'Tổng quan');
    });
    await check('no script error and no CSP refusal', () => noProblems(b.problems));
    await b.close();
  },

  /** At 1366×768 no page of any role scrolls sideways. */
  async overflow() {
    for (const who of ['admin', 'auditor']) {
      const b = await newBrowser();
      const { page } = b;
      await login(page, who);
      const pages = await page.locator('#nav a').evaluateAll(as => as.map(a => a.dataset.page));
      for (const id of pages) {
        await check(`${who}: page ${id} fits 1366×768 without horizontal scrolling`, async () => {
          await openPage(page, id);
          await fits(page);
        });
      }
      await check(`${who}: no script error and no CSP refusal`, () => noProblems(b.problems));
      await b.close();
    }
  },

  /** An operator stops a route and starts it again; the API agrees with the screen each time. */
  async route() {
    const id = params.route;
    const b = await newBrowser();
    const { page } = b;
    await login(page, 'operator');
    await openPage(page, 'routes');
    const row = page.locator(`tr[data-route="${id}"]`);
    const state = () => page.evaluate(async rid => {
      const list = await (await fetch('/api/admin/routes', { headers: { Accept: 'application/json' } })).json();
      const r = list.find(x => (x.id ?? x.routeId) === rid);
      return r?.state ?? r?.status;
    }, id);
    await check(`route ${id} is shown running`, async () => {
      await expectText(row, 'Đang chạy');
    });
    await check(`stopping ${id} from the console stops it`, async () => {
      await row.locator('[data-action=stop]').click();
      await expectText(row, 'Đã dừng');
      await row.locator('[data-action=start]').waitFor();
      if (await state() !== 'Stopped') throw new Error(`the API says ${await state()}`);
    });
    await check(`starting ${id} again from the console starts it`, async () => {
      await row.locator('[data-action=start]').click();
      await expectText(row, 'Đang chạy');
      if (await state() !== 'Started') throw new Error(`the API says ${await state()}`);
    });
    await check('no script error and no CSP refusal', () => noProblems(b.problems));
    await b.close();
  },

  /** An operator finds a dead letter, looks at it and retries it. */
  async deadLetter() {
    const { queue, documentId } = params;
    const b = await newBrowser();
    const { page } = b;
    await login(page, 'operator');
    await check(`the dashboard counts the dead letter on ${queue}`, async () => {
      await page.locator('#card-dlq').getByRole('link', { name: queue }).waitFor();
    });
    await check(`${queue} lists the dead letter of ${documentId}`, async () => {
      await openPage(page, 'queues');
      await page.locator(`tr[data-queue="${queue}"] a[data-action=open-queue]`).click();
      await page.locator(`tr[data-document="${documentId}"]`).waitFor();
      await fits(page);
    });
    const row = page.locator(`tr[data-document="${documentId}"]`);
    await check('its headers and payload can be inspected', async () => {
      await row.locator('[data-action=inspect]').click();
      const dlg = page.locator('dialog#message-detail');
      await expectText(dlg, 'BusDocumentId');
      await expectText(dlg.locator('#payload-preview'), 'edXML');
      await fits(page);
      await dlg.locator('[data-action=confirm]').click();
      await dlg.waitFor({ state: 'detached' });
    });
    await check('discarding asks for a reason first', async () => {
      await row.locator('[data-action=discard]').click();
      const dlg = page.locator('dialog#discard');
      await dlg.locator('[data-action=confirm]').click();
      const valid = await dlg.locator('textarea[name=reason]').evaluate(el => el.validity.valid);
      if (valid) throw new Error('an empty reason was accepted');
      await dlg.locator('[data-action=cancel]').click();
      await dlg.waitFor({ state: 'detached' });
    });
    await check('retrying takes it off the dead-letter queue', async () => {
      await row.locator('[data-action=retry]').click();
      await page.locator('#toast.show').waitFor();
      await row.waitFor({ state: 'detached' });
    });
    await check('no script error and no CSP refusal', () => noProblems(b.problems));
    await b.close();
  },

  /** Someone finds a document by its number/notation and reads its timeline. */
  async document() {
    const { documentId, sender, recipient } = params;
    const b = await newBrowser();
    const { page } = b;
    await login(page, 'auditor');
    await openPage(page, 'documents');
    const code = documentId.split(',').at(-1);
    await check(`searching "${code}" finds the document`, async () => {
      await page.locator('#document-search input[name=documentId]').fill(code);
      await page.locator('#document-search [data-action=search]').click();
      await expectText(page.locator('#document-count'), 'Tìm thấy 1 văn bản');
      await expectText(page.locator('#document-table'), documentId);
    });
    await check('its timeline shows acceptance, routing and the pending box, in Vietnamese', async () => {
      await page.locator('#document-table a[data-action=track]').first().click();
      await expectText(page.locator('#timeline-document-id'), documentId);
      await expectText(page.locator('ol.timeline'), 'Trục tiếp nhận');
      await expectText(page.locator('ol.timeline'), 'Vào hộp chờ của nơi nhận');
      await expectText(page.locator('#document-timeline table'), recipient);
      await fits(page);
    });
    await check('the timeline is dated dd/MM/yyyy in Việt Nam time', async () => {
      const first = await page.locator('ol.timeline time').first().textContent();
      if (!/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(first)) throw new Error(`date shown as "${first}"`);
    });
    await check('a sender and DocumentId open the timeline directly', async () => {
      await page.locator('a.button[href="#/documents"]').click();
      await page.locator('#document-search input[name=documentId]').fill(documentId);
      await page.locator('#document-search input[name=agency]').fill(sender);
      await page.locator('#document-search [data-action=search]').click();
      await expectText(page.locator('#timeline-document-id'), documentId);
    });
    await check('an unknown document is reported in Vietnamese', async () => {
      await page.goto(`${baseUrl}/console/#/documents/track/${encodeURIComponent(sender)}/${encodeURIComponent('no,such,document')}`);
      await expectText(page.locator('#document-timeline .error'), 'Không có văn bản');
    });
    await check('no script error and no CSP refusal', () => noProblems(b.problems));
    await b.close();
  },
};

if (!flows[flow]) {
  console.error(`unknown flow ${flow}; flows: ${Object.keys(flows).join(', ')}`);
  process.exit(2);
}
try {
  await flows[flow]();
} catch (e) {
  failed++;
  console.log(`not ok - ${flow} could not run: ${e?.stack ?? e}`);
}
console.log(`${flow}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

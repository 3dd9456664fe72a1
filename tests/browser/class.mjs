// A classroom session in a real Chromium, against a running `demarche serve`.
//
//   DEMARCHE_URL=http://127.0.0.1:PORT DEMARCHE_CLASS_CODE=... DEMARCHE_INSTRUCTOR_CODE=... \
//   DEMARCHE_SHOTS=/tmp/shots node tests/browser/class.mjs
//
// Selectors it relies on (keep them stable in web/*.html and web/*.js):
//   student page (/):
//     #join-code #join-name #join-post #join-submit  the join form; #join-status its answer
//     #app                                            the game, once joined
//     #tray [data-testid=tray-item]                   in-tray buttons; data-cable = cable number,
//                                                     data-unread = "true" until opened
//     #reader                                         the cable reader (<pre>)
//     #reader .term[title]                            a glossary term inside a cable (<abbr>)
//     #tab-reply #tab-call                            section tabs
//     #reply-request  #reply-positions input[name=position]  #reply-probability  #reply-text
//     #reply-send #reply-status                       the composer and its ack line
//     #preview                                        the live preview of the reply (<pre>)
//     #call-leader #call-exhibits #call-send #call-status    the call form and its ack line
//   console page (/console):
//     #console-code #console-submit                   the instructor's login
//     #roster-rows                                    the roster table's body
//     #clock-morning #clock-agenda                    clock buttons
//     #console-status                                 the ack line
//   every status line: data-state = pending | ok | error, data-seq counts the answers shown.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const URL_BASE = (process.env.DEMARCHE_URL || '').replace(/\/$/, '');
const CLASS_CODE = process.env.DEMARCHE_CLASS_CODE;
const INSTRUCTOR_CODE = process.env.DEMARCHE_INSTRUCTOR_CODE;
const SHOTS = process.env.DEMARCHE_SHOTS || '.';
const CHROMIUM = process.env.DEMARCHE_CHROMIUM || '/usr/bin/chromium';
const OVERALL_MS = 120_000;
// Optional: the server's pid, binary, log and port, to kill it and resume the class.
const RESTART = {
  pid: process.env.DEMARCHE_SERVER_PID,
  bin: process.env.DEMARCHE_BIN,
  log: process.env.DEMARCHE_LOG,
  port: process.env.DEMARCHE_PORT,
};
let resumed = null;
const STEP_MS = 15_000;

for (const [name, value] of Object.entries({ DEMARCHE_URL: URL_BASE, DEMARCHE_CLASS_CODE: CLASS_CODE, DEMARCHE_INSTRUCTOR_CODE: INSTRUCTOR_CODE })) {
  if (!value) { console.error(`FAIL: set ${name}`); process.exit(2); }
}
fs.mkdirSync(SHOTS, { recursive: true });

let browser = null;
const problems = []; // things the pages did that no step asked for (alerts, script errors)

function pass(what) { console.log(`ok   ${what}`); }
async function step(what, fn) {
  try {
    await fn();
    pass(what);
  } catch (e) {
    throw new Error(`${what}: ${e.message.split('\n')[0]}`);
  }
}

const cables = (page) => page.$$eval('#tray [data-testid=tray-item]', (els) => els.map((e) => e.dataset.cable));

function watch(page, who) {
  page.on('pageerror', (e) => problems.push(`${who} page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`${who} page opened a ${d.type()} dialog: ${d.message()}`); await d.dismiss(); });
}

async function run() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives each launch a fresh, empty profile directory of its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const viewport = { width: 1280, height: 800 };
  const studentCtx = await browser.newContext({ viewport });
  const student = await studentCtx.newPage();
  student.setDefaultTimeout(STEP_MS);
  watch(student, 'student');

  // (1) join, find the circular, read it
  await step('student page loads and shows the join form', async () => {
    await student.goto(URL_BASE + '/');
    await student.waitForSelector('#join-form', { state: 'visible' });
    await student.waitForSelector('#join-post option[value="caracas"]', { state: 'attached' });
  });
  await step('joins as Ana at caracas', async () => {
    await student.fill('#join-code', CLASS_CODE);
    await student.fill('#join-name', 'Ana');
    await student.selectOption('#join-post', 'caracas');
    await student.click('#join-submit');
    // Either the game opens or the form says why not; the reason makes a better failure.
    await student.waitForFunction(() => !document.querySelector('#app').hidden ||
      document.querySelector('#join-status').dataset.state === 'error');
    if (await student.locator('#app').isHidden()) throw new Error(`refused: ${await student.textContent('#join-status')}`);
  });
  const circular = student.locator('#tray [data-testid=tray-item]', { hasText: 'DEPTCIRTEL 47' }).first();
  await step('in-tray shows DEPTCIRTEL 47', () => circular.waitFor());
  await step('opens DEPTCIRTEL 47 in the reader', async () => {
    await circular.click();
    await student.waitForFunction(() => document.querySelector('#reader').textContent.includes('DEPTCIRTEL') &&
      !document.querySelector('#reader').textContent.startsWith('Receiving'));
    const unread = await circular.getAttribute('data-unread');
    if (unread !== 'false') throw new Error(`opened cable still marked unread (${unread})`);
  });
  await step('reader marks a glossary term with its meaning', async () => {
    const n = await student.locator('#reader .term[title]').count();
    if (n === 0) throw new Error('no .term[title] element in #reader');
  });

  // (2) call on the first leader offered
  await step('calls on the first leader and gets an ok', async () => {
    await student.click('#tab-call');
    await student.waitForSelector('#call-leader option', { state: 'attached' });
    const first = await student.$eval('#call-leader', (s) => s.options[0].value);
    await student.selectOption('#call-leader', first);
    await acked(student, '#call-status', () => student.click('#call-send'));
  });

  // (3) the reply, with markup in it that must stay text
  const hostile = '<script>alert(1)</script> Betancourt wants Trujillo dealt with first.';
  await step('composes a reply and sees the preview', async () => {
    await student.click('#tab-reply');
    await student.waitForSelector('#reply-request option', { state: 'attached' });
    const first = await student.$eval('#reply-request', (s) => s.options[0].value);
    await student.selectOption('#reply-request', first);
    await student.locator('#reply-positions input[name=position]').first().check();
    await student.fill('#reply-probability', '70');
    await student.fill('#reply-text', hostile);
    // The server writes cables in capitals, so the preview may say BETANCOURT.
    await student.waitForFunction(() => /betancourt/i.test(document.querySelector('#preview').textContent));
  });
  await step('sends the reply and gets an ok', async () => {
    await acked(student, '#reply-status', () => student.click('#reply-send'));
  });
  await step('the reply stays text: no <script> element, the preview shows the characters', async () => {
    const scripts = await student.locator('#app script').count();
    if (scripts !== 0) throw new Error(`${scripts} <script> element(s) inside #app`);
    const preview = await student.textContent('#preview');
    if (!/<script>/i.test(preview)) throw new Error('the preview does not show the literal "<script>"');
  });
  await student.screenshot({ path: path.join(SHOTS, 'student.png'), fullPage: true });
  pass('screenshot student.png');

  // (4) the instructor moves the clock until the student gets something new
  const consoleCtx = await browser.newContext({ viewport });
  const desk = await consoleCtx.newPage();
  desk.setDefaultTimeout(STEP_MS);
  watch(desk, 'console');
  await step('instructor opens the console', async () => {
    await desk.goto(URL_BASE + '/console');
    await desk.fill('#console-code', INSTRUCTOR_CODE);
    await desk.click('#console-submit');
    await desk.waitForFunction(() => !document.querySelector('#console').hidden ||
      document.querySelector('#login-status').dataset.state === 'error');
    if (await desk.locator('#console').isHidden()) throw new Error(`refused: ${await desk.textContent('#login-status')}`);
  });
  await step('roster shows Ana', () => desk.locator('#roster-rows tr', { hasText: 'Ana' }).first().waitFor());
  await step('the clock brings the student a new cable', async () => {
    const before = new Set(await cables(student));
    for (let i = 0; i < 10; i += 1) {
      const button = i % 2 === 0 ? '#clock-morning' : '#clock-agenda';
      await acked(desk, '#console-status', () => desk.click(button));
      const fresh = await student.waitForFunction(
        (seen) => [...document.querySelectorAll('#tray [data-testid=tray-item]')].some((e) => !seen.includes(e.dataset.cable)),
        [...before], { timeout: 3000 }).then(() => true, () => false);
      if (fresh) { console.log(`     (after ${i + 1} click(s))`); return; }
    }
    throw new Error('no new cable after 10 clock commands');
  });
  await desk.screenshot({ path: path.join(SHOTS, 'console.png'), fullPage: true });
  pass('screenshot console.png');
  await student.screenshot({ path: path.join(SHOTS, 'student-next.png'), fullPage: true });
  pass('screenshot student-next.png');
  await step('the map shows the post\'s knowledge', async () => {
    await student.click('#tab-map');
    await student.locator('#map-svg svg path.country').first().waitFor();
  });
  await student.screenshot({ path: path.join(SHOTS, 'student-map.png'), fullPage: true });
  pass('screenshot student-map.png');

  // The server killed and resumed: the page reconnects by itself and rejoins its post.
  if (RESTART.pid) {
    const tray = (await cables(student)).sort();
    process.kill(Number(RESTART.pid), 'SIGKILL');
    await step('the page sees the server go', () => student.waitForFunction(
      () => document.querySelector('#conn').dataset.state !== 'connected', null, { timeout: STEP_MS }));
    resumed = spawn(RESTART.bin, ['serve', '--resume', RESTART.log, '--port', RESTART.port], { stdio: 'ignore' });
    await step('the page reconnects to the resumed class by itself', () => student.waitForFunction(
      () => document.querySelector('#conn').dataset.state === 'connected', null, { timeout: 30_000 }));
    await step('and shows the same in-tray, at its own post', async () => {
      await student.waitForFunction((n) => document.querySelectorAll('#tray [data-testid=tray-item]').length === n, tray.length);
      const again = (await cables(student)).sort();
      if (JSON.stringify(again) !== JSON.stringify(tray)) throw new Error(`tray ${again} is not ${tray}`);
      if (!(await student.textContent('#h-station')).includes('Caracas')) throw new Error('not at Caracas');
    });
  }

  if (problems.length) throw new Error(problems.join('; '));
}

// Does `act` and waits for the answer it brings to a status line (data-seq moves past its value
// before the click, so an old "ok" does not count); fails on a refusal.
async function acked(page, selector, act) {
  const before = await page.$eval(selector, (el) => Number(el.dataset.seq || 0));
  await act();
  const handle = await page.waitForFunction(([sel, seq]) => {
    const el = document.querySelector(sel);
    const done = el && Number(el.dataset.seq || 0) > seq && (el.dataset.state === 'ok' || el.dataset.state === 'error');
    return done ? el.dataset.state + ':' + el.textContent : null;
  }, [selector, before]);
  const value = await handle.jsonValue();
  if (!value.startsWith('ok:')) throw new Error(`refused: ${value.slice(value.indexOf(':') + 1)}`);
}

const timer = setTimeout(async () => {
  console.error(`FAIL: the whole run took more than ${OVERALL_MS / 1000} s`);
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
}, OVERALL_MS);

let code = 0;
try {
  await run();
  console.log('PASS: classroom pages');
} catch (e) {
  console.error(`FAIL: ${e.message}`);
  code = 1;
} finally {
  clearTimeout(timer);
  if (browser) await browser.close().catch(() => {});
  if (resumed) resumed.kill('SIGKILL');
}
process.exit(code);

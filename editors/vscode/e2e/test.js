'use strict';
// Drives code-server (started by run.sh) in Debian's Chromium the way a person would: open the sample org and the
// Ops profile, read the Problems view, run "MetaLint: check workspace", hover the ML1001 finding and apply its
// "Set to false" code action. Each step prints "e2e: PASS|FAIL <step>"; the last line is "e2e: N passed, N failed".
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const URL = process.env.E2E_URL;
const ARTIFACTS = process.env.E2E_ARTIFACTS;
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60000);
// The language server's own features get a shorter wait: once diagnostics are shown, a hover or the quick-fix
// menu appears within a second, so waiting longer only slows down a failing run.
const FEATURE_TIMEOUT = Number(process.env.E2E_FEATURE_TIMEOUT_MS || 30000);
const [EXP_ERRORS, EXP_WARNINGS, EXP_NOTES] = (process.env.E2E_EXPECTED_COUNTS || '').split(' ').map(Number);
const OPS = 'force-app/main/default/profiles/Ops%2FSupport Admin.profile-meta.xml';
const OPS_TAB = 'Ops%2FSupport Admin.profile-meta.xml';

const results = [];
let page;

/// Polls `probe` until it returns exactly `true`; anything else (false, or a description of what the page shows) means
/// "not yet" and is quoted in the timeout's error. (A probe returning what it saw must not end the wait: an earlier
/// version stopped at the first truthy value, so a step looked at the page once, before the hover or the new counts
/// had arrived, and failed.)
async function waitFor(description, probe, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last === true) return;
    } catch (err) {
      last = err.message;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${description}${last ? ` (last seen: ${String(last).slice(0, 300)})` : ''}`);
    await page.waitForTimeout(100);
  }
}

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push(true);
    console.log(`e2e: PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    results.push(false);
    console.log(`e2e: FAIL ${name}: ${err.message.split('\n')[0]}`);
    const file = path.join(ARTIFACTS, `fail-${results.length}-${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 50)}.png`);
    await page.screenshot({ path: file }).catch(() => {});
  }
}

/// innerText of every rendered row of the Problems view ("message metalint(ML1001) [Ln 39, Col 9]").
const problemRows = () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ')));

/// The Problems view's filter box: narrows the (virtualised) list to the rows that match.
async function filterProblems(text) {
  const box = page.locator('.markers-panel-action-filter textarea, .markers-panel-action-filter input, .viewpane-filter textarea, .viewpane-filter input').first();
  await box.focus();   // focus, not click: a hover or tooltip left over the panel would intercept a click
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  // The filter applies after a short debounce: the callers wait for the rows they expect.
}

/// The status bar's problem counts: [errors, warnings, infos].
async function problemCounts() {
  const label = await page.getAttribute('[id="status.problems"]', 'aria-label');
  const num = (re) => Number((label.match(re) || [0, 0])[1]);
  return [num(/Errors?:\s*(\d+)/i), num(/Warnings?:\s*(\d+)/i), num(/Infos?:\s*(\d+)/i)];
}

/// The text of an editor line, read from the line whose gutter number matches (only lines in view are rendered).
const lineText = (n) => page.evaluate((n) => {
  const editor = document.querySelector('.editor-instance .monaco-editor');
  const gutter = [...editor.querySelectorAll('.line-numbers')].find((g) => g.textContent.trim() === String(n));
  if (!gutter) return null;
  const top = gutter.parentElement.style.top;
  const line = [...editor.querySelectorAll('.view-line')].find((l) => l.style.top === top);
  return line ? line.textContent.replace(/\u00a0/g, ' ') : null;
}, n);

/// Focuses the editor and puts the cursor at line:column with Go to Line (Ctrl+G), the keyboard's way: no click on
/// a row that may move or be covered. Waits until the status bar shows the cursor there.
async function goTo(line, column) {
  await page.keyboard.press('Escape');      // whatever a previous step left open (hover, menu, palette)
  await page.keyboard.press('Control+1');   // focus the editor
  await page.waitForSelector('.editor-instance .monaco-editor.focused');
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  // Enter goes to the line the box shows: wait until the box has the whole text.
  await waitFor(`"${line}:${column}" in Go to Line`, async () =>
    (await page.inputValue('.quick-input-widget input')).endsWith(`${line}:${column}`));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () => {
    const label = await page.innerText('[id="status.editor.selection"]').catch(() => '');
    return new RegExp(`Ln ${line}, Col ${column}\\b`).test(label) || `status bar: ${label}`;
  });
  await page.waitForSelector('.editor-instance .monaco-editor.focused');
}

/// The position of ML1001 in the Ops profile: line 39, `<name>ModifyAllData</name>` from column 9; column 12 is inside.
const ML1001_LINE = 39, ML1001_COLUMN = 12;

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  // Enter runs the focused row: wait until the palette has filtered down to the command and focused it.
  await waitFor(`the command "${title}" focused in the palette`, async () =>
    (await page.$$eval('.quick-input-list .monaco-list-row.focused', (r) => r.map((e) => e.innerText))).some((t) => t.includes(title)));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

async function main() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/lib/chromium/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);   // every playwright wait (page load, selectors) as generous as ours

    await step('workbench opens the sample org', async () => {
      await page.goto(URL);
      await page.waitForSelector('.monaco-workbench');
      await waitFor('force-app in the explorer', async () =>
        (await page.$$eval('.explorer-folders-view .monaco-list-row', (r) => r.map((e) => e.innerText))).some((t) => t.includes('force-app')));
    });

    await step('Quick Open opens the Ops profile', async () => {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(OPS);
      await waitFor('the Ops profile in Quick Open', async () =>
        (await page.$$eval('.quick-input-list .monaco-list-row', (r) => r.map((e) => e.innerText))).some((t) => t.includes('Ops%2FSupport Admin')));
      await page.keyboard.press('Enter');
      await waitFor('the Ops profile tab', async () =>
        (await page.$$eval('.tabs-container .tab', (t) => t.map((e) => e.getAttribute('aria-label') || e.innerText))).some((t) => t.includes(OPS_TAB)));
    });

    await step('Problems view lists ML1001 at line 39 (server diagnostics)', async () => {
      await waitFor('errors in the status bar', async () => (await problemCounts())[0] > 0);
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel', { state: 'visible' });
      await waitFor('ML1001 [Ln 39] and ML1002 [Ln 43] in the Problems view', async () => {
        const rows = await problemRows();
        return rows.some((r) => /ML1001.*\[Ln 39, Col 9\]/.test(r)) && rows.some((r) => /ML1002.*\[Ln 43, Col 9\]/.test(r)) || `rows: ${rows.join(' | ')}`;
      });
    });

    await step('MetaLint status bar item shows the counts', async () => {
      await waitFor('a MetaLint status bar item with counts', async () => {
        const texts = await page.$$eval('.statusbar-item', (items) => items.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
        const item = texts.find((t) => /\d+ \d+.*MetaLint$/.test(t));
        return (item && Number(item.split(' ')[0]) >= 2) || `items: ${texts.join(' | ')}`;
      });
    });

    await step('"MetaLint: Check workspace" lists the findings of files not open, once each', async () => {
      await runCommand('MetaLint: Check workspace');
      await waitFor(`the CLI's counts ${EXP_ERRORS}/${EXP_WARNINGS}/${EXP_NOTES} in the status bar`, async () => {
        const c = await problemCounts();
        return (c[0] === EXP_ERRORS && c[1] === EXP_WARNINGS && c[2] === EXP_NOTES) || `counts ${c.join('/')}`;
      });
      await filterProblems('ModifyAllData');
      await waitFor('ML1001 of Data_Steward (not open) and of the Ops profile, once each', async () => {
        const rows = (await problemRows()).filter((r) => r.includes('ML1001'));
        return (rows.length === 2 && rows.some((r) => /Data_Steward.*\[Ln 23, Col 9\]/.test(r)) && rows.some((r) => /Ops\/Support Admin.*\[Ln 39, Col 9\]/.test(r))) || `rows: ${rows.join(' | ') || 'none'}`;
      });
    });

    await step('hover on ML1001 shows the rule', async () => {
      await goTo(ML1001_LINE, ML1001_COLUMN);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      // The hover shows the problem at once and the server's part when its reply arrives: wait for that part.
      await waitFor('the server\'s hover: "ML1001: Modify All Data granted" in bold, then "Why it matters"', async () => {
        const hovers = await page.$$eval('.monaco-hover', (e) => e.map((h) =>
          ({ bold: [...h.querySelectorAll('strong')].map((x) => x.textContent), text: h.innerText.replace(/\s+/g, ' ') })));
        return hovers.some((h) => h.bold.some((t) => t.includes('ML1001: Modify All Data granted')) && h.text.includes('Why it matters'))
          || `hover: ${hovers.map((h) => h.text).join(' | ') || 'none'}`;
      }, FEATURE_TIMEOUT);
      await page.screenshot({ path: path.join(ARTIFACTS, 'hover.png') });
    });

    await step('"Set to false" removes ML1001 and keeps the other findings', async () => {
      await goTo(ML1001_LINE, ML1001_COLUMN);
      await page.keyboard.press('Control+.');
      // Pick the action by its text with the keyboard: Down moves the focus until it is on "Set to false".
      await waitFor('"Set to false" focused in the quick-fix menu', async () => {
        const rows = await page.$$eval('.action-widget .monaco-list-row', (r) =>
          r.map((e) => ({ text: e.innerText.replace(/\s+/g, ' ').trim(), focused: e.classList.contains('focused') })));
        const focused = rows.find((r) => r.focused);
        if (focused && focused.text.includes('Set to false')) return true;
        if (!rows.some((r) => r.text.includes('Set to false'))) return `menu: ${rows.map((r) => r.text).join(' | ') || 'none'}`;
        await page.keyboard.press('ArrowDown');
        return `focused: ${focused ? focused.text : 'none'}`;
      }, FEATURE_TIMEOUT);
      await page.keyboard.press('Enter');
      await waitFor('<enabled>false</enabled> on line 38', async () => {
        const text = await lineText(38);
        return (text || '').trim() === '<enabled>false</enabled>' || `line 38: ${text}`;
      });
      await filterProblems("Ops/Support Admin' grants");
      await waitFor('ML1001 gone while ML1002 and ML1006 remain', async () => {
        const rows = await problemRows();
        return (!rows.some((r) => r.includes('ML1001')) && rows.some((r) => /ML1002.*\[Ln 43/.test(r)) && rows.some((r) => r.includes('ML1006'))) || `rows: ${rows.join(' | ')}`;
      });
    });
    // The last screenshot keeps the Problems view filtered to the Ops profile: ML1001 gone, the others still there.
    await page.screenshot({ path: path.join(ARTIFACTS, 'ops-profile.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  const passed = results.filter(Boolean).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = passed === results.length ? 0 : 1;
}

main().catch((err) => {
  console.log(`e2e: FAIL harness: ${err.message.split('\n')[0]}`);
  const passed = results.filter(Boolean).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed + 1} failed`);
  process.exitCode = 1;
});

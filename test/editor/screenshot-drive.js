'use strict';
/*
 * drive(page, ctx) for test/e2e/launch-code-server.js --screenshot-script: uses code-server
 * like a person would and saves docs/screenshot.png (or $E2E_SCREENSHOT: the quick-fix menu)
 * and, next to it, screenshot-hover.png, screenshot-coverage.png and screenshot-walkthrough.png:
 * Quick Open the sample contract (Ctrl+P), wait for the squiggles, open the Clause Coverage
 * view and the Problems panel (Ctrl+Shift+M), click into the flagged phrase
 * and open the quick-fix menu (Ctrl+.). Every step waits on elements, never on a fixed
 * sleep; a step whose element does not come is retried. Run it with npm run screenshot.
 */
const path = require('path');

const CONTRACT = 'ai-services-draft.md';
/** The 1-based line of "any lawful purpose" in test/editor/fixture/contracts/ai-services-draft.md. */
const GRANT_LINE = 11;

async function retry(what, attempts, fn) {
  let last;
  for (let i = 1; i <= attempts; i++) {
    try {
      return await fn(i);
    } catch (err) {
      last = err;
      console.log(`[screenshot] ${what}: attempt ${i} of ${attempts} failed (${String(err && err.message).split('\n')[0]})`);
    }
  }
  throw new Error(`${what}: ${last && last.message}`);
}

async function quickOpen(page, name) {
  await retry(`Quick Open ${name}`, 6, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(name);
    // The file index may not be ready on the first try.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 10000 });
  });
}

async function runCommand(page, title) {
  await retry(`command "${title}"`, 4, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
  });
}

/** Drags the sash above the panel until the panel just holds the Problems rows. */
async function fitPanelToProblems(page) {
  const rows = page.locator('.markers-panel .monaco-list-row');
  const count = await rows.count();
  const rowBox = await rows.first().boundingBox();
  const panel = page.locator('.part.panel');
  const listBox = await page.locator('.markers-panel .monaco-list').first().boundingBox();
  const panelBox = await panel.boundingBox();
  if (!rowBox || !listBox || !panelBox) return;
  const header = listBox.y - panelBox.y;
  const target = Math.ceil(header + count * rowBox.height + 12);
  if (panelBox.height <= target) return;
  const x = panelBox.x + panelBox.width / 2;
  await page.mouse.move(x, panelBox.y + 1);
  await page.mouse.down();
  await page.mouse.move(x, panelBox.y + (panelBox.height - target) / 2, { steps: 4 });
  await page.mouse.move(x, panelBox.y + panelBox.height - target, { steps: 4 });
  await page.mouse.up();
  const after = await panel.boundingBox();
  console.log(`[screenshot] panel height ${Math.round(panelBox.height)} -> ${after ? Math.round(after.height) : '?'} (target ${target}, ${count} rows)`);
}

/** Drags the side bar's edge so it is `width` pixels wide (the coverage rows then show whole). */
async function widenSideBar(page, width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar || bar.width >= width) return;
  const edge = bar.x + bar.width;
  const y = bar.y + bar.height / 2;
  await page.mouse.move(edge + 1, y);
  await page.mouse.down();
  await page.mouse.move(edge + (width - bar.width) / 2, y, { steps: 4 });
  await page.mouse.move(bar.x + width, y, { steps: 4 });
  await page.mouse.up();
  const after = await page.locator('.part.sidebar').boundingBox();
  console.log(`[screenshot] side bar width ${Math.round(bar.width)} -> ${after ? Math.round(after.width) : '?'}`);
}

/** Warns when the quick-fix menu hides the squiggle or the Problems list (the picture would not show them). */
async function reportOverlaps(page, editor) {
  const menu = await page.locator('.action-widget').first().boundingBox();
  const squiggle = await editor.locator('.squiggly-warning, .squiggly-error').first().boundingBox();
  const problems = await page.locator('.markers-panel .monaco-list').first().boundingBox();
  const overlaps = (a, b) => a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  if (overlaps(menu, squiggle)) console.log('[screenshot] WARNING: the quick-fix menu covers the squiggle');
  if (overlaps(menu, problems)) console.log('[screenshot] WARNING: the quick-fix menu covers the Problems list');
}

async function drive(page, { workspace }) {
  const out = process.env.E2E_SCREENSHOT || path.resolve(__dirname, '..', '..', 'docs', 'screenshot.png');
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});

  // 1. Open the contract and wait for ClauseLint's squiggles (the server lints it on open).
  await quickOpen(page, CONTRACT);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'any lawful purpose' }).waitFor({ timeout: 30000 });
  await editor.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60000 });
  // The coverage code lens at the top of the document.
  await editor.locator('.contentWidgets .codelens-decoration, .codelens-decoration', { hasText: 'ClauseLint' }).first().waitFor({ timeout: 30000 });

  // 2. The Clause Coverage view, in ClauseLint's own side bar container, widened as a person would drag its edge.
  const sibling = (name) => path.join(path.dirname(out), `screenshot-${name}.png`);
  await runCommand(page, 'ClauseLint: Show Clause Coverage');
  await widenSideBar(page, 460);
  const coverage = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Clause Coverage/i }) });
  await coverage.locator('.monaco-list-row', { hasText: 'Audit trigger' }).first().waitFor({ timeout: 30000 });
  await coverage.locator('.monaco-list-row', { hasText: 'Carve-out for domestic mass surveillance' }).first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: sibling('coverage') });
  console.log(`[screenshot] saved ${sibling('coverage')}`);

  // 2b. The hover on the flagged phrase.
  await retry('hover', 5, async () => {
    await page.keyboard.press('Escape');
    const squiggle = await editor.locator('.squiggly-warning, .squiggly-error').first().boundingBox();
    if (!squiggle) throw new Error('no squiggle on screen');
    await page.mouse.move(5, 895);
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2, { steps: 3 });
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Why:' }).first().waitFor({ state: 'visible', timeout: 8000 });
  });
  // The editor puts its own problem lines first; scroll the hover to ClauseLint's part, as a reader would.
  await page.locator('.monaco-hover:not(.hidden) .hover-row', { hasText: 'Why:' }).first().evaluate((el) => el.scrollIntoView({ block: 'start' })).catch(() => {});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: sibling('hover') });
  console.log(`[screenshot] saved ${sibling('hover')}`);
  await page.mouse.move(5, 895);

  // 3. The Problems panel with the findings.
  await retry('Problems panel', 4, async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'recommended/' }).first().waitFor({ timeout: 10000 });
  });

  // The panel as tall as its findings (a person would drag its edge), so the editor keeps the room.
  await fitPanelToProblems(page);

  // 4. Click into the flagged phrase (the editor does not scroll), then open the quick-fix menu with Ctrl+.
  await retry('quick-fix menu', 5, async () => {
    await page.keyboard.press('Escape');
    const squiggle = await editor.locator('.squiggly-warning, .squiggly-error').first().boundingBox();
    if (!squiggle) throw new Error('no squiggle on screen');
    await page.mouse.click(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
    await page.mouse.move(5, 895); // no hover over the text
    await page.locator('.statusbar-item', { hasText: `Ln ${GRANT_LINE},` }).first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: 'Insert carve-out' }).first().waitFor({ state: 'visible', timeout: 8000 });
    await menu.locator('.monaco-list-row', { hasText: 'Suppress' }).first().waitFor({ state: 'visible', timeout: 2000 });
  });
  await reportOverlaps(page, editor);
  // Let the menu finish its layout (its size animates in) before the picture: wait for two stable frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  await page.screenshot({ path: out });
  console.log(`[screenshot] saved ${out}`);

  // 5. The walkthrough, opened from the command palette's walkthrough picker as a person would.
  await page.keyboard.press('Escape');
  await retry('walkthrough', 4, async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('>Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Enter');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with ClauseLint' }).first();
    await pick.waitFor({ state: 'visible', timeout: 8000 });
    await pick.click();
    await page.locator('.gettingStartedContainer', { hasText: 'Lint your first contract' }).first().waitFor({ state: 'visible', timeout: 10000 });
  });
  // The step's Markdown renders in a webview (nested frames): wait for its heading.
  const media = page.frameLocator('.getting-started-media iframe, .gettingStartedSlide iframe').first().frameLocator('iframe').first();
  await media.locator('h1', { hasText: 'Lint your first contract' }).waitFor({ timeout: 15000 }).catch(() => console.log('[screenshot] WARNING: the walkthrough step\'s Markdown did not render'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: sibling('walkthrough') });
  console.log(`[screenshot] saved ${sibling('walkthrough')}`);
}

module.exports = { drive };

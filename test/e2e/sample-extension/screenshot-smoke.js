'use strict';
// UI-driving smoke script for test/e2e/launch-code-server.js --screenshot-script.
// The launcher has already opened the workspace (with the extension under
// development loaded) when drive() is called; ctx.url re-opens that same view.
// Opens sample.txt like a person would (Ctrl+P), then saves a screenshot to
// $E2E_SCREENSHOT (default /tmp/e2e-smoke.png).
async function drive(page, { workspace }) {
  const out = process.env.E2E_SCREENSHOT || '/tmp/e2e-smoke.png';
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  // The explorer lists the workspace's files once the remote file system is up.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });

  // Quick Open the file; retry if the widget opened before the file index was ready.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('sample.txt');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'sample.txt' }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= 5) throw new Error(`Quick Open never listed sample.txt (${workspace})`);
    }
  }
  await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: 30000 });
  await page.waitForFunction(() => /Agreement/.test(document.querySelector('.editor-instance .view-lines')?.textContent || ''), null, { timeout: 30000 });
  await page.screenshot({ path: out });
  console.log(`[screenshot] saved ${out}`);
}

module.exports = { drive };

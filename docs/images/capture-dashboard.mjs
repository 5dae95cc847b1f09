// Takes the dashboard screenshots in docs/images from a running stand (see docs/deployment.md):
//   npm install playwright-core && node capture-dashboard.mjs <login-url> <out-dir> [trace-filter]
import { chromium } from 'playwright-core';

const [loginUrl, outDir, traceFilter = 'OCPP StatusNotification'] = process.argv.slice(2);
const base = new URL(loginUrl).origin;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(loginUrl);
await page.waitForURL(url => !url.pathname.startsWith('/login'));

async function dismissBanner() {
  const close = page.locator('[aria-label="Close"], [aria-label="Dismiss"]').first();
  if (await close.count()) await close.click().catch(() => {});
}

await page.goto(`${base}/`);
await page.getByText('emulator', { exact: true }).first().waitFor({ timeout: 60000 });
await page.waitForTimeout(3000);
await dismissBanner();
await page.waitForTimeout(500);
await page.screenshot({ path: `${outDir}/dashboard-resources.png` });

await page.goto(`${base}/traces`);
await page.waitForTimeout(3000);
await dismissBanner();
const filter = page.locator('input[name="traces-search"]');
if (await filter.count()) { await filter.fill(traceFilter); await page.waitForTimeout(2000); }
await page.screenshot({ path: `${outDir}/dashboard-traces.png` });
await page.getByText(traceFilter).first().click({ timeout: 30000 });
await page.waitForTimeout(4000);
await page.screenshot({ path: `${outDir}/dashboard-trace.png` });
await browser.close();

import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GavelHarness, startHarness } from '../support/gavelHarness.js';
import { FOUNDATION_YAML } from '../support/foundationGroups.js';

// Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing).
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-results/foundation';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
if (!haveChromium && !inCi) {
  process.stderr.write(
    `foundation browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`,
  );
}

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

describe.skipIf(!haveChromium && !inCi)("a group's public page in a browser", () => {
  let h: GavelHarness | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    expect(haveChromium, `${CHROMIUM} is missing: CI must install Debian's chromium package`).toBe(true);
    h = await startHarness({
      engine: 'sqlite',
      now: '2026-11-23T12:00:00.000Z',
      groupsYaml: FOUNDATION_YAML,
    });
    await h.command('/meeting', 'cancel 2026-12-10', { userId: 'U0LEAD001' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it.each(SIZES)('shows the meetings in the reader’s zone (Asia/Tokyo) at $name size', async (size) => {
    const context = await browser!.newContext({
      timezoneId: 'Asia/Tokyo',
      locale: 'en-US',
      viewport: { width: size.width, height: size.height },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h!.url}/groups/serverless`);

    // Thursday 09:00 in Los Angeles is Friday 02:00 in Tokyo.
    const first = page.locator('#upcoming-heading ~ ol time').first();
    await expect.poll(() => first.getAttribute('data-localized')).toBe('');
    expect(await first.getAttribute('datetime')).toBe('2026-11-26T17:00:00.000Z');
    expect(await first.textContent()).toBe('Fri, Nov 27, 2026, 02:00 GMT+9');
    expect(await first.getAttribute('title')).toBe('Thu, Nov 26, 2026, 09:00 PST');
    expect(await page.textContent('#zone-note')).toContain('Asia/Tokyo');
    expect(await page.locator('time[data-local]:not([data-localized])').count()).toBe(0);

    // Landmarks and names a screen reader announces.
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('CNCF Serverless WG');
    expect(await page.getByRole('link', { name: 'Add to Google Calendar' }).count()).toBe(1);
    expect(await page.getByLabel('Or add this address to your calendar app by URL').inputValue()).toBe(
      `${h!.url}/calendar/serverless.ics`,
    );
    // Nothing wider than the screen: no sideways scrolling on a phone.
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(size.width);
    // The CSP lets the page's own style and script run, and nothing else was blocked.
    expect(errors).toEqual([]);

    await page.screenshot({ path: `${SHOTS}/group-${size.name}.png`, fullPage: true });
    await context.close();
  });
});

import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_GROUPS_FILE, loadGroupsFile } from '../../src/config/loadGroupsFile.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/startSandbox.js';
import { silentLogger } from '../support/databases.js';

// Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing).
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-results/sandbox';
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
if (!haveChromium && !inCi) {
  process.stderr.write(`sandbox browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`);
}

describe.skipIf(!haveChromium && !inCi)('the sandbox, as a newcomer uses it in a browser', () => {
  let sandbox: RunningSandbox | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    expect(haveChromium, `${CHROMIUM} is missing: CI must install Debian's chromium package`).toBe(true);
    const groups = loadGroupsFile(EXAMPLE_GROUPS_FILE);
    if (!groups.ok) throw new Error(groups.problems.join('; '));
    sandbox = await startSandbox({ groups: groups.groups, port: 0, host: '127.0.0.1', log: silentLogger });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A reader far from every group's zone: dates must show in *their* zone.
    const context = await browser.newContext({
      timezoneId: 'Asia/Tokyo',
      locale: 'en-US',
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const command = async (text: string) => {
    await page.fill('#command-input', text);
    await page.press('#command-input', 'Enter');
    await expect.poll(() => page.inputValue('#command-input')).toBe('');
  };
  const messages = () => page.locator('#messages [data-testid="message"]');

  it('adds two agenda items, sees them in the reminder, records a todo and sees its GitHub issue', async () => {
    await page.goto(sandbox!.url.replace('localhost', '127.0.0.1'));
    await expect.poll(() => page.textContent('#channel-name')).toBe('#serverless');
    expect(await page.textContent('#channel-info')).toContain('CNCF Serverless WG');

    await command('/agenda add Review the CloudEvents 2.0 PR');
    await page.selectOption('#user-select', 'U0SANDBOXBOB');
    await command('/agenda add Plan the <KubeCon> talk & demo');
    await expect
      .poll(() => page.locator('#messages').innerText())
      .toContain('@bob added #2 to the agenda of');
    // Typed text is shown literally, never as markup.
    expect(await page.locator('#messages').innerText()).toContain('Plan the <KubeCon> talk & demo');
    await page.screenshot({ path: `${SHOTS}/1-agenda.png`, fullPage: true });

    await page.click('#jump-next');
    const reminder = messages()
      .filter({ has: page.getByRole('button', { name: 'Add agenda item' }) })
      .last();
    await expect.poll(() => reminder.count(), { timeout: 15_000 }).toBe(1);
    const shown = await reminder.innerText();
    expect(shown).toContain('1. Review the CloudEvents 2.0 PR (@alice)');
    expect(shown).toContain('2. Plan the <KubeCon> talk & demo (@bob)');
    // 09:00 in Los Angeles is 01:00 or 02:00 the next morning in Tokyo; the clock is 10 minutes before.
    expect(shown).toMatch(/today at [12]:00 AM/);
    expect(shown).not.toContain('<!date');
    expect(await reminder.getByRole('link', { name: 'Join the meeting' }).getAttribute('href')).toBe(
      'https://zoom.us/my/cncfserverlesswg',
    );
    await expect.poll(() => page.locator('#docs').innerText()).toContain('1. Review the CloudEvents 2.0 PR');
    await page.screenshot({ path: `${SHOTS}/2-reminder.png`, fullPage: true });

    await reminder.getByRole('button', { name: 'Add agenda item' }).click();
    await expect.poll(() => page.locator('#overlay.open').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/3-modal.png`, fullPage: true });
    await page.click('#modal-submit');
    // The app refuses an empty topic with `response_action: errors`: shown in the form, which stays open.
    await expect
      .poll(() => page.locator('#modal .error').allInnerTexts())
      .toContain('Say what the topic is.');
    await page.locator('#modal input[type=text]').first().fill('Added from the form');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#overlay.open').count()).toBe(0);
    await expect.poll(() => page.locator('#messages').innerText()).toContain('added #3 to the agenda of');

    await command('/todo @alice Write the blog post by Friday');
    const issue = page.locator('#issues [data-testid="issue"]').first();
    await expect.poll(() => issue.count(), { timeout: 20_000 }).toBe(1);
    expect(await issue.innerText()).toContain('Write the blog post');
    expect(await issue.innerText()).toContain('cncf/wg-serverless#1');
    await page.screenshot({ path: `${SHOTS}/4-issue.png`, fullPage: true });

    // A typo asks before it records anything; Cancel takes the question away.
    await command('/todo lsit');
    const question = page.locator('#messages').getByText(/Did you mean/);
    await expect.poll(() => question.count()).toBe(1);
    await page.locator('#messages').getByRole('button', { name: 'Cancel' }).last().click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await page.locator('#issues [data-testid="issue"]').count()).toBe(1);
  }, 90_000);

  // Goes on from the first walk: the clock is 10 minutes before the Serverless WG's meeting.
  it('checks in at the start, records a decision and the recording, and reads the wrap-up in the thread', async () => {
    // Jobs posting to the thread run on the sandbox's heartbeat (every second), the page polls every second.
    const soon = { timeout: 15_000 };
    await page.click('#jump-start');
    const start = messages().filter({ has: page.getByRole('button', { name: "I'm here" }) });
    await expect.poll(() => start.count(), soon).toBe(1);
    expect(await start.innerText()).toContain('CNCF Serverless WG: Serverless WG weekly call');
    expect(await start.innerText()).toContain('1. Review the CloudEvents 2.0 PR');
    await expect
      .poll(() => page.textContent('#channel-info'), soon)
      .toContain('on now: Serverless WG weekly call');

    await page.selectOption('#user-select', 'U0SANDBOXALICE');
    await start.getByRole('button', { name: "I'm here" }).click();
    await expect
      .poll(() => page.locator('#messages [data-testid="ephemeral"]').allInnerTexts(), soon)
      .toContainEqual(expect.stringContaining("You're checked in to Serverless WG weekly call"));

    // lead1 leads the Serverless WG in the example groups file.
    await page.selectOption('#user-select', 'U0EXAMPLE01');
    await command('/decision We adopt the sandbox plan');
    await command('/meeting recording https://example.org/rec');
    const thread = page
      .locator('#messages [data-testid="thread"]')
      .filter({ has: page.getByRole('button', { name: "I'm here" }) })
      .locator('[data-testid="replies"]');
    await expect
      .poll(() => thread.innerText(), soon)
      .toContain('Decision #1 (recorded by @lead1): We adopt the sandbox plan');
    await expect.poll(() => thread.getByRole('link', { name: 'Recording' }).count(), soon).toBe(1);
    expect(await thread.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(
      'https://example.org/rec',
    );

    await page.click('#jump-wrapup');
    const wrapUp = thread
      .locator('[data-testid="message"]')
      .filter({ hasText: 'Wrap-up: Serverless WG weekly call' });
    await expect.poll(() => wrapUp.count(), soon).toBe(1);
    const summary = await wrapUp.innerText();
    expect(summary).toContain('Attended (1)');
    expect(summary).toContain('Alice Example');
    expect(summary).toContain('#1 We adopt the sandbox plan');
    expect(await wrapUp.getByRole('link', { name: 'Recording' }).getAttribute('href')).toBe(
      'https://example.org/rec',
    );
    // The start post keeps its thread: the wrap-up is the last of its three replies.
    expect(await thread.locator('.replies-head').innerText()).toBe('3 replies');

    // A decision within a day of the meeting redraws the wrap-up in place (chat.update).
    await command('/decision Publish the plan on the blog');
    await expect.poll(() => wrapUp.innerText(), soon).toContain('#2 Publish the plan on the blog');
    expect(await wrapUp.innerText()).toContain('(edited)');
    expect(await thread.getByText('Wrap-up: Serverless WG weekly call').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await wrapUp.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/5-wrap-up.png` });
  }, 90_000);
});

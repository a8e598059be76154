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
  /** A 1280×720 window shows the command box without scrolling. */
  const commandBoxInView = async () => {
    const box = await page.locator('#command-input').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(720);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  };

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
    await commandBoxInView();
  }, 90_000);

  // Goes on from the second walk, at 1280×720, as lead1 in #serverless.
  it('answers an unknown command, links bare URLs, keeps GitHub links local and shows a DM only to its reader', async () => {
    const ephemerals = () => page.locator('#messages [data-testid="ephemeral"]');
    // Slack's own answer, at once (a poll of one second, well inside the three of dispatch_failed).
    await command('/foo bar');
    await expect
      .poll(() => ephemerals().last().innerText(), { timeout: 1000 })
      .toContain(
        '/foo is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.',
      );
    expect(await ephemerals().last().innerText()).toContain('/agenda');
    expect(await ephemerals().last().innerText()).toContain('Slackbot');
    expect(await page.locator('#messages').innerText()).not.toContain('dispatch_failed');

    // A long topic wraps beside its Covered button, which keeps its size; its URL is a link.
    const topic =
      'Walk through the long-running discussion about the CloudEvents 2.0 specification, the SDK roadmap, ' +
      'the conformance tests and who owns which part, notes at https://example.org/notes_2026?a=1&b=2.';
    await command(`/agenda add ${topic}`);
    await command('/agenda list');
    const list = ephemerals()
      .filter({ has: page.getByRole('button', { name: 'Covered' }) })
      .last();
    await expect.poll(() => list.count()).toBe(1);
    await list.scrollIntoViewIfNeeded();
    const covered = list.getByRole('button', { name: 'Covered' }).last();
    const button = (await covered.boundingBox())!;
    expect(button.height).toBeLessThan(32);
    expect(button.width).toBeGreaterThan(60);
    const link = list.getByRole('link', { name: 'https://example.org/notes_2026?a=1&b=2' });
    expect(await link.getAttribute('href')).toBe('https://example.org/notes_2026?a=1&b=2');
    await commandBoxInView();
    await page.screenshot({ path: `${SHOTS}/6-agenda-list.png` });

    // The action item's "GitHub issue #1" opens the GitHub stand-in's issue in the pane.
    const issueLink = page.locator('#messages').getByRole('link', { name: 'GitHub issue #1' }).first();
    expect(await issueLink.getAttribute('href')).toBe('#issue-cncf-wg-serverless-1');
    await issueLink.click();
    const card = page.locator('#issues [data-issue-key="cncf/wg-serverless#1"]');
    await expect.poll(() => card.getAttribute('class')).toContain('highlight');
    expect(page.url()).not.toContain('github.com');

    // The due-date DM reaches alice, and only alice, in her DM with gavel.
    const dmButton = page.locator('#channels button', { hasText: /^gavel$/ });
    await page.selectOption('#user-select', 'U0SANDBOXALICE');
    for (let day = 0; day < 9 && (await dmButton.count()) === 0; day++) {
      await page.click('#jump-day');
      await expect.poll(() => page.textContent('#clock-status'), { timeout: 15_000 }).toMatch(/job\(s\) ran/);
      await expect.poll(() => page.textContent('#clock'), { timeout: 5000 }).not.toBe('');
    }
    await expect.poll(() => dmButton.count(), { timeout: 5000 }).toBe(1);
    for (const other of ['U0EXAMPLE01', 'U0SANDBOXBOB']) {
      await page.selectOption('#user-select', other);
      // Rendered for them once the DM's entry is gone from the sidebar (drawn for the viewer).
      await expect.poll(() => dmButton.count()).toBe(0);
      expect(await page.locator('#channels').innerText()).not.toMatch(/direct messages/i);
      expect(await page.locator('#messages').innerText()).not.toContain('Due today');
    }
    await page.selectOption('#user-select', 'U0SANDBOXALICE');
    await dmButton.click();
    await expect.poll(() => page.textContent('#channel-name')).toBe('gavel');
    expect(await page.textContent('#channel-info')).toBe('Direct message with gavel');
    const dm = messages().filter({ hasText: 'Write the blog post' }).last();
    expect(await dm.innerText()).toContain('action item #1');
    await dm.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.locator('#messages').innerText(), { timeout: 10_000 })
      .toContain('Done: action item #1: Write the blog post');
    expect(await page.textContent('#composer-error')).toBe('');
    expect(await page.locator('#messages').getByRole('button', { name: 'Done' }).count()).toBe(0);
    await commandBoxInView();
    await page.screenshot({ path: `${SHOTS}/7-dm.png` });
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const schemaDir = new URL('./fixtures/slack-manifest-schema/', import.meta.url);
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as object;
const VERSIONED = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(readJson('manifest.schema.1.0.0.json'), `${VERSIONED}manifest.schema.1.0.0.json`);
  ajv.addSchema(readJson('manifest.schema.2.0.0.json'), `${VERSIONED}manifest.schema.2.0.0.json`);
  return ajv.compile(readJson('manifest.schema.json'));
}

type Manifest = {
  display_information: { name: string };
  features: {
    slash_commands: { command: string; should_escape?: boolean; usage_hint?: string }[];
    shortcuts: { callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
};

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it("is a valid app manifest by Slack's published schema", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('declares exactly the commands and shortcut the app answers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([
      '/agenda',
      '/decision',
      '/meeting',
      '/meetings',
      '/todo',
    ]);
    expect(manifest.features.shortcuts.map((s) => s.callback_id)).toEqual(['make_action_item']);
  });

  it('names the agenda’s words for timeboxes and order in its usage hint', () => {
    const hint = manifest.features.slash_commands.find((c) => c.command === '/agenda')?.usage_hint ?? '';
    for (const word of ['for 15m', 'top|up|down', 'order 3 1 2']) expect(hint).toContain(word);
  });

  it('keeps command text unescaped so mentions arrive as <@U…> ids the app can parse', () => {
    expect(manifest.features.slash_commands.every((c) => c.should_escape === false)).toBe(true);
  });

  it('asks for the scopes the app uses and no broader ones', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    for (const needed of ['commands', 'chat:write', 'channels:read', 'users:read'])
      expect(scopes).toContain(needed);
    // History is read only to find gavel's own message again after a crash (findPosted).
    for (const history of ['channels:history', 'groups:history', 'im:history'])
      expect(scopes).toContain(history);
    for (const broad of ['chat:write.customize', 'mpim:history', 'admin', 'users:read.email']) {
      expect(scopes).not.toContain(broad);
    }
  });

  it('has a name Slack accepts (at most 35 characters) and interactivity on for modals and buttons', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

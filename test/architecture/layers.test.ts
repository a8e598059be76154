// The layering is a lint rule (eslint.config.js, `layering()`): these cases hold it to what
// ARCHITECTURE.md promises, so a rule that silently stopped matching would fail here.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from '../../eslint.config.js';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } },
    ...layering(),
  ],
});

/** The layering errors of one import written in a file at `from` (a path under src/). */
async function errorsOf(from: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, from) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('the layering rule', () => {
  it.each([
    [
      'the core reaching into the store',
      'src/core/probe.ts',
      "import type { OccurrenceRow } from '../store/schema.js';",
    ],
    ['the core using a package', 'src/core/probe.ts', "import { WebClient } from '@slack/web-api';"],
    ['the core using Node', 'src/core/probe.ts', "import { readFileSync } from 'node:fs';"],
    [
      'a use case reaching an adapter',
      'src/usecases/probe.ts',
      "import { agendaStore } from '../store/agendaStore.js';",
    ],
    [
      'a use case reaching a driver',
      'src/usecases/probe.ts',
      "import { JobWorker } from '../jobs/jobWorker.js';",
    ],
    [
      'a listener reaching a job handler',
      'src/slack/probe.ts',
      "import { JobWorker } from '../jobs/jobWorker.js';",
    ],
    [
      'a job handler reaching Slack listeners',
      'src/jobs/probe.ts',
      "import { createSlackApp } from '../slack/createSlackApp.js';",
    ],
    [
      'a driver reaching an adapter',
      'src/http/probe.ts',
      "import { webApiWorkspace } from '../slackApi/webApiWorkspace.js';",
    ],
    [
      'a driver reaching the composition root',
      'src/jobs/probe.ts',
      "import type { Services } from '../services.js';",
    ],
    [
      'one adapter reaching another',
      'src/store/probe.ts',
      "import { googleMinutesDocs } from '../google/googleMinutesDocs.js';",
    ],
    [
      'an adapter reaching a use case',
      'src/github/probe.ts',
      "import { planGroup } from '../usecases/planning/planGroup.js';",
    ],
  ])('refuses %s', async (_what, from, code) => {
    expect(await errorsOf(from, code)).not.toEqual([]);
  });

  it.each([
    ['the core using the core', 'src/core/probe.ts', "import { DAY_MS } from './duration.js';"],
    [
      'the core using Slack’s types for views',
      'src/core/probe.ts',
      "import type { KnownBlock } from '@slack/types';",
    ],
    ['a use case using the core', 'src/usecases/probe.ts', "import { DAY_MS } from '../core/duration.js';"],
    [
      'a driver using a use case',
      'src/jobs/probe.ts',
      "import { planGroup } from '../usecases/planning/planGroup.js';",
    ],
    [
      'an adapter using a port',
      'src/store/probe.ts',
      "import type { JobQueue } from '../core/ports/jobQueue.js';",
    ],
    [
      'the composition root using anything',
      'src/compose/probe.ts',
      "import { agendaStore } from '../store/agendaStore.js';",
    ],
  ])('allows %s', async (_what, from, code) => {
    expect(await errorsOf(from, code)).toEqual([]);
  });
});

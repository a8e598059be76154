// Type-aware linting: the rules that catch real bugs in async Bolt handlers (floating promises,
// misused promises) need type information, so the project service is on.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// ─── Layering (issue 14): which folder under src/ may import which ─────────────────────────
// One element per folder, so two folders of the same kind (store ↔ google, slack ↔ jobs) are
// as forbidden as a wrong-way import. Allowed, and nothing else:
//   core     → core (and type-only `@slack/types`; no other package, no node: built-in)
//   usecases → core, usecases
//   adapter  → core, its own folder
//   driver   → core, usecases, its own folder
//   root     → anything (folders below, and src/{main,gavel,cli,services}.ts)
// With that list a cycle between folders cannot be written; `import-x/no-cycle` also keeps
// files inside a folder free of (value) import cycles. A new folder under src/ is an error
// (boundaries/no-unknown-files) until it is added here.
const LAYERS = {
  core: ['core'],
  usecases: ['usecases'],
  adapter: ['store', 'slackApi', 'google', 'github', 'config', 'log'],
  driver: ['slack', 'jobs', 'http'],
  root: ['compose', 'cli', 'sandbox', 'standins'],
};
const ROOT_FILES = ['main', 'gavel', 'cli', 'services']; // src/<name>.ts

// TEMPORARY_EXCEPTIONS: imports that break the layering in the tree being reshaped.
// `file: [targets]`, a target being a folder ('src/jobs'), a root file ('src/services.ts') or
// a package ('date-fns-tz'). Each entry lets that one file import those targets, nothing more.
// Remove an entry (or a target) once the file no longer needs it; `npm run lint` then proves
// it. test/architecture/layers.test.ts fails while an entry is no longer needed. The list
// is meant to end empty.
export const TEMPORARY_EXCEPTIONS = {
  'src/config/followGroupsFile.ts': ['src/log'],
  'src/core/todo/dueReminder.ts': ['date-fns-tz'],
  'src/github/applyIssueEvent.ts': ['src/jobs', 'src/services.ts'],
  'src/github/githubClient.ts': ['src/config', 'src/log'],
  'src/github/githubFromConfig.ts': ['src/config', 'src/log'],
  'src/google/googleAuth.ts': ['src/config'],
  'src/google/googleMinutesFromConfig.ts': ['src/config'],
  'src/jobs/actionItemFollowUps.ts': ['src/services.ts'],
  'src/jobs/agendaRollover.ts': ['src/services.ts'],
  'src/jobs/githubIssueJob.ts': ['src/log', 'src/services.ts', 'src/slack'],
  'src/jobs/githubIssueStateJob.ts': ['src/services.ts', 'src/slack'],
  'src/jobs/heartbeat.ts': ['src/log'],
  'src/jobs/jobHandler.ts': ['src/log'],
  'src/jobs/jobHandlers.ts': ['src/services.ts'],
  'src/jobs/jobWorker.ts': ['src/log'],
  'src/jobs/minutesAnnounceJob.ts': ['src/services.ts'],
  'src/jobs/minutesJob.ts': ['src/log', 'src/services.ts'],
  'src/jobs/minutesNames.ts': ['src/log'],
  'src/jobs/minutesNotes.ts': ['src/services.ts'],
  'src/jobs/planner.ts': ['src/services.ts'],
  'src/jobs/reminderJob.ts': ['src/log', 'src/services.ts', 'src/slack'],
  'src/jobs/reminderWithdrawJob.ts': ['src/services.ts'],
  'src/jobs/retentionJob.ts': ['src/services.ts'],
  'src/jobs/todoDueDmJob.ts': ['src/services.ts'],
  'src/jobs/todoDueJob.ts': ['src/services.ts'],
  'src/jobs/todoIssueLinkJob.ts': ['src/services.ts'],
  'src/jobs/todoMessageJob.ts': ['src/services.ts'],
  'src/jobs/todoMinutesJob.ts': ['src/services.ts'],
  'src/jobs/todoReconcileJob.ts': ['src/services.ts'],
  'src/slack/agenda/addAgendaItem.ts': ['src/services.ts'],
  'src/slack/agenda/agendaCommandHandler.ts': ['src/services.ts'],
  'src/slack/agenda/agendaMeetings.ts': ['src/services.ts'],
  'src/slack/agenda/agendaModalFor.ts': ['src/services.ts'],
  'src/slack/agenda/agendaModalListeners.ts': ['src/services.ts'],
  'src/slack/agenda/markCoveredListener.ts': ['src/services.ts'],
  'src/slack/agenda/registerAgenda.ts': ['src/services.ts'],
  'src/slack/boltLogger.ts': ['src/log'],
  'src/slack/commands/commandLane.ts': ['src/log'],
  'src/slack/commands/registerCommands.ts': ['src/services.ts'],
  'src/slack/createSlackApp.ts': ['src/log'],
  'src/slack/events/appHome.ts': ['src/services.ts'],
  'src/slack/meeting/meetingCommands.ts': ['src/jobs', 'src/services.ts'],
  'src/slack/routes/calendarRoute.ts': ['src/services.ts'],
  'src/slack/routes/githubWebhookRoute.ts': ['src/github', 'src/services.ts'],
  'src/slack/todo/changeActionItem.ts': ['src/jobs', 'src/services.ts'],
  'src/slack/todo/dueDmListeners.ts': ['src/jobs', 'src/services.ts'],
  'src/slack/todo/markDoneListener.ts': ['src/services.ts'],
  'src/slack/todo/recordActionItem.ts': ['src/jobs', 'src/services.ts'],
  'src/slack/todo/registerTodo.ts': ['src/services.ts'],
  'src/slack/todo/todoCommandHandler.ts': ['src/services.ts'],
  'src/slack/todo/todoMeetings.ts': ['src/services.ts'],
  'src/slack/todo/todoModalListeners.ts': ['src/services.ts'],
  'src/store/openDatabase.ts': ['src/log'],
};

/** The layering blocks of the config; `exceptions` is a parameter for layers.test.ts. */
export function layering(exceptions = TEMPORARY_EXCEPTIONS) {
  const folderOf = '{{ from.element.captured.folder }}';
  const to = (type, captured) => ({ to: { element: captured ? { type, captured } : { type } } });
  const anyModule = { to: { module: { origin: '*' } } };
  const exceptionPolicies = Object.entries(exceptions).map(([file, targets]) => ({
    from: { file: { path: file } },
    allow: targets.map((target) => {
      if (!target.startsWith('src/')) return { to: { module: { source: target } } };
      if (target.endsWith('.ts')) return { to: { file: { path: target } } };
      return { to: { element: { captured: { folder: target.slice('src/'.length) } } } };
    }),
  }));
  return [
    {
      files: ['src/**/*.ts'],
      plugins: { boundaries, 'import-x': importX },
      settings: {
        'boundaries/root-path': import.meta.dirname,
        'boundaries/legacy-templates': false,
        'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
        'import/resolver': { typescript: { project: `${import.meta.dirname}/tsconfig.json` } },
        'import-x/resolver-next': [
          createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` }),
        ],
        'import-x/extensions': ['.ts', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
        'boundaries/elements': Object.entries(LAYERS).map(([type, folders]) => ({
          type,
          pattern: `src/(${folders.join('|')})`,
          capture: ['folder'],
          partialMatch: false,
        })),
        'boundaries/files': [{ category: 'root', pattern: `src/(${ROOT_FILES.join('|')}).ts` }],
      },
      rules: {
        'boundaries/no-unknown-files': 'error',
        'boundaries/dependencies': [
          'error',
          {
            default: 'disallow',
            message:
              "{{ from.element.type }} src/{{ from.element.captured.folder }} may not import '{{ dependency.source }}' " +
              '({{#if to.element.type}}{{ to.element.type }} src/{{ to.element.captured.folder }}' +
              '{{else if to.file.categories.length}}root file{{else}}{{ to.module.origin }} module{{/if}}); ' +
              'see LAYERS in eslint.config.js',
            checkAllOrigins: true, // packages and node: built-ins too, for the core rule
            checkUnknownLocals: true, // a file outside every element (../../package.json)
            // Later policies win over earlier ones.
            policies: [
              { allow: { to: { module: { origin: ['external', 'core'] } } } },
              { from: { element: { type: 'root' } }, allow: anyModule },
              { from: { file: { categories: 'root' } }, allow: anyModule },
              { from: { element: { type: 'core' } }, allow: [to('core')] },
              {
                from: { element: { type: 'core' } },
                disallow: { to: { module: { origin: ['external', 'core'] } } },
                message:
                  "core may not import '{{ dependency.source }}': no package (bar type-only @slack/types), " +
                  'no node: built-in',
              },
              {
                from: { element: { type: 'core' } },
                allow: { to: { module: { source: '@slack/types' } }, dependency: { kind: 'type' } },
              },
              { from: { element: { type: 'usecases' } }, allow: [to('core'), to('usecases')] },
              {
                from: { element: { type: 'adapter' } },
                allow: [to('core'), to('adapter', { folder: folderOf })],
              },
              {
                from: { element: { type: 'driver' } },
                allow: [to('core'), to('usecases'), to('driver', { folder: folderOf })],
              },
              ...exceptionPolicies,
            ],
          },
        ],
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/results/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => log.info(…)` callbacks read better than braces; the rule catches no bugs here.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
      // parsePayload<T>() is the one place a job's JSON meets its type.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // The sandbox page's script runs in a browser. Its types come from its own project
  // (src/sandbox/browser/tsconfig.json: the DOM and no Node types; typescript-eslint turns
  // `no-undef` off for TypeScript, so those types are its globals), and it is compiled alone
  // into the page (src/sandbox/sandboxScript.ts): it may import only its own folder.
  {
    files: ['src/sandbox/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'Browser code: import only from src/sandbox/browser/ (./…), never Node or the server.',
            },
          ],
        },
      ],
    },
  },
  ...layering(),
);

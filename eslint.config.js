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
  adapter: ['store', 'slackApi', 'google', 'github', 'config', 'log', 'metrics'],
  driver: ['slack', 'jobs', 'http'],
  root: ['compose', 'cli', 'sandbox', 'standins'],
};
const ROOT_FILES = ['main', 'gavel', 'cli', 'services']; // src/<name>.ts

/** The layering blocks of the config (exported for test/architecture/layers.test.ts). */
export function layering() {
  const folderOf = '{{ from.element.captured.folder }}';
  const to = (type, captured) => ({ to: { element: captured ? { type, captured } : { type } } });
  const anyModule = { to: { module: { origin: '*' } } };
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

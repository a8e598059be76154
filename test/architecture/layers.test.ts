// The layering lint rule (eslint.config.js, `layering()`) lets the files in TEMPORARY_EXCEPTIONS
// import across layers while the reshape moves them. Lint cannot tell when an exception is no
// longer needed; this test can: it lints the excepted files with no exceptions and expects each
// listed target to still be imported against the rules. Remove the entry it names.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface LayeringConfig {
  TEMPORARY_EXCEPTIONS: Record<string, string[]>;
  layering: (exceptions: Record<string, string[]>) => Linter.Config[];
}

// The same mapping as the config's exception policies: a folder, a root file or a package.
function targetOf(file: string, source: string): string {
  if (!source.startsWith('.')) {
    const parts = source.split('/');
    return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  const target = path.relative(root, path.resolve(root, path.dirname(file), source)).split(path.sep);
  return target.length === 2 ? target.join('/').replace(/\.js$/, '.ts') : target.slice(0, 2).join('/');
}

describe('layering exceptions', () => {
  it('lists only files that still break the layering, and only what they import', async () => {
    const config = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as LayeringConfig;
    const listed = Object.entries(config.TEMPORARY_EXCEPTIONS);
    const missing = listed.map(([file]) => file).filter((file) => !existsSync(path.join(root, file)));
    expect.soft(missing, 'excepted files that no longer exist: remove them').toEqual([]);
    const present = listed.filter(([file]) => !missing.includes(file));
    if (present.length === 0) return;

    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, ...config.layering({})],
    });
    const results = await eslint.lintFiles(present.map(([file]) => file));
    const imported = new Map<string, Set<string>>();
    for (const result of results) {
      const file = path.relative(root, result.filePath).split(path.sep).join('/');
      for (const message of result.messages) {
        const source = /may not import '([^']+)'/.exec(message.message)?.[1];
        if (message.ruleId !== 'boundaries/dependencies' || source === undefined) continue;
        imported.set(file, (imported.get(file) ?? new Set()).add(targetOf(file, source)));
      }
    }
    const unneeded = present.flatMap(([file, targets]) =>
      targets.filter((target) => !imported.get(file)?.has(target)).map((target) => `${file}: ${target}`),
    );
    expect(unneeded, 'TEMPORARY_EXCEPTIONS entries no longer needed: remove them').toEqual([]);
  }, 120_000);
});

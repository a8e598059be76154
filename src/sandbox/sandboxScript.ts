import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * The sandbox page's script, browser/sandboxClient.ts compiled to one classic script (an IIFE)
 * for the page to inline. How it gets here depends on how gavel runs:
 *
 * - From source (`npm run dev`, vitest): this module compiles the client when first imported,
 *   with esbuild (a few milliseconds). esbuild is a devDependency, so it is there wherever src/
 *   runs as TypeScript.
 * - From the bundle (`npm start`, `gavel`, the Docker image): scripts/bundle.ts replaces this
 *   module with the string `compileSandboxClient()` returns, so dist/ holds the script as a
 *   literal and never imports esbuild, which `npm prune --omit=dev` removes from the image.
 *
 * Both use this one function, so the two serve the same script.
 */
export const SANDBOX_CLIENT = fileURLToPath(new URL('./browser/sandboxClient.ts', import.meta.url));

export function compileSandboxClient(): string {
  const result = buildSync({
    entryPoints: [SANDBOX_CLIENT],
    // The file's path, as esbuild notes it in the output, is the same wherever this runs.
    absWorkingDir: dirname(SANDBOX_CLIENT),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // Readable, as the page's source; ASCII (esbuild's default), with `</script` escaped.
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export const SANDBOX_SCRIPT: string = compileSandboxClient();

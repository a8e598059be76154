import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { compileSandboxClient, SANDBOX_CLIENT } from '../src/sandbox/sandboxScript.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SANDBOX_SCRIPT_MODULE = fileURLToPath(new URL('../src/sandbox/sandboxScript.ts', import.meta.url));

/**
 * The sandbox page's script goes into the bundle compiled: src/sandbox/sandboxScript.ts, which
 * compiles the browser client with esbuild when run from source, is replaced by the string it
 * would compute. Any other import of esbuild from src/ fails the build: esbuild is a
 * devDependency, absent from the Docker image.
 */
const sandboxScript: Plugin = {
  name: 'gavel-sandbox-script',
  setup(b) {
    b.onLoad({ filter: /[\\/]sandbox[\\/]sandboxScript\.ts$/ }, (args) =>
      args.path === SANDBOX_SCRIPT_MODULE
        ? {
            contents: `export const SANDBOX_SCRIPT = ${JSON.stringify(compileSandboxClient())};\n`,
            loader: 'ts',
            watchFiles: [SANDBOX_CLIENT],
          }
        : undefined,
    );
    b.onResolve({ filter: /^esbuild$/ }, (args) => ({
      errors: [{ text: `${args.importer} imports esbuild, a devDependency that production lacks` }],
    }));
  },
};

/**
 * The two production entry points, src/main.ts (`npm start`) and src/cli.ts (the `gavel` bin),
 * bundled into `outDir`/main.js and `outDir`/cli.js, with the chunks they share beside them.
 *
 * Why a bundle: Bolt, Kysely, pino, zod and their dependencies are hundreds of small files;
 * opening and compiling them one by one was most of start-up (about 550 ms and 100 MB before
 * gavel did anything). The target is Node 22, the oldest gavel supports. Type checking stays with
 * `npm run typecheck`; esbuild only strips the types.
 */
export async function bundle(outDir: string): Promise<Metafile> {
  const out = resolve(REPO, outDir);
  // Chunk names carry a content hash, so an old build's chunks would pile up beside the new.
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: ['src/main.ts', 'src/cli.ts'],
    outdir: out,
    outbase: 'src',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // The dynamic import()s (the sandbox, the Google and GitHub clients, `check --remote`)
    // become chunks of their own, read only by a process that takes that path.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // A native addon cannot be bundled; pg is loaded lazily and only with DATABASE_URL, and its
    // optional pg-native would not resolve. Both come from node_modules at run time.
    external: ['better-sqlite3', 'pg'],
    // Bolt and most of its dependencies are CommonJS and require() Node's built-ins; an ES
    // module has no require, so each output file makes one. Aliased so no bundled import
    // of createRequire collides with it.
    banner: {
      js: "import { createRequire as __gavelCreateRequire } from 'node:module'; const require = __gavelCreateRequire(import.meta.url);",
    },
    // Without whitespace and comments: some dependencies' comments hold non-ASCII characters,
    // which make V8 keep the whole file as a two-byte string (several MB more at idle, and
    // slower to decode and parse). Names are kept, so stack traces still name functions;
    // licence comments go to *.LEGAL.txt beside each file.
    minifyWhitespace: true,
    legalComments: 'external',
    // Maps to read a stack trace back to src/: a failed start or a crash reads them then, and
    // only then (src/log/mappedStack.ts). Not enabled at run time: --enable-source-maps parses
    // each loaded file's map at start (measured on Node 20: HTTP mode +60 ms and +14 MB, the
    // sandbox +50 ms and +70 MB). Linked, so an operator can still opt in with NODE_OPTIONS.
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [sandboxScript],
  });
  return result.metafile;
}

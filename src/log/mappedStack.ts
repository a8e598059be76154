import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapping } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `file:///…/dist/chunks/chunk-X.js:1:2345` or `/…/dist/main.js:3:10` in a stack frame. */
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.m?js):(\d+):(\d+)/g;

/**
 * A stack trace from the bundle with each frame read back to its source (`src/gavel.ts:95:12`)
 * through the `.map` file beside the bundled file. Only for an error being reported: the maps
 * are read here, once, instead of at every start (`--enable-source-maps` parses them all at
 * start, about half a second and tens of MB). Frames without a map stay as they are.
 */
export function mappedStack(stack: string, cwd: string = process.cwd()): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    let map = maps.get(path);
    if (!maps.has(path)) {
      map = loadMap(path);
      maps.set(path, map);
    }
    const found = map?.findEntry(Number(line) - 1, Number(column) - 1);
    const entry: Partial<SourceMapping> = found ?? {};
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) {
      return frame;
    }
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(path), entry.originalSource);
    const shown = relative(cwd, source);
    const label = shown.startsWith('..') || isAbsolute(shown) ? source : shown;
    return `${label}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function loadMap(path: string): SourceMap | undefined {
  const mapPath = `${path}.map`;
  if (!existsSync(mapPath)) return undefined;
  try {
    return new SourceMap(
      JSON.parse(readFileSync(mapPath, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
    );
  } catch {
    return undefined;
  }
}

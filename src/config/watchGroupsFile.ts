import { readFileSync, type Stats, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { loadGroupsFile, type LoadGroupsResult } from './loadGroupsFile.js';

export interface GroupsFileWatch {
  stop(): void;
}

/**
 * Calls `onChange` with the freshly loaded (validated) groups file whenever it changes on
 * disk. Polling stat() rather than inotify: editors and Kubernetes ConfigMaps replace the
 * file (a rename), which an inotify watch on the old inode never sees. The baseline is taken
 * synchronously at the start (fs.watchFile takes its own later, and misses a change made in
 * between).
 */
export function watchGroupsFile(
  path: string,
  onChange: (loaded: LoadGroupsResult) => void,
  opts: { readonly intervalMs?: number } = {},
): GroupsFileWatch {
  let last = statOrUndefined(path);
  // A write seen halfway (truncated, then filled) changes the stat twice; the text tells
  // whether there is anything new to apply.
  let lastText = textOrUndefined(path);
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const now = await stat(path).catch(() => undefined);
      if (!now || sameFile(now, last)) return;
      last = now;
      const text = textOrUndefined(path);
      if (text !== undefined && text === lastText) return;
      lastText = text;
      onChange(loadGroupsFile(path));
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), opts.intervalMs ?? 5000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** A replaced file has a new inode even when its size and (coarse) mtime look the same. */
const sameFile = (a: Stats, b: Stats | undefined) =>
  b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function textOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

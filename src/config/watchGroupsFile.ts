import { type Stats, unwatchFile, watchFile } from 'node:fs';
import { loadGroupsFile, type LoadGroupsResult } from './loadGroupsFile.js';

export interface GroupsFileWatch {
  stop(): void;
}

/**
 * Calls `onChange` with the freshly loaded (validated) groups file whenever it changes on
 * disk. Polling stat() rather than inotify: editors and Kubernetes ConfigMaps replace the
 * file (a rename), which an inotify watch on the old inode never sees.
 */
export function watchGroupsFile(
  path: string,
  onChange: (loaded: LoadGroupsResult) => void,
  opts: { readonly intervalMs?: number } = {},
): GroupsFileWatch {
  const listener = (now: Stats, before: Stats) => {
    // A replaced file has a new inode even when its size and (coarse) mtime look the same.
    if (now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) return;
    onChange(loadGroupsFile(path));
  };
  watchFile(path, { interval: opts.intervalMs ?? 5000, persistent: false }, listener);
  return { stop: () => unwatchFile(path, listener) };
}

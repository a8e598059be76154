import type { DigestSettings } from '../core/digest/digestSettings.js';
import type { Group } from '../core/group.js';
import type { Log } from '../core/ports/log.js';
import { loadGroupsFile, type LoadGroupsResult } from './loadGroupsFile.js';
import { watchGroupsFile } from './watchGroupsFile.js';

export interface GroupsFollower {
  /** Reads the file now (SIGHUP). */
  reloadNow(): void;
  stop(): void;
}

/**
 * Applies every valid change of the groups file to the running app. A broken file is logged
 * with its problems and ignored: the groups already running keep running. Reloads never
 * overlap; a change during a reload is applied after it.
 */
export function followGroupsFile(
  path: string,
  reload: (groups: readonly Group[], digest: DigestSettings | undefined) => Promise<void>,
  log: Log,
  opts: { readonly intervalMs?: number } = {},
): GroupsFollower {
  let chain = Promise.resolve();
  const apply = (loaded: LoadGroupsResult) => {
    chain = chain.then(async () => {
      if (!loaded.ok) {
        log.error(
          { path, problems: loaded.problems },
          'groups file changed but has problems; keeping the running groups',
        );
        return;
      }
      try {
        await reload(loaded.groups, loaded.digest);
      } catch (error) {
        log.error(
          { err: error, path },
          'groups file changed but could not be applied; keeping the running groups',
        );
      }
    });
  };
  const watch = watchGroupsFile(path, apply, opts);
  return { reloadNow: () => apply(loadGroupsFile(path)), stop: () => watch.stop() };
}

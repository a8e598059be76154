import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/env.js';
import type { Log } from '../core/ports/log.js';
import type { Telemetry } from '../core/ports/telemetry.js';
import { openDatabase, type OpenedDatabase } from '../store/openDatabase.js';

/** The database the configuration names: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR. */
export async function openStore(
  config: AppConfig,
  log: Log,
  telemetry?: Pick<Telemetry, 'databaseError'>,
): Promise<OpenedDatabase> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  return openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: join(config.dataDir, 'gavel.sqlite'),
    logger: log.child({ component: 'store' }),
    ...(telemetry ? { onQueryError: () => telemetry.databaseError() } : {}),
  });
}

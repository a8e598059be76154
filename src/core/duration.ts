const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 } as const;
const DURATION = /^(\d{1,5})\s*([mhdw])$/;

/** `10m`, `1h`, `2d`, `1w` → minutes; undefined for anything else. */
export function parseDurationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const minutes = Number(m[1]) * UNIT_MINUTES[m[2] as keyof typeof UNIT_MINUTES];
  return minutes > 0 ? minutes : undefined;
}

/** 1440 → `24h`, 10 → `10m`, 90 → `90m`: the form people write in groups.yml. */
export function formatDurationMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

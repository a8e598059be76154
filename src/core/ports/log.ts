/** Structured logging as use cases and adapters see it (pino's shape; JSON lines on stdout). */
export interface LogFn {
  (fields: object, message?: string): void;
  (message: string): void;
}

export interface Log {
  readonly trace: LogFn;
  readonly debug: LogFn;
  readonly info: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
  child(bindings: Record<string, unknown>): Log;
  /** Whether lines at this level are written: to skip formatting what nobody reads. */
  isLevelEnabled(level: 'trace' | 'debug' | 'info' | 'warn' | 'error'): boolean;
}

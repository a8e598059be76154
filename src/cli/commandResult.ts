/** What a CLI command hands back to src/cli.ts, which alone writes to the terminal and exits. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type RawEnv = Readonly<Record<string, string | undefined>>;

/** GROUPS_FILE as main.ts sees it: blank means unset. */
export const groupsFileSetting = (env: RawEnv): string | undefined => env['GROUPS_FILE']?.trim() || undefined;

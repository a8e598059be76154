/**
 * An error with a stable code and a sentence for the user. Listeners turn it into an
 * ephemeral reply; logs get the code. Anything else is a bug and gets a generic apology.
 */
export type ErrorCode =
  | 'not_a_group_channel'
  | 'not_a_lead'
  | 'not_allowed'
  | 'bad_input'
  | 'not_found'
  | 'no_meeting'
  | 'conflict'
  | 'unavailable';

export class GavelError extends Error {
  override readonly name = 'GavelError';
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
  }
}

export const isGavelError = (e: unknown): e is GavelError => e instanceof GavelError;

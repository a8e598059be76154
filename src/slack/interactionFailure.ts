import { isGavelError } from '../core/errors.js';
import type { Log } from '../core/ports/log.js';

/** What a user is told when something failed on gavel's side. */
export const APOLOGY =
  ':x: Something went wrong on our side and nothing was changed. Please try again in a minute.';
/** The same for a form, where nothing was saved; shown under the field. */
export const FORM_APOLOGY =
  'Something went wrong on our side and nothing was saved. Please try again in a minute.';

/** Tells the person who clicked, ephemerally; unset where nobody can be told (the ack has gone). */
export type Tell = (text: string) => Promise<unknown>;

/**
 * Runs the part of an interactive listener after its ack, and meets every failure in one
 * place: a GavelError is told to the user as its sentence; anything else is logged with
 * `what` and, when `apologise` is set, answered with an apology. A failure to tell is logged,
 * never thrown: Bolt's app.error is the last resort, not the plan.
 */
export async function afterAck(
  log: Log,
  what: string,
  tell: Tell,
  run: () => Promise<void>,
  opts: { readonly apologise: boolean } = { apologise: true },
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const told = (text: string) =>
      tell(text).then(
        () => undefined,
        (e: unknown) => log.warn({ err: e }, 'respond failed'),
      );
    if (isGavelError(error)) {
      await told(`:warning: ${error.userMessage}`);
      return;
    }
    log.error({ err: error }, `${what} failed`);
    if (opts.apologise) await told(APOLOGY);
  }
}

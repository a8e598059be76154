import type { GavelProcess } from './gavelProcess.js';

/** A kill that never comes fails the test: GitHub's pacing of writes is a few seconds here. */
const TRAP_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds a stand-in's answer to one call until the child is SIGKILLed: the remote side has made
 * the change and the app never hears of it. `arm` sets the stand-in's beforeAnswer hook (and
 * clears it when given undefined). Resolves false if the call never came.
 */
export async function killedAtAnswer(
  arm: (hook: (() => Promise<void>) | undefined) => void,
  child: GavelProcess,
): Promise<boolean> {
  let sprung = false;
  const trap = new Promise<void>((resolve) =>
    arm(async () => {
      await child.kill();
      sprung = true;
      resolve();
    }),
  );
  await Promise.race([trap, sleep(TRAP_TIMEOUT_MS)]);
  arm(undefined);
  await child.kill();
  return sprung;
}

/** A failure that retrying cannot fix (a 404 template, a 422 from GitHub): the job is parked at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

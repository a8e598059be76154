/** How far ahead occurrences and their reminder jobs are kept in the database. */
export const PLAN_HORIZON_DAYS = 42;

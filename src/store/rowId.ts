/**
 * Ids are 32-bit integers in both engines. A value from a button or a webhook can be anything;
 * PostgreSQL refuses to compare an integer column with a larger number (an error, not "no
 * row"), so such a value is answered as "no such row" before it reaches the query.
 */
export const MAX_ROW_ID = 2_147_483_647;

export const isRowId = (id: number): boolean => Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;

// How big a ts cell's result may be: limits named in the messages a user gets when a result is
// refused, so that no result can make the page's main thread work for long.

/** The most values (rows × columns) a cell's table result may hold. */
export const MAX_RESULT_VALUES = 20_000_000;
/** The most parts (items, fields and leaves) a cell's value that is not rows may hold. */
export const MAX_VALUE_PARTS = 1_000_000;
/** The rows of a table result the page reads for display; the rest stays in the engine (SQL reads all). */
export const HEAD_ROWS = 10_000;

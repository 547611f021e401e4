/** How many rows a top table shows at first. */
export const TOP_ROWS = 10;

/**
 * The most rows "Show all" asks for, the same bound as MAX_TOP in background/parse/queries.ts. A
 * person does not read a table past a few thousand rows, and 10,000 rows of four counts are about 1 MB
 * through messaging and a few hundred ms of rendering; a bigger list is the export's job (options → Your
 * data). The storage bench's million events fall on about 500 sites, well within it.
 */
export const ALL_ROWS = 10_000;

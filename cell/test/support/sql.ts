/** The first column of the first row as a number: for `select count(*) …` assertions. */
export async function scalar(query: PromiseLike<readonly Record<string, unknown>[]>): Promise<number> {
  const rows = await query;
  const first = rows[0];
  return first ? Number(Object.values(first)[0]) : 0;
}

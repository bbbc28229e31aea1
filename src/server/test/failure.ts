/** The database error behind a failed query, whichever layer wrapped it; fails if it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause) messages.push(e.message);
    return messages.join(' / ');
  }
  throw new Error('the statement succeeded');
}

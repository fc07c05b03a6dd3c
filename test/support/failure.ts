/** The error a promise rejects with, as the test expects to read it; the test fails if the promise resolves. */
export async function failure<E = { code: string; message: string; debugInfo: { errorLocation?: string } }>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (e) {
    return e as E;
  }
  throw new Error('expected a failure');
}

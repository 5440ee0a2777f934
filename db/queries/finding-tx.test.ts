import { describe, expect, it } from 'vitest';
import { together } from './finding-tx';

const after = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
const failAfter = (ms: number, e: Error) => new Promise<never>((_, reject) => setTimeout(() => reject(e), ms));

describe('together', () => {
  it('gives every result, in argument order', async () => {
    expect(await together(after(20, 'a'), after(1, 2), Promise.resolve(null))).toEqual(['a', 2, null]);
  });

  it('throws the error of the first failed statement in argument order, even when a later one fails sooner', async () => {
    const first = new Error('duplicate key value violates unique constraint');
    const later = new Error('current transaction is aborted');
    await expect(together(after(1, 'ok'), failAfter(30, first), failAfter(1, later))).rejects.toBe(first);
  });
});

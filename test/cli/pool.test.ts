/**
 * The worker pool of `check --jobs N` (child processes): results in task order, and a task
 * whose worker runs out of memory, crashes, throws or hangs fails alone while the other tasks
 * are still done. The worker is a .ts module here, compiled on the fly (the command line runs dist/).
 */
import path from 'path';
import { TaskOutcome, runPool } from '../../src/cli/pool';
import type { PoolTestTask } from '../support/poolWorker';

jest.setTimeout(300_000);

const SCRIPT = path.join(__dirname, '..', 'support', 'poolWorker.ts');

/** An outcome in brief: its value, or how it failed. */
const brief = (o: TaskOutcome<number>) => (o.ok ? o.value : o.failure);

describe('runPool', () => {
  it('gives every result in task order and tells of each as it finishes', async () => {
    const tasks: PoolTestTask[] = [1, 2, 3, 4, 5].map((n) => ({ kind: 'double', n }));
    const heard: number[] = [];
    const outcomes = await runPool<PoolTestTask, number>(tasks, { jobs: 2, script: SCRIPT }, (i) => heard.push(i));
    expect(outcomes).toEqual([2, 4, 6, 8, 10].map((value) => ({ ok: true, value })));
    expect([...heard].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('fails only the task whose worker dies, runs out of memory, throws or hangs, and does all the others', async () => {
    const tasks: PoolTestTask[] = [
      { kind: 'double', n: 1 },
      { kind: 'hog', n: 2 },
      { kind: 'double', n: 3 },
      { kind: 'hang', n: 4 },
      { kind: 'throw', n: 5 },
      { kind: 'exit', n: 6 },
      { kind: 'double', n: 7 },
      { kind: 'mapHog', n: 8 },
      { kind: 'double', n: 9 },
    ];
    const outcomes = await runPool<PoolTestTask, number>(tasks, { jobs: 2, script: SCRIPT, memoryMb: 64, taskTimeoutMs: 15_000 });
    expect(outcomes.map(brief)).toEqual([2, 'outOfMemory', 6, 'timeout', 'died', 'died', 14, 'outOfMemory', 18]);
    expect(outcomes[1]).toEqual({ ok: false, failure: 'outOfMemory', detail: 'JavaScript heap out of memory' });
    expect(outcomes[4]).toEqual({ ok: false, failure: 'died', detail: 'cannot do 5' });
    expect(outcomes[5]).toEqual({ ok: false, failure: 'died', detail: 'exit code 3' });
  });

  it('gives a worker its next task ahead, and a task held by a worker that dies before beginning it to the next worker', async () => {
    // One worker holds two tasks at a time: the task after each failure was already sent to the worker that died.
    const tasks: PoolTestTask[] = [
      { kind: 'exit', n: 1 },
      { kind: 'double', n: 2 },
      { kind: 'hang', n: 3 },
      { kind: 'double', n: 4 },
      { kind: 'double', n: 5 },
    ];
    const outcomes = await runPool<PoolTestTask, number>(tasks, { jobs: 1, script: SCRIPT, taskTimeoutMs: 5_000 });
    expect(outcomes.map(brief)).toEqual(['died', 4, 'timeout', 8, 10]);
  });

  it('gives every worker the pool data before its first task', async () => {
    const tasks: PoolTestTask[] = [1, 2, 3].map((n) => ({ kind: 'offset', n }));
    const outcomes = await runPool<PoolTestTask, number, { offset: number }>(tasks, { jobs: 2, script: SCRIPT, workerData: { offset: 100 } });
    expect(outcomes).toEqual([101, 102, 103].map((value) => ({ ok: true, value })));
  });

  it('runs one worker for --jobs 1 and finishes at once with no tasks', async () => {
    expect(await runPool<PoolTestTask, number>([{ kind: 'double', n: 21 }], { jobs: 1, script: SCRIPT })).toEqual([{ ok: true, value: 42 }]);
    expect(await runPool<PoolTestTask, number>([], { jobs: 4, script: SCRIPT })).toEqual([]);
  });
});

/** A worker for the pool's tests: doubles a number, or misbehaves as its task says. */
import { serveTasks } from '../../src/cli/pool';

export type PoolTestTask = { kind: 'double' | 'hog' | 'hang' | 'throw' | 'exit'; n: number };

serveTasks<PoolTestTask, number>(async (task) => {
  switch (task.kind) {
    case 'hog': {
      const hog: number[][] = [];
      for (;;) hog.push(new Array(1_000_000).fill(task.n));
    }
    case 'hang':
      return new Promise<number>(() => undefined);
    case 'throw':
      throw new Error(`cannot do ${task.n}`);
    case 'exit':
      process.exit(3);
      break;
    case 'double':
      return task.n * 2;
  }
  return -1;
});

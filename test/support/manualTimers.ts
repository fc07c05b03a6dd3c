/** Timers run by hand, so that a test decides when the live validation's debounce has passed. */
import { Timers } from '../../src/excel/host';

export class ManualTimers implements Timers {
  private next = 0;
  private readonly pending = new Map<number, () => void>();
  setTimeout(callback: () => void): unknown {
    this.pending.set(++this.next, callback);
    return this.next;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const callback of due) callback();
  }
}

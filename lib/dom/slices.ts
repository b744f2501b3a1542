// Cooperative time slicing: long work on a page runs in slices of a few
// milliseconds and gives the main thread back in between, so no task of ours
// comes near the 50 ms long-task mark.

/** Lets the page run (input, rendering) before the caller continues. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = 8) {}

  /** True once the current slice has used its budget. */
  get expired(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Yields to the page if the slice is used up. */
  async pause(): Promise<void> {
    if (!this.expired) return;
    await yieldToPage();
    this.sliceStart = performance.now();
  }
}

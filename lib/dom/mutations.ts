// Watching a live page for new or changed text: batches MutationObserver
// records (debounced, with a ceiling so a page that never stops changing is
// still rescanned) and hands back the nodes whose text may have changed.

export interface MutationWatchOptions {
  /** Nodes that belong to the annotator itself: changes to or inside them are ignored. */
  isOwn: (node: Node) => boolean;
  /** Called with the changed nodes (added subtrees, parents of removed nodes, edited text nodes). */
  onChange: (added: Node[], removedFrom: Node[]) => void;
  /** Quiet time before a batch is handed over. */
  delayMs?: number;
  /** Longest wait for a batch while the page keeps changing. */
  maxDelayMs?: number;
}

export interface MutationWatch {
  /** Drops records queued so far (after the annotator changed the DOM itself). */
  discardPending(): void;
  stop(): void;
}

function isInsideOwn(node: Node, isOwn: (node: Node) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isOwn(n)) return true;
  return false;
}

export function watchMutations(root: Node, options: MutationWatchOptions): MutationWatch {
  const delay = options.delayMs ?? 300;
  const maxDelay = options.maxDelayMs ?? 1500;
  const added = new Set<Node>();
  const removedFrom = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstQueuedAt = 0;

  const flush = () => {
    timer = undefined;
    firstQueuedAt = 0;
    if (added.size === 0 && removedFrom.size === 0) return;
    const a = [...added];
    const r = [...removedFrom];
    added.clear();
    removedFrom.clear();
    options.onChange(a, r);
  };

  const take = (records: MutationRecord[]) => {
    for (const record of records) {
      if (isInsideOwn(record.target, options.isOwn)) continue;
      if (record.type === 'characterData') {
        added.add(record.target);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) if (!options.isOwn(node)) added.add(node);
      const removedOthers = Array.from(record.removedNodes).some((node) => !options.isOwn(node));
      if (removedOthers) removedFrom.add(record.target);
    }
  };

  const observer = new MutationObserver((records) => {
    take(records);
    if (added.size === 0 && removedFrom.size === 0) return;
    const now = Date.now();
    if (!firstQueuedAt) firstQueuedAt = now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(delay, firstQueuedAt + maxDelay - now));
    timer = setTimeout(flush, wait);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  return {
    discardPending() {
      observer.takeRecords();
    },
    stop() {
      observer.disconnect();
      if (timer) clearTimeout(timer);
      timer = undefined;
      added.clear();
      removedFrom.clear();
    },
  };
}

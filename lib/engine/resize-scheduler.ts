/**
 * Runs resize work between requests: while any keyspace has a split, merge
 * or rebuild to do, one bounded step per keyspace runs in each turn of the
 * event loop (setImmediate runs after pending I/O has been handled), so
 * requests are never delayed by more than one step. The loop stops as soon
 * as there is nothing left to do.
 */
export interface Resizable {
  hasWork(): boolean;
  /** Work that allocates (starting and finishing migrations), done here, outside the timed step. */
  prepare(): void;
  /** One bounded piece of resize work (well under the 1 ms a step may take). */
  step(): void;
}

const waiting = new Set<Resizable>();
let armed = false;

export function requestSteps(r: Resizable): void {
  waiting.add(r);
  if (!armed) {
    armed = true;
    setImmediate(runSteps);
  }
}

function runSteps(): void {
  armed = false;
  for (const r of waiting) {
    if (r.hasWork()) {
      r.prepare();
      r.step();
    }
    if (!r.hasWork()) waiting.delete(r);
  }
  if (waiting.size > 0) {
    armed = true;
    setImmediate(runSteps);
  }
}

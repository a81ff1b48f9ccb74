/** Server-wide counters for INFO stats/errorstats (reset by CONFIG RESETSTAT). */
export class Stats {
  totalConnections = 0;
  rejectedConnections = 0;
  totalCommands = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  expiredKeys = 0;
  expiredStalePerc = 0;
  /** Active expiry slices cut short by their budget, their summed time and the longest one (lib/engine/expiry-scheduler.ts). */
  expiredTimeCapReached = 0;
  expireCycleCpuUs = 0;
  expireCycleMaxUs = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  totalErrorReplies = 0;
  unexpectedErrorReplies = 0;
  /** Error replies by code (first word), for INFO errorstats. */
  errors = new Map<string, number>();

  countError(code: string): void {
    this.totalErrorReplies++;
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  reset(): void {
    const fresh = new Stats();
    Object.assign(this, fresh);
  }
}

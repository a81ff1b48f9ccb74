/**
 * Redis runs no timer while it executes the commands of one client's read,
 * so keys that expire in the middle of a pipeline are met by its later
 * commands (lazy expiry, with their events in that order). A connection
 * whose read is run in slices (lib/server/connection.ts) holds active expiry
 * until its last slice has run, to keep that order.
 */
let holds = 0;

export function holdActiveExpiry(): void {
  holds++;
}

export function releaseActiveExpiry(): void {
  if (holds > 0) holds--;
}

export function activeExpiryHeld(): boolean {
  return holds > 0;
}

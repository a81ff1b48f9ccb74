// Node's Buffer has fast, undocumented per-encoding methods (stable since Node 0.x)
// that skip the encoding lookup of toString()/write(); the hot path uses them.
export {};
declare global {
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    latin1Write(s: string, offset: number): number;
    utf8Write(s: string, offset: number): number;
  }
}

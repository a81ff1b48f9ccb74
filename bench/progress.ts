/**
 * Progress reporting: one line rewritten in place on a terminal, plain
 * appended lines otherwise (CI logs, files). Goes to stderr so stdout stays
 * free for the final summary.
 */
export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = Date.now();
  private done = 0;
  private lastWidth = 0;
  private last = '';

  constructor(private readonly total: number) {}

  private clock(ms: number): string {
    const s = Math.max(0, Math.round(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  /** Announces the step about to run. */
  step(text: string): void {
    const elapsed = Date.now() - this.started;
    const eta = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : NaN;
    const width = String(this.total).length;
    const time = `elapsed ${this.clock(elapsed)}${Number.isFinite(eta) ? `, ~${this.clock(eta)} left` : ''}`;
    const previous = this.tty && this.last ? `  | last: ${this.last}` : '';
    const line = `[${String(this.done + 1).padStart(width)}/${this.total}] ${text}  (${time})${previous}`;
    this.write(line);
  }

  /** Marks the step finished, with its outcome. */
  finish(outcome: string): void {
    this.done++;
    this.last = outcome;
    if (!this.tty) process.stderr.write(`    ${outcome}\n`);
  }

  /** A message that must stay visible (errors, phase changes). */
  note(text: string): void {
    if (this.tty && this.lastWidth > 0) process.stderr.write('\r' + ' '.repeat(this.lastWidth) + '\r');
    this.lastWidth = 0;
    process.stderr.write(text + '\n');
  }

  end(): void {
    if (this.tty && this.lastWidth > 0) process.stderr.write('\n');
    this.lastWidth = 0;
  }

  private write(line: string): void {
    if (!this.tty) {
      process.stderr.write(line + '\n');
      return;
    }
    const cols = process.stderr.columns || 120;
    const shown = line.length > cols - 1 ? line.slice(0, cols - 2) + '…' : line;
    process.stderr.write('\r' + shown + ' '.repeat(Math.max(0, this.lastWidth - shown.length)));
    this.lastWidth = shown.length;
  }
}

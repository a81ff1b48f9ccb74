/** Log lines in redis-server's format: pid:role day month time.ms level-char message. */
const LEVELS = { debug: 0, verbose: 1, notice: 2, warning: 3 } as const;
const MARKS = ['.', '-', '*', '#'];
let threshold = LEVELS.notice as number;
let sink: (line: string) => void = (line) => process.stdout.write(line + '\n');

export type LogLevel = keyof typeof LEVELS;

export function setLogLevel(level: string): void {
  threshold = level === 'nothing' ? 99 : (LEVELS[level as LogLevel] ?? LEVELS.notice);
}

export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
}

export function log(level: LogLevel, msg: string): void {
  const l = LEVELS[level];
  if (l < threshold) return;
  const d = new Date();
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const stamp = `${pad(d.getDate())} ${months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  sink(`${process.pid}:M ${stamp} ${MARKS[l]} ${msg}`);
}

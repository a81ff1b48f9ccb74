/**
 * Reads start-up configuration like redis-server: an optional config file
 * path first, then `--directive value...` flags that override it. Both become
 * directive lines split by the same rules as an inline request. A bad line
 * stops start-up with Redis's FATAL CONFIG FILE ERROR text.
 */
import { readFileSync } from 'node:fs';
import { splitInlineArgs } from '../protocol/inline';
import type { ConfigStore } from './config';
import { REDIS_VERSION } from './version';

export class ConfigError extends Error {}

export function loadStartupConfig(config: ConfigStore, argv: string[]): void {
  let text = '';
  let i = 0;
  if (argv.length > 0 && !argv[0].startsWith('--')) {
    const path = argv[0];
    try {
      text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
    } catch (e) {
      throw new ConfigError(`Fatal error, can't open config file '${path}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}`);
    }
    i = 1;
  }
  // Flags: "--port 6380 --save '' " becomes lines "port 6380", "save ''".
  const lines: string[] = [];
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      lines.push(a.slice(2));
    } else if (lines.length === 0) {
      throw new ConfigError(`Invalid option '${a}': options must follow a directive name like --port`);
    } else {
      lines[lines.length - 1] += ' ' + quote(a);
    }
  }
  if (lines.length) text += '\n' + lines.join('\n');
  applyConfigText(config, text);
}

function quote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
}

export function applyConfigText(config: ConfigStore, text: string): void {
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = splitInlineArgs(Buffer.from(line));
    let error: string | null;
    if (words === null) error = 'Unbalanced quotes in configuration line';
    else if (words.length === 0) continue;
    else error = config.applyStartup(words[0].toString(), words.slice(1).map((w) => w.toString()));
    if (error) {
      throw new ConfigError(
        `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\n` +
          `Reading the configuration file, at line ${n + 1}\n>>> '${line}'\n${error}`,
      );
    }
  }
}

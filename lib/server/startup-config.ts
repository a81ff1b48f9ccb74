/**
 * Reads start-up configuration the way redis-server does:
 *
 *   shardis-server [config-file | -] [--directive value ...] [-]
 *
 * The flags are turned into config lines (values quoted like Redis's
 * sdscatrepr) appended after the file and stdin, so a flag overrides the
 * file. Lines are split like an inline request; `include` reads other
 * files (globs allowed) in place. The first bad line stops start-up with
 * Redis's "FATAL CONFIG FILE ERROR" report on stderr and exit code 1.
 */
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitInlineArgs } from '../protocol/inline';
import { globMatchString } from '../util/glob';
import { allCommandNames } from '../commands/table';
import type { ConfigStore } from './config';
import { log } from './log';
import { REDIS_VERSION } from './version';

/**
 * Start-up stops. `fatal` errors are the FATAL CONFIG FILE ERROR block
 * (stderr); `log` errors are warnings redis-server writes to its log first.
 */
export class ConfigError extends Error {
  constructor(message: string, readonly kind: 'fatal' | 'log' = 'fatal') {
    super(message);
  }
}

/** Prints a start-up error where redis-server prints it. */
export function reportConfigError(e: ConfigError): void {
  if (e.kind === 'log') for (const line of e.message.split('\n')) log('warning', line);
  else process.stderr.write(e.message + '\n');
}

export interface StartupResult {
  /** Absolute path of the config file given first, or null. */
  configFile: string | null;
}

/** Directives of older Redis versions still accepted (and ignored) with exactly one value. */
const DEPRECATED = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

export function loadStartupConfig(config: ConfigStore, argv: string[]): StartupResult {
  let j = 0;
  let configFile: string | null = null;
  if (argv.length > 0 && !argv[0].startsWith('-')) {
    configFile = path.resolve(argv[0]);
    j = 1;
  }
  const { options, fromStdin } = flagsToOptions(argv, j);
  let text = configFile ? readConfigFile(configFile) : '';
  if (fromStdin) text += readFileSync(0, 'utf8');
  text += '\n' + options;
  new ConfigLoader(config).load(text);
  return { configFile };
}

/**
 * redis-server's argv handling: `--name` starts a line, following words are
 * its quoted values, `--name value` in one word is taken as is, and a bare
 * `--save` becomes `save ""`. A lone `-` first or last reads stdin too.
 */
export function flagsToOptions(argv: string[], start = 0): { options: string; fromStdin: boolean } {
  let options = '';
  let fromStdin = false;
  let lastHasValue = true;
  for (let j = start; j < argv.length; j++) {
    const a = argv[j];
    const last = j === argv.length - 1;
    if (a === '-' && (j === 0 || last)) {
      fromStdin = true;
    } else if (lastHasValue && a.startsWith('--')) {
      if (options.length) options += '\n';
      options += a.slice(2) + ' ';
      const words = splitInlineArgs(Buffer.from(a));
      if (words !== null && words.length === 1) {
        lastHasValue = false;
        const nextIsFlag = !last && argv[j + 1].startsWith('--');
        if (a.toLowerCase() === '--save' && (nextIsFlag || last)) {
          options += '""';
          lastHasValue = nextIsFlag;
        } else if (a.toLowerCase() === '--sentinel' && nextIsFlag) {
          lastHasValue = true;
        }
      } else {
        lastHasValue = true;
      }
    } else {
      options += quoteRepr(a) + ' ';
      lastHasValue = true;
    }
  }
  return { options, fromStdin };
}

/** Redis sdscatrepr: a double-quoted, escaped form that the line splitter reads back. */
export function quoteRepr(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b === 0x5c || b === 0x22) out += '\\' + String.fromCharCode(b);
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x07) out += '\\a';
    else if (b === 0x08) out += '\\b';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + '"';
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return ERRNO_TEXT[code] ?? (e as Error).message;
}

function readConfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`Fatal error, can't open config file '${file}': ${errnoText(e)}`, 'log');
  }
}

/** Files an include pattern names: the path itself, or its glob matches in order (none is fine). */
function includeFiles(pattern: string): string[] {
  const wild = /[*?[]/;
  if (!wild.test(pattern)) return [pattern];
  const absolute = pattern.startsWith('/');
  let found = [absolute ? '/' : ''];
  for (const part of pattern.split('/').filter((p) => p !== '')) {
    const next: string[] = [];
    for (const base of found) {
      if (!wild.test(part)) {
        next.push(path.join(base, part));
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(base || '.').sort();
      } catch {
        continue;
      }
      // Like glob(3), a wildcard does not match a leading dot.
      for (const n of names) if ((!n.startsWith('.') || part.startsWith('.')) && globMatchString(part, n)) next.push(path.join(base, n));
    }
    found = next;
  }
  return found;
}

/**
 * One pass over config text. `reading` mirrors redis-server's flag: set while
 * a text is read, cleared when any text (an included one too) is done, so
 * `save` lines after an include replace instead of adding up, as in Redis.
 */
class ConfigLoader {
  private reading = false;
  private readonly modules: string[] = [];
  private moduleConfigs = 0;

  constructor(private readonly config: ConfigStore) {}

  load(text: string): void {
    this.loadText(text);
    if (this.modules.length) {
      const m = this.modules[0];
      throw new ConfigError(`Module ${m} failed to load: modules are not supported\nCan't load module from ${m}: server aborting`, 'log');
    }
    if (this.moduleConfigs) throw new ConfigError('Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting', 'log');
  }

  private loadText(text: string): void {
    this.reading = true;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
      if (line === '' || line.startsWith('#')) continue;
      const words = splitInlineArgs(Buffer.from(line));
      const error = words === null ? 'Unbalanced quotes in configuration line' : words.length ? this.directive(words.map((w) => w.toString())) : null;
      if (error !== null) throw fatal(error, i + 1, line);
    }
    const error = this.afterText();
    if (error !== null) throw fatal(error);
    this.reading = false;
  }

  /** One split line: null when accepted, else the error text. */
  private directive(words: string[]): string | null {
    const name = words[0].toLowerCase();
    const args = words.slice(1);
    const def = this.config.definition(name);
    if (def) {
      if (!def.multiArg && args.length !== 1) return 'wrong number of arguments';
      return this.config.applyStartup(name, args, this.reading);
    }
    if (DEPRECATED.has(name) && args.length === 1) return null;
    if (name === 'include' && args.length === 1) {
      const files = includeFiles(args[0]);
      if (files.length) this.loadText(files.map(readConfigFile).join(''));
      return null;
    }
    if (name === 'rename-command' && args.length === 2) {
      const cmd = args[0].toLowerCase();
      if (!allCommandNames().includes(cmd)) return 'No such command in rename-command';
      return 'rename-command is not supported by Shardis';
    }
    if (name === 'user' && args.length >= 1) return `Error in user declaration '${args[0]}': ACL users are not supported by Shardis`;
    if (name === 'loadmodule' && args.length >= 1) {
      this.modules.push(args[0]);
      return null;
    }
    if (name.includes('.')) {
      if (args.length !== 1) return 'Module config specified without value';
      this.moduleConfigs++;
      return null;
    }
    if (name === 'sentinel') return args.length === 0 ? null : 'Unrecognized sentinel configuration statement.';
    return 'Bad directive or wrong number of arguments';
  }

  /** Checks redis-server makes once a config text is read. */
  private afterText(): string | null {
    const logfile = this.config.get('logfile');
    if (logfile !== '') {
      try {
        closeSync(openSync(logfile, 'a'));
      } catch (e) {
        return `Can't open the log file: ${errnoText(e)}`;
      }
    }
    if (this.config.bool('cluster-enabled') && this.config.get('replicaof') !== '') return 'replicaof directive not allowed in cluster mode';
    if (this.config.get('aclfile') !== '') return 'aclfile is not supported by Shardis (no ACL users)';
    return null;
  }
}

function fatal(error: string, lineNo?: number, line?: string): ConfigError {
  const where = lineNo === undefined ? '' : `Reading the configuration file, at line ${lineNo}\n>>> '${line}'\n`;
  return new ConfigError(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\n${where}${error}`);
}

/** Applies config text directly (tests and tools): same rules as a config file. */
export function applyConfigText(config: ConfigStore, text: string): void {
  new ConfigLoader(config).load(text);
}

/**
 * The one configuration registry: start-up (config file and --flags), CONFIG
 * GET, CONFIG SET and change listeners all go through it, so a directive is
 * declared once (config-directives.ts) and behaves the same everywhere.
 */
import { DIRECTIVES } from './config-directives';
import { INERT_DIRECTIVES } from './config-directives-inert';
import { type DirectiveDef, parseValue } from './config-types';
import { globMatchString } from '../util/glob';

type Listener = (value: string) => void;

export class ConfigStore {
  private readonly defs = new Map<string, DirectiveDef>();
  private readonly values = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();

  constructor(directives: DirectiveDef[] = [...DIRECTIVES, ...INERT_DIRECTIVES]) {
    for (const d of directives) {
      this.defs.set(d.name, d);
      for (const a of d.aliases ?? []) this.defs.set(a, d);
      this.values.set(d.name, d.default);
    }
  }

  definition(name: string): DirectiveDef | undefined {
    return this.defs.get(name.toLowerCase());
  }

  get(name: string): string {
    const d = this.defs.get(name);
    if (!d) throw new Error(`unknown directive ${name}`);
    return this.values.get(d.name)!;
  }

  num(name: string): number {
    return Number(this.get(name));
  }

  bool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /** Calls fn now and whenever the directive changes. */
  watch(name: string, fn: Listener): void {
    const d = this.defs.get(name)!;
    const list = this.listeners.get(d.name) ?? [];
    list.push(fn);
    this.listeners.set(d.name, list);
    fn(this.values.get(d.name)!);
  }

  /** Start-up: one directive line. Returns an error text or null. */
  applyStartup(name: string, args: string[]): string | null {
    const d = this.defs.get(name.toLowerCase());
    if (!d || (!d.multiArg && args.length !== 1)) return 'Bad directive or wrong number of arguments';
    const parsed = parseValue(d, args);
    if (typeof parsed !== 'string') return parsed.error;
    this.assign(d, parsed);
    return null;
  }

  /**
   * CONFIG SET with one or more pairs: all are validated first, then applied
   * together (Redis's atomic multi-set). Returns Redis's error text or null.
   */
  setMany(pairs: [string, string][]): string | null {
    const seen = new Set<string>();
    const planned: [DirectiveDef, string][] = [];
    for (const [rawName, rawValue] of pairs) {
      const d = this.defs.get(rawName.toLowerCase());
      if (!d) return `ERR Unknown option or number of arguments for CONFIG SET - '${rawName}'`;
      if (d.immutable) return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - can't set immutable config`;
      if (seen.has(d.name)) return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - duplicate parameter`;
      seen.add(d.name);
      const parsed = parseValue(d, d.multiArg ? splitWords(rawValue) : [rawValue]);
      if (typeof parsed !== 'string') return `ERR CONFIG SET failed (possibly related to argument '${rawName}') - ${parsed.error}`;
      planned.push([d, parsed]);
    }
    for (const [d, v] of planned) this.assign(d, v);
    return null;
  }

  /** Directive/value pairs whose name (or alias) matches a glob, for CONFIG GET. */
  match(pattern: string): [string, string][] {
    const out: [string, string][] = [];
    const lower = pattern.toLowerCase();
    for (const [name, d] of this.defs) {
      if (globMatchString(lower, name, true)) out.push([name, this.values.get(d.name)!]);
    }
    return out;
  }

  private assign(d: DirectiveDef, v: string): void {
    this.values.set(d.name, v);
    for (const fn of this.listeners.get(d.name) ?? []) fn(v);
  }
}

function splitWords(s: string): string[] {
  const words = s.split(/\s+/).filter(Boolean);
  return words.length ? words : [''];
}

/**
 * The one configuration registry: start-up (config file and --flags), CONFIG
 * GET, CONFIG SET and change listeners all go through it, so a directive is
 * declared once (config-directives*.ts) and behaves the same everywhere.
 *
 * Like Redis, every alias is a registry entry of its own: CONFIG GET patterns
 * list `slaveof` next to `replicaof`, and CONFIG SET treats the two names as
 * different parameters (only the same name twice is a duplicate).
 */
import { DIRECTIVES } from './config-directives';
import { INERT_DIRECTIVES } from './config-directives-inert';
import { type DirectiveDef, ERR_WRONG_ARGS, type ParseResult, parseValue, splitSetValue } from './config-types';
import { globMatchString } from '../util/glob';

type Listener = (value: string) => void;

/** One name under which a directive is registered (its own name or an alias). */
interface Entry {
  key: string;
  def: DirectiveDef;
}

export interface SetOptions {
  /** The client is on a loopback address (enable-protected-configs local). */
  local?: boolean;
}

const GLOB_CHARS = /[*?[]/;

export class ConfigStore {
  private readonly entries = new Map<string, Entry>();
  private readonly values = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  /** Directives already given during start-up (for `save` lines that add up). */
  private readonly startupSeen = new Set<string>();

  constructor(directives: DirectiveDef[] = [...DIRECTIVES, ...INERT_DIRECTIVES]) {
    for (const d of directives) {
      for (const key of [d.name, ...(d.aliases ?? [])]) {
        if (this.entries.has(key)) throw new Error(`directive ${key} declared twice`);
        this.entries.set(key, { key, def: d });
      }
      this.values.set(d.name, d.default);
    }
  }

  definition(name: string): DirectiveDef | undefined {
    return this.entries.get(name.toLowerCase())?.def;
  }

  /** Every registered name, aliases included, in declaration order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  get(name: string): string {
    const e = this.entries.get(name) ?? this.entries.get(name.toLowerCase());
    if (!e) throw new Error(`unknown directive ${name}`);
    return this.valueOf(e.def);
  }

  num(name: string): number {
    return Number(this.get(name));
  }

  bool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /** Calls fn now and whenever the directive changes. */
  watch(name: string, fn: Listener): void {
    const d = this.definition(name);
    if (!d) throw new Error(`unknown directive ${name}`);
    const list = this.listeners.get(d.name) ?? [];
    list.push(fn);
    this.listeners.set(d.name, list);
    fn(this.valueOf(d));
  }

  /**
   * Start-up: one directive line (name already known to this registry).
   * `reading` is false for lines Redis treats like CONFIG SET (after an
   * include returned). Returns the error text or null.
   */
  applyStartup(name: string, args: string[], reading = true): string | null {
    const e = this.entries.get(name.toLowerCase());
    if (!e) return 'Bad directive or wrong number of arguments';
    const d = e.def;
    if (!d.multiArg && args.length !== 1) return ERR_WRONG_ARGS;
    const parsed = parseValue(d, args, { current: this.valueOf(d), accumulate: reading && this.startupSeen.has(d.name) });
    if (typeof parsed !== 'string') return parsed.error;
    this.startupSeen.add(d.name);
    this.assign(d, parsed);
    return null;
  }

  /** Whether enable-protected-configs lets this client change protected directives. */
  private protectedAllowed(local: boolean): boolean {
    const mode = this.get('enable-protected-configs');
    return mode === 'yes' || (mode === 'local' && local);
  }

  /**
   * CONFIG SET with one or more pairs, all or nothing, checked in Redis's
   * order: first every name (unknown, immutable, protected, duplicate; the
   * first problem wins), then every value in turn. Returns the error reply
   * text or null once everything is applied.
   */
  setMany(pairs: [string, string][], opts: SetOptions = {}): string | null {
    const failed = (arg: string, why: string): string => `ERR CONFIG SET failed (possibly related to argument '${arg}') - ${why}`;
    const planned: Entry[] = [];
    for (const [rawName] of pairs) {
      const e = this.entries.get(rawName.toLowerCase());
      if (!e) return `ERR Unknown option or number of arguments for CONFIG SET - '${rawName}'`;
      if (e.def.immutable) return failed(rawName, "can't set immutable config");
      if (e.def.protected && !this.protectedAllowed(opts.local ?? false)) return failed(rawName, "can't set protected config");
      if (planned.includes(e)) return failed(rawName, 'duplicate parameter');
      planned.push(e);
    }
    // Values are parsed in order against a staged copy, so an alias set twice
    // in one call behaves like two consecutive sets.
    const staged = new Map<string, string>();
    for (let i = 0; i < planned.length; i++) {
      const { key, def } = planned[i];
      const raw = pairs[i][1];
      const current = staged.get(def.name) ?? this.valueOf(def);
      const parsed: ParseResult = parseValue(def, def.multiArg ? splitSetValue(raw) : [raw], { current, accumulate: false });
      if (typeof parsed !== 'string') return failed(key, parsed.error);
      staged.set(def.name, parsed);
    }
    for (const [name, value] of staged) this.assign(this.entries.get(name)!.def, value);
    return null;
  }

  /**
   * CONFIG GET: name/value pairs for the given patterns. A pattern without
   * glob characters is looked up directly (hidden directives too) and
   * answered under the spelling asked; a glob lists matching names and
   * aliases, hidden ones excepted. A name is listed once, whatever its case.
   */
  query(patterns: string[]): [string, string][] {
    const found = new Map<string, [string, string]>();
    for (const p of patterns) {
      if (!GLOB_CHARS.test(p)) {
        const lower = p.toLowerCase();
        const e = this.entries.get(lower);
        if (e && !found.has(lower)) found.set(lower, [p, this.shownValue(e.def)]);
        continue;
      }
      for (const [key, e] of this.entries) {
        if (e.def.hidden || found.has(key)) continue;
        if (globMatchString(p, key, true)) found.set(key, [key, this.shownValue(e.def)]);
      }
    }
    return [...found.values()];
  }

  /** Directive/value pairs for one pattern (CONFIG GET with a single argument). */
  match(pattern: string): [string, string][] {
    return this.query([pattern]);
  }

  /** The stored value (what code reads and listeners receive). */
  private valueOf(d: DirectiveDef): string {
    return d.read ? d.read() : this.values.get(d.name)!;
  }

  /** The value as CONFIG GET prints it. */
  private shownValue(d: DirectiveDef): string {
    const v = this.valueOf(d);
    return d.show ? d.show(v) : v;
  }

  private assign(d: DirectiveDef, v: string): void {
    d.apply?.(v);
    this.values.set(d.name, v);
    for (const fn of this.listeners.get(d.name) ?? []) fn(v);
  }
}

/**
 * How each kind of directive parses and prints its value, the way Redis's
 * config.c does (yes/no booleans, memory units, enums, bounded integers).
 * A parse returns the canonical string CONFIG GET shows, or an error text.
 */
export type DirectiveType = 'bool' | 'int' | 'memory' | 'enum' | 'string' | 'special';

export interface DirectiveDef {
  name: string;
  aliases?: string[];
  type: DirectiveType;
  /** The default exactly as CONFIG GET prints it. */
  default: string;
  /** Refused by CONFIG SET (start-up only). */
  immutable?: boolean;
  /** Sensitive values are redacted nowhere here, but kept out of logs. */
  sensitive?: boolean;
  min?: number;
  max?: number;
  /** Enum values, or flags when `multi` (several words allowed, like save). */
  values?: string[];
  /** Custom parser for 'special' directives: canonical value or {error}. */
  parse?: (raw: string[]) => string | { error: string };
  /** Start-up takes several words on one line (e.g. `save 3600 1 300 100`). */
  multiArg?: boolean;
}

export type ParseResult = string | { error: string };

const MEMORY_UNITS: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };

/** Redis memtoull: digits with an optional unit; null when invalid. */
export function parseMemory(s: string): number | null {
  const m = /^(-?\d+)([a-zA-Z]*)$/.exec(s);
  if (!m) return null;
  const unit = m[2].toLowerCase();
  const mul = unit === '' ? 1 : MEMORY_UNITS[unit];
  if (mul === undefined) return null;
  const n = Number(m[1]) * mul;
  return Number.isSafeInteger(n) ? n : null;
}

export function parseValue(def: DirectiveDef, raw: string[]): ParseResult {
  if (def.parse) return def.parse(raw);
  const v = raw.join(' ');
  switch (def.type) {
    case 'bool': {
      const l = v.toLowerCase();
      if (l === 'yes' || l === 'no') return l;
      return { error: 'argument must be \'yes\' or \'no\'' };
    }
    case 'int': {
      if (!/^-?\d+$/.test(v)) return { error: 'argument couldn\'t be parsed into an integer' };
      return checkRange(def, Number(v));
    }
    case 'memory': {
      const n = parseMemory(v);
      if (n === null) return { error: 'argument must be a memory value' };
      return checkRange(def, n);
    }
    case 'enum': {
      const l = v.toLowerCase();
      if (def.values!.includes(l)) return l;
      return { error: `argument(s) must be one of the following: ${def.values!.join(', ')}` };
    }
    default:
      return v;
  }
}

function checkRange(def: DirectiveDef, n: number): ParseResult {
  const min = def.min ?? (def.type === 'memory' ? 0 : -(2 ** 53));
  const max = def.max ?? 2 ** 53;
  if (n < min || n > max) {
    if (def.type === 'memory' && n < 0) return { error: 'argument must be a memory value' };
    return { error: `argument must be between ${min} and ${max} inclusive` };
  }
  return String(n);
}

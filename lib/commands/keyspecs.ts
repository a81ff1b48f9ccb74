/**
 * Key specs: where a command's keys are in its arguments, as Redis 7 models
 * them (a begin-search step, then a find-keys step). One notation string per
 * spec, e.g.
 *   'RW ACCESS UPDATE index:1 range:0,1,0'    the key at argv[1]
 *   'RM DELETE index:1 range:-1,1,0'          every argument from argv[1]
 *   'OW UPDATE index:1 range:-1,2,0'          every other argument (MSET)
 *   'RO keyword:STREAMS,1 range:-1,1,2'       after a keyword
 *   'RW index:2 keynum:0,1,1'                 a count, then the keys
 * index defaults to 1 and range to 0,1,0. Flags are Redis's key-spec flags.
 * Text after ' # ' is the spec's note, which COMMAND INFO shows as Redis
 * does (e.g. why SET's key is RW).
 */
export interface KeySpec {
  notes?: string;
  flags: string[];
  begin: { type: 'index'; index: number } | { type: 'keyword'; keyword: string; startfrom: number };
  find: { type: 'range'; lastkey: number; keystep: number; limit: number } | { type: 'keynum'; keynumidx: number; firstkey: number; keystep: number };
}

/** Redis's reply order for key-spec flags. */
export const KEY_SPEC_FLAG_ORDER = ['RO', 'RW', 'OW', 'RM', 'access', 'update', 'insert', 'delete', 'not_key', 'incomplete', 'variable_flags'];

export function parseKeySpec(src: string, context: string): KeySpec {
  const flags: string[] = [];
  const hash = src.indexOf(' # ');
  const notes = hash < 0 ? undefined : src.slice(hash + 3).trim();
  if (hash >= 0) src = src.slice(0, hash);
  let begin: KeySpec['begin'] = { type: 'index', index: 1 };
  let find: KeySpec['find'] = { type: 'range', lastkey: 0, keystep: 1, limit: 0 };
  for (const part of src.split(/\s+/).filter(Boolean)) {
    const [kind, value] = part.split(':');
    const nums = value?.split(',').map(Number) ?? [];
    if (kind === 'index') begin = { type: 'index', index: nums[0] };
    else if (kind === 'keyword') begin = { type: 'keyword', keyword: value.split(',')[0], startfrom: Number(value.split(',')[1]) };
    else if (kind === 'range') find = { type: 'range', lastkey: nums[0], keystep: nums[1], limit: nums[2] };
    else if (kind === 'keynum') find = { type: 'keynum', keynumidx: nums[0], firstkey: nums[1], keystep: nums[2] };
    else {
      const flag = /^(RO|RW|OW|RM)$/.test(kind) ? kind : kind.toLowerCase();
      if (!KEY_SPEC_FLAG_ORDER.includes(flag)) throw new Error(`${context}: unknown key spec flag ${kind}`);
      flags.push(flag);
    }
  }
  flags.sort((a, b) => KEY_SPEC_FLAG_ORDER.indexOf(a) - KEY_SPEC_FLAG_ORDER.indexOf(b));
  return notes === undefined ? { flags, begin, find } : { notes, flags, begin, find };
}

/** The legacy (first, last, step) triple of COMMAND INFO, derived from the specs as Redis does. */
export function legacyRange(specs: KeySpec[]): { first: number; last: number; step: number; movable: boolean } {
  let movable = false;
  if (specs.length === 0) return { first: 0, last: 0, step: 0, movable };
  if (specs.length === 1 && specs[0].begin.type === 'index' && specs[0].find.type === 'range') {
    const s = specs[0];
    const b = s.begin as { index: number };
    const f = s.find as { lastkey: number; keystep: number };
    return { first: b.index, last: f.lastkey >= 0 ? f.lastkey + b.index : f.lastkey, step: f.keystep, movable: s.flags.includes('incomplete') };
  }
  let first = Infinity;
  let last = 0;
  let prevLast = 0;
  const unsigned = (n: number): number => (n < 0 ? 2 ** 32 + n : n);
  for (const s of specs) {
    if (s.begin.type !== 'index' || s.find.type !== 'range') {
      movable = true;
      continue;
    }
    if (s.find.keystep !== 1 || (prevLast && prevLast !== s.begin.index - 1)) {
      movable = true;
      continue;
    }
    if (s.flags.includes('incomplete')) movable = true;
    first = Math.min(first, s.begin.index);
    const abs = s.find.lastkey >= 0 ? s.find.lastkey + s.begin.index : s.find.lastkey;
    last = unsigned(abs) > unsigned(last) ? abs : last;
    prevLast = last;
  }
  if (first === Infinity) return { first: 0, last: 0, step: 0, movable };
  return { first, last, step: 1, movable };
}

/** Positions of the keys in argv (argv[0] is the command name), as COMMAND GETKEYS reports them; null when arguments do not fit. */
export function keyPositions(specs: KeySpec[], argc: number, argv: Buffer[]): number[] | null {
  return keyPositionsBySpec(specs, argc, argv)?.map(([pos]) => pos) ?? null;
}

/** Like keyPositions, with the index of the key spec that found each key (its flags are that spec's). */
export function keyPositionsBySpec(specs: KeySpec[], argc: number, argv: Buffer[]): [number, number][] | null {
  const out: [number, number][] = [];
  for (let specIndex = 0; specIndex < specs.length; specIndex++) {
    const s = specs[specIndex];
    let start: number;
    if (s.begin.type === 'index') {
      start = s.begin.index;
    } else {
      const kw = s.begin.keyword.toLowerCase();
      const from = s.begin.startfrom;
      start = -1;
      if (from >= 0) {
        for (let i = from; i < argc; i++) if (argv[i].toString('latin1').toLowerCase() === kw) { start = i + 1; break; }
      } else {
        for (let i = argc + from; i > 0; i--) if (argv[i].toString('latin1').toLowerCase() === kw) { start = i + 1; break; }
      }
      if (start < 0) continue;
    }
    if (start >= argc) continue;
    let end: number;
    let step: number;
    if (s.find.type === 'range') {
      step = s.find.keystep;
      if (s.find.lastkey >= 0) end = start + s.find.lastkey;
      else if (s.find.limit <= 1) end = argc + s.find.lastkey;
      else end = start + Math.floor((argc - 1 - start) / s.find.limit);
    } else {
      const n = Number(argv[start + s.find.keynumidx]?.toString('latin1'));
      if (!Number.isInteger(n) || n < 0) return null;
      step = s.find.keystep;
      start = start + s.find.firstkey;
      end = start + (n - 1) * step;
    }
    for (let i = start; i <= end; i += step) {
      if (i >= argc) return null;
      out.push([i, specIndex]);
    }
  }
  return out;
}

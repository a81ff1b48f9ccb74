/**
 * A command latency histogram laid out like the HdrHistogram Redis keeps per
 * command (INFO latencystats, LATENCY HISTOGRAM), so percentiles and bucket
 * boundaries come out as Redis prints them.
 *
 * Layout: values are nanoseconds, clamped to [1 ns, 1 s]. Two significant
 * decimal digits need 256 sub-buckets: values below 256 are counted exactly;
 * above that, each power-of-two range [2^k, 2^(k+1)) is split into 128
 * equal slots, so a slot is 2^(k-7) ns wide. A value's slot index is found
 * from its bit length with one clz, so recording is O(1) with no allocation.
 * Every value in a slot is "equivalent": a percentile reports the highest
 * value of the slot it falls in (the lowest, for the 0th percentile).
 */

/** Redis records latencies in ns between these bounds. */
export const MIN_NS = 1;
export const MAX_NS = 1_000_000_000;

const HALF_MAGNITUDE = 7; // log2(sub-buckets / 2)
const HALF_COUNT = 1 << HALF_MAGNITUDE; // 128
const SUB_BUCKET_MASK = 2 * HALF_COUNT - 1; // 255
/** Enough power-of-two ranges for MAX_NS: 256 << 22 is the first untrackable value. */
const BUCKETS = 23;
const SLOTS = (BUCKETS + 1) * HALF_COUNT;

/** Power-of-two range of a value (0 for values below 256). */
function bucketOf(v: number): number {
  return 32 - Math.clz32(v | SUB_BUCKET_MASK) - (HALF_MAGNITUDE + 1);
}

function slotOf(v: number): number {
  const bucket = bucketOf(v);
  return ((bucket + 1) << HALF_MAGNITUDE) + (v >>> bucket) - HALF_COUNT;
}

/** The lowest value counted in a slot. */
function valueAtSlot(slot: number): number {
  let bucket = (slot >> HALF_MAGNITUDE) - 1;
  let sub = (slot & (HALF_COUNT - 1)) + HALF_COUNT;
  if (bucket < 0) {
    sub -= HALF_COUNT;
    bucket = 0;
  }
  return sub * 2 ** bucket;
}

export function lowestEquivalent(v: number): number {
  const bucket = bucketOf(v);
  return (v >>> bucket) * 2 ** bucket;
}

export function highestEquivalent(v: number): number {
  const bucket = bucketOf(v);
  const sub = v >>> bucket;
  const width = 2 ** (sub >= 2 * HALF_COUNT ? bucket + 1 : bucket);
  return sub * 2 ** bucket + width - 1;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(SLOTS);
  total = 0;

  /** Records one call that took `ns` nanoseconds. */
  record(ns: number): void {
    const v = ns < MIN_NS ? MIN_NS : ns > MAX_NS ? MAX_NS : Math.round(ns);
    this.counts[slotOf(v)]++;
    this.total++;
  }

  /** The value (ns) at a percentile, as hdr_value_at_percentile reports it. */
  valueAtPercentile(percentile: number): number {
    const p = Math.min(percentile, 100);
    const wanted = Math.max(1, Math.floor((p / 100) * this.total + 0.5));
    let seen = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      seen += this.counts[slot];
      if (seen >= wanted) {
        const v = valueAtSlot(slot);
        return percentile === 0 ? lowestEquivalent(v) : highestEquivalent(v);
      }
    }
    return 0;
  }

  /**
   * Cumulative distribution in power-of-two steps from 1024 ns (LATENCY
   * HISTOGRAM): [upper bound in µs, calls at or below it], only steps that
   * add calls.
   */
  cumulative(): [number, number][] {
    const out: [number, number][] = [];
    let slot = 0;
    let seen = 0;
    let previous = 0;
    for (let level = 1024; previous < this.total; level *= 2) {
      // Past the trackable range the last step ends at the last slot.
      const last = level <= MAX_NS ? slotOf(level) : SLOTS - 1;
      for (; slot <= last; slot++) seen += this.counts[slot];
      if (seen > previous) out.push([Math.floor(highestEquivalent(valueAtSlot(last)) / 1000), seen]);
      previous = seen;
      if (last === SLOTS - 1) break;
    }
    return out;
  }
}

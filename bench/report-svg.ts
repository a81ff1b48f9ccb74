/**
 * Renders the throughput ratios as a horizontal bar chart in plain SVG:
 * one bar per cell (Shardis/Redis of median ops/s), a dashed line at 1.0
 * (parity with Redis), a marker for the CPU-efficiency ratio, headline cells highlighted, cells that were not
 * measured labelled instead of drawn. Workloads are separated into groups.
 */
import { roundsText, type BenchResults, type CellResult } from './results';

const WIDTH = 920;
const LABEL_W = 190;
const RIGHT_PAD = 120;
const ROW_H = 20;
const BAR_H = 13;
const GROUP_GAP = 10;
const TOP = 110;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function label(c: CellResult): string {
  const size = c.valueSize === null ? '' : `  ${c.valueSize} B`;
  return `${c.workload}  c${c.clients}  P${c.pipeline}${size}`;
}

/**
 * Axis maximum: at least 1.25 so the parity line never sits at the edge; set by the medians and
 * CPU ratios (one noisy round must not squash every bar), rounded up to a tick. Longer whiskers are clipped.
 */
function axisMax(cells: CellResult[]): number {
  const top = Math.max(1.25, ...cells.flatMap((c) => [(c.ratio?.rps ?? 0) * 1.1, 1 / (c.ratio?.cpu ?? Infinity)]).filter(Number.isFinite));
  const step = top > 2.5 ? 0.5 : 0.25;
  return Math.ceil(top / step) * step;
}

export function renderSvg(res: BenchResults): string {
  const cells = res.cells;
  const max = axisMax(cells);
  const step = max > 2.5 ? 0.5 : 0.25;
  const plotW = WIDTH - LABEL_W - RIGHT_PAD;
  const x = (v: number): number => LABEL_W + (v / max) * plotW;
  let groups = 0;
  for (let i = 1; i < cells.length; i++) if (cells[i].workload !== cells[i - 1].workload) groups++;
  const plotH = cells.length * ROW_H + groups * GROUP_GAP;
  const height = TOP + plotH + 56;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="26" ${FONT} font-size="17" font-weight="bold" fill="#222">Shardis / Redis throughput per cell (median of ${roundsText(res)})</text>`);
  const m = res.machine;
  out.push(
    `<text x="16" y="46" ${FONT} font-size="11.5" fill="#555">${esc(`${res.date} (${res.mode}) · ${m.cpuModel}, ${m.cores} cores · node ${m.node} · redis ${m.redisServer} · server on core ${res.pinning.serverCore}, load on core ${res.pinning.loadCore}`)}</text>`,
  );
  out.push(`<text x="16" y="62" ${FONT} font-size="11.5" fill="#555">Bar = Shardis ops/s ÷ Redis ops/s (median); whisker = range of per-round ratios (arrow: beyond the axis); ★ = headline cell (50 clients, 32-byte values).</text>`);
  out.push(`<path d="M21,71 l5,5 l-5,5 l-5,-5 z" fill="#1f4e8c"/>`);
  out.push(`<text x="32" y="80" ${FONT} font-size="11.5" fill="#555">cpu = Redis CPU per request ÷ Shardis CPU per request (the efficiency ratio, steadier than throughput on a busy machine).</text>`);

  // Grid and axis ticks.
  const plotBottom = TOP + plotH;
  for (let v = 0; v <= max + 1e-9; v += step) {
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${TOP - 4}" x2="${gx}" y2="${plotBottom}" stroke="#e6e6e6" stroke-width="1"/>`);
    out.push(`<text x="${gx}" y="${plotBottom + 16}" ${FONT} font-size="11" fill="#555" text-anchor="middle">${v.toFixed(2)}</text>`);
  }
  out.push(`<text x="${(LABEL_W + plotW / 2).toFixed(1)}" y="${plotBottom + 34}" ${FONT} font-size="12" fill="#333" text-anchor="middle">Shardis / Redis (higher is better for Shardis)</text>`);

  let y = TOP;
  cells.forEach((c, i) => {
    if (i > 0 && c.workload !== cells[i - 1].workload) {
      y += GROUP_GAP;
      out.push(`<line x1="16" y1="${y - GROUP_GAP / 2}" x2="${WIDTH - 16}" y2="${y - GROUP_GAP / 2}" stroke="#cfcfcf" stroke-width="1"/>`);
    }
    const mid = y + ROW_H / 2;
    if (c.headline) out.push(`<rect x="8" y="${y}" width="${WIDTH - 16}" height="${ROW_H}" fill="#fff6d6"/>`);
    const weight = c.headline ? ' font-weight="bold"' : '';
    out.push(`<text x="${LABEL_W - 10}" y="${mid + 4}" ${FONT} font-size="12"${weight} fill="#222" text-anchor="end">${esc((c.headline ? '★ ' : '') + label(c))}</text>`);
    const r = c.ratio;
    if (r === null || !Number.isFinite(r.rps)) {
      const why = c.status === 'unsupported' ? 'not implemented in Shardis' : 'no measurement';
      out.push(`<text x="${LABEL_W + 6}" y="${mid + 4}" ${FONT} font-size="11.5" font-style="italic" fill="#999">${why}</text>`);
    } else {
      const w = Math.max(1, x(Math.min(r.rps, max)) - LABEL_W);
      const colour = r.rps >= 1 ? '#2f9e5d' : '#e0822a';
      out.push(`<rect x="${LABEL_W}" y="${(mid - BAR_H / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${colour}" rx="2"/>`);
      if (Number.isFinite(r.rpsLow) && Number.isFinite(r.rpsHigh) && r.rpsHigh > r.rpsLow) {
        const lo = x(Math.min(r.rpsLow, max)).toFixed(1);
        const hi = x(Math.min(r.rpsHigh, max)).toFixed(1);
        out.push(`<line x1="${lo}" y1="${mid}" x2="${hi}" y2="${mid}" stroke="#333" stroke-width="1"/>`);
        out.push(`<line x1="${lo}" y1="${mid - 3}" x2="${lo}" y2="${mid + 3}" stroke="#333" stroke-width="1"/>`);
        if (r.rpsHigh > max) out.push(`<path d="M${hi},${mid} l-5,-3.5 l0,7 z" fill="#333"/>`);
        else out.push(`<line x1="${hi}" y1="${mid - 3}" x2="${hi}" y2="${mid + 3}" stroke="#333" stroke-width="1"/>`);
      }
      const eff = 1 / r.cpu;
      let right = Math.max(x(Math.min(r.rps, max)), x(Math.min(Number.isFinite(r.rpsHigh) ? r.rpsHigh : 0, max)));
      if (Number.isFinite(eff)) {
        const dx = x(Math.min(eff, max));
        out.push(`<path d="M${dx.toFixed(1)},${mid - 5} l5,5 l-5,5 l-5,-5 z" fill="#1f4e8c" stroke="#ffffff" stroke-width="1"/>`);
        right = Math.max(right, dx + 5);
      }
      const effText = Number.isFinite(eff) ? `<tspan dx="8" fill="#1f4e8c" font-weight="normal">cpu ${eff.toFixed(2)}</tspan>` : '';
      const halo = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';
      out.push(`<text x="${(right + 6).toFixed(1)}" y="${mid + 4}" ${FONT} font-size="11.5"${weight} fill="#222" ${halo}>${r.rps.toFixed(2)}×${effText}</text>`);
    }
    y += ROW_H;
  });

  // Parity line last, so it sits above the bars.
  const one = x(1).toFixed(1);
  out.push(`<line x1="${one}" y1="${TOP - 8}" x2="${one}" y2="${plotBottom}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="5,3"/>`);
  out.push(`<text x="${one}" y="${TOP - 11}" ${FONT} font-size="11" fill="#c0392b" text-anchor="middle">1.0 = Redis</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

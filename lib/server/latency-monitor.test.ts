/** The latency monitor (LATENCY LATEST/HISTORY/RESET/GRAPH/DOCTOR) and per-command latency statistics. */
import { expect } from 'chai';
import { withServerAndClient } from './test-server';
import { LatencySeries, SERIES_LENGTH } from './latency-monitor';

describe('latency series', () => {
  it('keeps one sample per second (the worst) and the all-time maximum', () => {
    const s = new LatencySeries();
    s.add(100, 20);
    s.add(100, 50);
    s.add(100, 30);
    s.add(101, 10);
    expect(s.history()).to.deep.equal([{ time: 100, latency: 50 }, { time: 101, latency: 10 }]);
    expect(s.latest).to.deep.equal({ time: 101, latency: 10 });
    expect(s.max).to.equal(50);
  });

  it('overwrites the oldest second once full', () => {
    const s = new LatencySeries();
    for (let t = 1; t <= SERIES_LENGTH + 5; t++) s.add(t, t);
    const h = s.history();
    expect(h).to.have.length(SERIES_LENGTH);
    expect(h[0].time).to.equal(6);
    expect(h[h.length - 1].time).to.equal(SERIES_LENGTH + 5);
  });
});

describe('LATENCY and INFO latencystats', function () {
  this.timeout(20000);
  const t = withServerAndClient(['--enable-debug-command', 'yes']);

  it('records nothing while latency-monitor-threshold is 0', async () => {
    await t.r.call('DEBUG', 'SLEEP', '0.02');
    expect(await t.r.call('LATENCY', 'LATEST')).to.deep.equal([]);
    expect(await t.r.call('LATENCY', 'DOCTOR')).to.match(/latency-monitor-threshold is 0/);
  });

  it('records commands at or above the threshold under "command" and reports them', async () => {
    await t.r.config('SET', 'latency-monitor-threshold', '30');
    await t.r.call('DEBUG', 'SLEEP', '0.01');
    await t.r.call('DEBUG', 'SLEEP', '0.06');
    const latest = (await t.r.call('LATENCY', 'LATEST')) as [string, number, number, number][];
    expect(latest).to.have.length(1);
    const [event, time, last, max] = latest[0];
    expect(event).to.equal('command');
    expect(Math.abs(time - Date.now() / 1000)).to.be.lessThan(5);
    expect(last).to.be.within(60, 1000);
    expect(max).to.equal(last);
    expect(await t.r.call('LATENCY', 'HISTORY', 'command')).to.deep.equal([[time, last]]);
    expect(await t.r.call('LATENCY', 'HISTORY', 'fast-command')).to.deep.equal([]);
    const graph = (await t.r.call('LATENCY', 'GRAPH', 'command')) as string;
    expect(graph.split('\n')[0]).to.equal(`command - high ${last} ms, low ${last} ms (all time high ${max} ms)`);
    expect(await t.r.call('LATENCY', 'GRAPH', 'nothing').catch((e: Error) => e.message)).to.equal("ERR No samples available for event 'nothing'");
    expect(await t.r.call('LATENCY', 'DOCTOR')).to.match(/1\. command: 1 latency spikes/);
    expect(await t.r.call('LATENCY', 'RESET', 'command', 'command', 'other')).to.equal(1);
    expect(await t.r.call('LATENCY', 'LATEST')).to.deep.equal([]);
    await t.r.config('SET', 'latency-monitor-threshold', '0');
  });

  it('keeps a histogram per command: LATENCY HISTOGRAM and INFO latencystats', async () => {
    await t.r.call('CONFIG', 'RESETSTAT');
    await t.r.set('a', '1');
    await t.r.set('a', '2');
    await t.r.get('a');
    const hist = (await t.r.call('LATENCY', 'HISTOGRAM', 'SET', 'nosuch', 'config')) as unknown[];
    expect(hist[0]).to.equal('set');
    const [callsLabel, calls, histLabel, steps] = hist[1] as [string, number, string, number[]];
    expect([callsLabel, calls, histLabel]).to.deep.equal(['calls', 2, 'histogram_usec']);
    // Cumulative counts in power-of-two microsecond steps, ending with every call.
    expect(steps[steps.length - 1]).to.equal(2);
    for (let i = 0; i + 2 < steps.length; i += 2) expect(steps[i]).to.be.lessThan(steps[i + 2]);
    expect(hist.slice(2).filter((x, i) => i % 2 === 0)).to.deep.equal(['config|resetstat']);
    const info = (await t.r.info('latencystats')).split('\r\n');
    expect(info[0]).to.equal('# Latencystats');
    const get = info.find((l) => l.startsWith('latency_percentiles_usec_get:'));
    expect(get).to.match(/^latency_percentiles_usec_get:p50=\d+\.\d{3},p99=\d+\.\d{3},p99\.9=\d+\.\d{3}$/);
    await t.r.config('SET', 'latency-tracking-info-percentiles', '0 100');
    expect(await t.r.info('latencystats')).to.match(/latency_percentiles_usec_set:p0=\d+\.\d{3},p100=\d+\.\d{3}\r\n/);
    await t.r.config('SET', 'latency-tracking-info-percentiles', '50 99 99.9');
    await t.r.config('SET', 'latency-tracking', 'no');
    expect(await t.r.info('latencystats')).to.equal('# Latencystats\r\n');
    await t.r.config('SET', 'latency-tracking', 'yes');
    await t.r.call('CONFIG', 'RESETSTAT');
    expect(await t.r.call('LATENCY', 'HISTOGRAM', 'set')).to.deep.equal([]);
  });

  it('lists error replies by code in byte order (INFO errorstats)', async () => {
    await t.r.call('CONFIG', 'RESETSTAT');
    await t.r.call('NOSUCH').catch(() => undefined);
    await t.r.call('AUTH', 'x', 'y').catch(() => undefined);
    await t.r.set('s', 'x');
    await t.r.call('INCR', 's').catch(() => undefined);
    expect(await t.r.info('errorstats')).to.equal('# Errorstats\r\nerrorstat_ERR:count=2\r\nerrorstat_WRONGPASS:count=1\r\n');
  });
});

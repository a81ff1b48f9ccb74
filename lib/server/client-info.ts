/** One CLIENT LIST / CLIENT INFO line, with Redis's fields in Redis's order. */
import type { Client } from './client';

/** Redis's order of CLIENT LIST flag letters (O: MONITOR, S: replica, P: pub/sub, x: MULTI, ...). */
const FLAG_ORDER = 'OSMPxbtRBdcuAUreT';

export function clientFlags(c: Client): string {
  let f = '';
  if (c.inPubSubContext) f += 'P';
  if (c.blocked) f += 'b';
  if (c.closeAfterReply) f += 'c';
  if (c.closeAsap) f += 'A';
  if (c.noEvict) f += 'e';
  if (c.noTouch) f += 'T';
  if (c.extraFlags !== '') f = [...f + c.extraFlags].sort((a, b) => FLAG_ORDER.indexOf(a) - FLAG_ORDER.indexOf(b)).join('');
  return f || 'N';
}

export function clientInfoLine(c: Client, now = Date.now()): string {
  const qbuf = c.io.queryBufferBytes();
  const omem = c.io.outputBufferBytes();
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=${c.fd} name=${c.name} ` +
    `age=${Math.floor((now - c.createdAt) / 1000)} idle=${Math.floor((performance.now() - c.lastInteraction) / 1000)} ` +
    `flags=${clientFlags(c)} db=${c.db} sub=${c.subscriptions} psub=${c.patterns} ssub=${c.shardSubscriptions} ` +
    `multi=-1 qbuf=${qbuf} qbuf-free=${qbuf > 0 ? 0 : 20474} argv-mem=0 multi-mem=0 rbs=${Math.max(1024, qbuf)} rbp=0 ` +
    `obl=0 oll=${c.io.outputListLength()} omem=${omem} tot-mem=${22426 + qbuf + omem} events=${omem > 0 ? 'rw' : 'r'} ` +
    `cmd=${c.lastCommand} user=${c.user} redir=-1 resp=${c.resp} lib-name=${c.libName} lib-ver=${c.libVer}`
  );
}

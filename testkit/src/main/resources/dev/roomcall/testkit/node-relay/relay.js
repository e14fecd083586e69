// The WebSocket relay of the "004" demo's stack (Node + ws@8), shared by the browser end-to-end tests and the
// relay benchmark.
//
// Every message from one socket goes, unchanged and in the frame type it came in, to "the other socket" of its
// pair; at most two sockets per pair, a third is closed with 4001. By default there is one pair and the URL path and
// query are ignored, as in the demo (--rooms makes the URL path name the pair, so one process serves many pairs, as
// one Roomcall server does).
//
// Deliberate differences from the demo, each closing a gap of the original:
//  - The demo sends to wsc[otherIndex] immediately, so a message from the first socket before the second one
//    has connected throws (wsc[1] is undefined) and kills the process. Here such messages wait in a queue and
//    are delivered when the other socket arrives (and are dropped if their sender leaves first).
//  - The demo JSON.parse()s every message just to log it, so a non-JSON frame also kills it. Here messages are
//    forwarded as they are; parsing is only for the log line (none with --quiet, the benchmark's cheapest relay).
//  - The demo never frees a slot, so it must be restarted after each test. Here a closed socket frees its slot.
//  - ws@8 hands over (data, isBinary); frames go out with the type they came in with. The demo's send(message)
//    under ws@8 sends every message as a binary frame; --binary-frames does that too, so tests can check that
//    receivers cope with it.
//
// Usage: node relay.js [port] [--rooms] [--binary-frames] [--quiet] [--pages=DIR]
//   port 0 picks a free one; prints "LISTENING <port>" when ready. --pages=DIR serves DIR's *.html files over http
//   (and DIR/index.html, if present, at "/"); otherwise http answers 404.

'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { WebSocketServer, WebSocket } = require('ws');

const RELAY_FULL = 4001;

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--') && !a.includes('=')));
const pagesArg = args.find((a) => a.startsWith('--pages='));
const pagesDir = pagesArg ? path.resolve(pagesArg.slice('--pages='.length)) : null;
const port = Number(args.find((a) => !a.startsWith('--')) ?? process.env.PORT ?? 0);
const host = process.env.HOST || '127.0.0.1';
const forceBinary = flags.has('--binary-frames') || process.env.RELAY_FRAMES === 'binary';
const byPath = flags.has('--rooms');
const quiet = flags.has('--quiet');

const server = http.createServer((req, res) => {
  const pathname = new URL(req.url, 'http://relay').pathname;
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (req.method !== 'GET' || !pagesDir || !/^[A-Za-z0-9_-]+\.html$/.test(name)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  fs.readFile(path.join(pagesDir, name), (err, body) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
});

const wss = new WebSocketServer({ server });

// A pair: sockets[i] is the socket in slot i; pending[i] holds what slot i sent while nobody was in the other slot.
const pairs = new Map();

wss.on('connection', (ws, req) => {
  const key = byPath ? new URL(req.url, 'http://relay').pathname : '';
  let pair = pairs.get(key);
  if (!pair) {
    pair = { sockets: [null, null], pending: [[], []] };
    pairs.set(key, pair);
  }
  const mine = pair.sockets.indexOf(null);
  if (mine < 0) {
    log(`refusing a third socket from ${req.socket.remoteAddress}`);
    ws.close(RELAY_FULL, 'relay full');
    return;
  }
  const other = 1 - mine;
  pair.sockets[mine] = ws;
  log(`connection in slot ${mine} (${req.url})`);

  // Whatever the other side said before we came.
  for (const { data, isBinary } of pair.pending[other].splice(0)) ws.send(data, { binary: forceBinary || isBinary });

  ws.on('message', (data, isBinary) => {
    if (!quiet) log(`slot ${mine} -> slot ${other}: ${describe(data)}${isBinary ? ' (binary)' : ''}`);
    const peer = pair.sockets[other];
    if (peer && peer.readyState === WebSocket.OPEN) {
      peer.send(data, { binary: forceBinary || isBinary }, (err) => {
        if (err) log(`send error to slot ${other}: ${err.message}`);
      });
    } else {
      pair.pending[mine].push({ data, isBinary });
    }
  });

  ws.on('close', (code) => {
    log(`slot ${mine} closed (${code})`);
    pair.sockets[mine] = null;
    pair.pending[mine] = []; // stale: nobody should get an offer from someone who already left
    if (byPath && !pair.sockets[0] && !pair.sockets[1]) pairs.delete(key);
  });
  ws.on('error', (err) => log(`slot ${mine} error: ${err.message}`));
});

function describe(data) {
  try {
    const json = JSON.parse(data.toString('utf8'));
    if (json && typeof json.event === 'string') return json.event;
    if (json && json.sdp) return `bare sdp ${json.sdp.type}`;
    if (json && json.candidate) return 'bare candidate';
    return 'json';
  } catch (err) {
    return `non-JSON, ${data.length} bytes`;
  }
}

function log(line) {
  if (!quiet) process.stderr.write(`[relay] ${line}\n`);
}

server.listen(port, host, () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    wss.clients.forEach((c) => c.terminate());
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  });
}

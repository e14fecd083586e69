// Test fixture: the "004" WebSocket relay demo, rewritten for modern ws@8.
//
// Semantics kept from the demo: no rooms (the URL path and query are ignored), at most two sockets, and every
// message from one socket goes, unchanged, to "the other socket". Served page: page004.html at "/".
//
// Deliberate differences, each closing a gap of the original:
//  - The demo sends to wsc[otherIndex] immediately, so a message from the first socket before the second one
//    has connected throws (wsc[1] is undefined) and kills the process. Here such messages wait in a queue and
//    are delivered when the other socket arrives (and are dropped if their sender leaves first).
//  - The demo JSON.parse()s every message just to log it, so a non-JSON frame also kills it. Here messages are
//    forwarded as they are; parsing is only for the log line.
//  - The demo never frees a slot, so it must be restarted after each test ("每次测试需要重启"). Here a closed
//    socket frees its slot; a third concurrent socket is closed with 4001.
//  - ws@8 hands over (data, isBinary); frames go out with the type they came in with. The demo's
//    send(message) under ws@8 sends every message as a binary frame; RELAY_FRAMES=binary does that too,
//    so tests can check that receivers cope with it.
//
// Usage: node relay.js [port]   (port also from $PORT; 0 picks a free one). Prints "LISTENING <port>" when ready.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { WebSocketServer, WebSocket } = require('ws');

const PAGES = {
  '/': 'page004.html',
  '/page004.html': 'page004.html',
  '/page000.html': 'page000.html',
};
const RELAY_FULL = 4001;

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const host = process.env.HOST || '127.0.0.1';
const forceBinary = process.env.RELAY_FRAMES === 'binary';

const server = http.createServer((req, res) => {
  const pathname = new URL(req.url, 'http://relay').pathname;
  const page = PAGES[pathname];
  if (req.method !== 'GET' || !page) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  fs.readFile(path.join(__dirname, page), (err, body) => {
    if (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('cannot read page\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
});

const wss = new WebSocketServer({ server });

// slots[i] is the socket in slot i; pending[i] holds what slot i sent while nobody was in the other slot.
const slots = [null, null];
const pending = [[], []];

wss.on('connection', (ws, req) => {
  const mine = slots.indexOf(null);
  if (mine < 0) {
    log(`refusing a third socket from ${req.socket.remoteAddress}`);
    ws.close(RELAY_FULL, 'relay full');
    return;
  }
  const other = 1 - mine;
  slots[mine] = ws;
  log(`connection in slot ${mine} (${req.url})`);

  // Whatever the other side said before we came.
  for (const { data, isBinary } of pending[other].splice(0)) ws.send(data, { binary: forceBinary || isBinary });

  ws.on('message', (data, isBinary) => {
    log(`slot ${mine} -> slot ${other}: ${describe(data)}${isBinary ? ' (binary)' : ''}`);
    const peer = slots[other];
    if (peer && peer.readyState === WebSocket.OPEN) {
      peer.send(data, { binary: forceBinary || isBinary }, (err) => {
        if (err) log(`send error to slot ${other}: ${err.message}`);
      });
    } else {
      pending[mine].push({ data, isBinary });
    }
  });

  ws.on('close', (code) => {
    log(`slot ${mine} closed (${code})`);
    slots[mine] = null;
    pending[mine] = []; // stale: nobody should get an offer from someone who already left
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
  process.stderr.write(`[relay] ${line}\n`);
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

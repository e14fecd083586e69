// The relay-benchmark's Node side: a minimal WebSocket relay on the demo's stack (Node + ws), with rooms.
//
// Like the demo "004" relay: at most two sockets per room, and every message from one goes, unchanged and in the
// frame type it came in, to the other. Unlike it, rooms come from the URL path (ws://host:port/ROOM), so one
// process serves many pairs, as one Roomcall server does; messages sent while alone wait for the second socket
// (the demo would crash instead). It deliberately does less than Roomcall's server per message: no parsing, no
// validation, no rate limit and no logging, i.e. the cheapest relay this stack can be.
//
// Usage: node relay.js [port]   (0 = any free port). Prints "LISTENING <port>" when ready.
'use strict';

const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const host = process.env.HOST || '127.0.0.1';
const ROOM_FULL = 4001;

const rooms = new Map(); // name -> { sockets: [ws|null, ws|null], pending: [[], []] }

const server = http.createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('WebSocket only\n');
});
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const name = new URL(req.url, 'http://relay').pathname.slice(1) || 'default';
  let room = rooms.get(name);
  if (!room) {
    room = { sockets: [null, null], pending: [[], []] };
    rooms.set(name, room);
  }
  const mine = room.sockets.indexOf(null);
  if (mine < 0) {
    ws.close(ROOM_FULL, 'room full');
    return;
  }
  const other = 1 - mine;
  room.sockets[mine] = ws;
  for (const { data, isBinary } of room.pending[other].splice(0)) ws.send(data, { binary: isBinary });

  ws.on('message', (data, isBinary) => {
    const peer = room.sockets[other];
    if (peer && peer.readyState === WebSocket.OPEN) {
      peer.send(data, { binary: isBinary });
    } else {
      room.pending[mine].push({ data, isBinary });
    }
  });
  ws.on('close', () => {
    room.sockets[mine] = null;
    room.pending[mine] = [];
    if (!room.sockets[0] && !room.sockets[1]) rooms.delete(name);
  });
  ws.on('error', () => {});
});

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

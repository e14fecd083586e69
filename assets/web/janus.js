// Janus's VideoRoom over its WebSocket API (subprotocol janus-protocol), as a room on the media server needs it
// (docs/protocol.md §14): one session kept alive, one publisher handle, one multistream subscriber handle.
// Requests are matched to answers by transaction; what Janus says unasked goes to the handle's listener.

const SUBPROTOCOL = 'janus-protocol';
const KEEPALIVE_MS = 25000; // Janus drops a session after 60 s of silence
const ANSWER_TIMEOUT_MS = 10000;
const PLUGIN = 'janus.plugin.videoroom';

export class JanusRoom {
  /**
   * @param url Janus's WebSocket API, @param room the VideoRoom id, @param pin its pin,
   * @param onLost called once when the socket closes or Janus stops answering
   */
  constructor({ url, room, pin, onLost }) {
    this.url = url;
    this.room = room;
    this.pin = pin;
    this.onLost = onLost;
    this.pending = new Map(); // transaction -> {resolve, reject, ackAnswers}
    this.listeners = new Map(); // handle id -> function(message)
    this.next = 0;
    this.session = null;
    this.keepalive = 0;
    this.lost = false;
  }

  /** Opens the socket and a session. */
  async open() {
    await new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, SUBPROTOCOL);
      this.ws = ws;
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error(`cannot reach the media server at ${this.url}`));
      ws.onclose = () => this.gone('the connection to the media server was lost');
      ws.onmessage = (event) => this.received(event.data);
    });
    const created = await this.request({ janus: 'create' });
    this.session = created.data.id;
    this.keepalive = setInterval(() => {
      this.request({ janus: 'keepalive', session_id: this.session }).catch(() => this.gone('the media server stopped answering'));
    }, KEEPALIVE_MS);
  }

  /** Attaches a VideoRoom handle; {@code onEvent} hears what Janus says about it unasked. */
  async attach(onEvent) {
    const attached = await this.request({ janus: 'attach', plugin: PLUGIN, session_id: this.session });
    const handle = attached.data.id;
    this.listeners.set(handle, onEvent);
    return handle;
  }

  /** Detaches a handle: Janus closes its peer connection, and a publisher leaves the room. */
  async detach(handle) {
    this.listeners.delete(handle);
    await this.request({ janus: 'detach', session_id: this.session, handle_id: handle });
  }

  /** Sends a VideoRoom request (with our description, if any); resolves with {data, jsep} of the plugin's reply. */
  async message(handle, body, jsep) {
    const request = { janus: 'message', session_id: this.session, handle_id: handle, body };
    if (jsep) request.jsep = { type: jsep.type, sdp: jsep.sdp };
    const reply = await this.request(request);
    const data = (reply.plugindata && reply.plugindata.data) || {};
    if (data.error_code || data.error) {
      throw new Error(`the media server refused: ${data.error || data.error_code}`);
    }
    return { data, jsep: reply.jsep || null };
  }

  /** Trickles one of our candidates (null: no more). */
  trickle(handle, candidate) {
    const request = { janus: 'trickle', session_id: this.session, handle_id: handle,
      candidate: candidate ? { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex }
        : { completed: true } };
    this.request(request).catch(() => {});
  }

  close() {
    this.lost = true;
    clearInterval(this.keepalive);
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      if (this.session) this.ws.send(JSON.stringify({ janus: 'destroy', session_id: this.session, transaction: 'bye' }));
      this.ws.close();
    }
  }

  request(message) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(new Error('the connection to the media server is closed'));
        return;
      }
      const transaction = `t${++this.next}`;
      // A plugin message's ack only says Janus took it: its outcome is the event with the same transaction.
      const ackAnswers = message.janus !== 'message';
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error('the media server did not answer'));
      }, ANSWER_TIMEOUT_MS);
      this.pending.set(transaction, {
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (err) => { clearTimeout(timer); reject(err); },
        ackAnswers,
      });
      this.ws.send(JSON.stringify({ ...message, transaction }));
    });
  }

  received(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (err) {
      console.warn('Roomcall: unreadable message from the media server');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const waiting = message.transaction ? this.pending.get(message.transaction) : null;
    if (waiting && message.janus === 'ack' && !waiting.ackAnswers) return;
    if (waiting) {
      this.pending.delete(message.transaction);
      if (message.janus === 'error') {
        waiting.reject(new Error((message.error && message.error.reason) || 'the media server refused'));
      } else {
        waiting.resolve(message);
      }
      return;
    }
    const listener = this.listeners.get(message.sender);
    if (listener) listener(message);
  }

  gone(reason) {
    if (this.lost) return;
    this.lost = true;
    clearInterval(this.keepalive);
    this.pending.forEach((waiting) => waiting.reject(new Error(reason)));
    this.pending.clear();
    if (this.onLost) this.onLost(reason);
  }
}

/**
 * Whose a feed is, from its publisher's display (docs/protocol.md §14): a member's camera under the bare member id,
 * a member's shared screen under {"member":"p3","screen":true}. Never throws.
 */
export function feedOwner(display) {
  const text = String(display || '');
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && typeof parsed.member === 'string') {
        return { member: parsed.member, screen: parsed.screen === true };
      }
    } catch (err) {
      // not ours: a camera named by the display as it is
    }
  }
  return { member: text, screen: false };
}

/** The display this page's shared screen is published under. */
export function screenDisplay(member) {
  return JSON.stringify({ member, screen: true });
}

/** What each m-section of a subscription carries: mid -> {feed, display, type}, from Janus's streams list. */
export function feedsByMid(streams) {
  const byMid = new Map();
  for (const stream of Array.isArray(streams) ? streams : []) {
    if (stream && typeof stream.mid === 'string' && stream.active !== false && typeof stream.feed_id === 'number') {
      byMid.set(stream.mid, { feed: stream.feed_id, display: String(stream.feed_display || ''), type: stream.type });
    }
  }
  return byMid;
}

// What this page knows about its call; each module changes only the part it is named for (signaling the socket,
// mesh the links, chat the conversation, share the screen), everyone reads.

export const RECONNECT_FIRST_MS = 500;

export const call = {
  room: null,
  invalidRoom: false,
  localStream: null,
  mediaPending: true,
  socket: null,
  socketStatus: 'closed', // closed | connecting | open
  everOpened: false,
  failures: 0,
  reconnectDelay: RECONNECT_FIRST_MS,
  reconnectTimer: 0,
  extensions: false, // true once the server said "joined" on this socket
  ready: false, // a PeerLink exists and its role is known
  iceServers: [],
  // "relay": only TURN-relayed candidates, so neither side learns the other's addresses. Asked for by the
  // link (?ice=relay) or by the server's welcome (a deployment that wants every call relayed).
  iceTransportPolicy: new URLSearchParams(location.search).get('ice') === 'relay' ? 'relay' : 'all',
  sfu: null, // the room on the media server (sfu.js), once the server moved it there
  links: new Map(), // member id ('' for the one unaddressed peer of a 1:1 call) -> PeerLink
  myId: null, // this page's id in a group room; null on servers without groups
  memberToken: null, // sent with every join of this page's call, so every node gives it the same id (signaling.js)
  connectionsMade: 0, // RTCPeerConnections made so far (tests: a call kept through a node's failover makes none)
  myName: '', // from ?name=, said to the others with "hello"
  size: 2, // how many the room holds, from joined
  peerPresent: false,
  peerLeft: false,
  roomFull: false,
  leaving: false,
  inbox: Promise.resolve(),
};

/** The conversation of this page: lines in order, and what the other side said about its devices. */
export const chat = {
  lines: [], // {from: 'me'|'peer'|'note', text, shortened}
  unread: 0,
  open: false,
  remoteMicrophone: null, // null until the other side says
  remoteCamera: null,
};

/** Every peer connection, in the order they were made (the one of a 1:1 call is the only one). */
export function links() {
  return [...call.links.values()];
}

export function firstLink() {
  return links()[0] || null;
}

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

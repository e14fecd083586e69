// A room on the media server (docs/protocol.md §14): once the server says "sfu", the mesh ends and this page
// publishes its camera and microphone once to Janus and receives everyone else's on one subscription. Each other
// person keeps an entry in call.links (a FeedLink) so the stage, names, speaking and stats work as in the mesh;
// their pictures come from the subscription, picked out by mid. A shared screen is a feed of its own: this page
// publishes its screen as a second publisher (display {"member": id, "screen": true}) and shows another person's
// screen feed as that person presenting.

import { call, links } from './state.js';
import { JanusRoom, feedsByMid, feedOwner, screenDisplay } from './janus.js';
import { currentScreen } from './share.js';
import { publishChat, receiveChat, sendOn, openReceiving } from './sfu-chat.js';
import { renderChat } from './chat.js';
import { renderTiles, makeTile } from './grid.js';
import { flashNote, render } from './view.js';
import { t } from './texts.js';

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 5000;
const SCREEN_BITRATE = 1500000; // text stays sharp at 5-15 fps

/** One other person in a room on the media server: what the stage and stats read of a PeerLink. */
class FeedLink {
  constructor(peerId, name, subscription) {
    this.peerId = peerId;
    this.name = name;
    this.subscription = subscription; // a holder: {pc}, replaced when the media server comes back
    this.stream = null;
    this.mids = new Set(); // the subscription's m-sections carrying this person
    this.cameraMid = null;
    this.screenTrack = null;
    this.screenStream = null;
    this.screenTransceiver = null;
    this.cameraTransceiver = null;
    this.presentingSince = null;
    this.speaking = false;
    this.audioLevel = 0;
    this.orphaned = false;
    this.closed = false;
    this.scaledForGroup = true; // nothing of ours goes through this entry: nothing to scale
    this.videoSections = 0;
    this.verification = null;
    this.feed = true;
  }

  get pc() {
    return this.subscription.pc || IDLE;
  }

  /** True while this person's screen feed comes with a live track. */
  get presenting() {
    return !this.closed && !!this.screenTrack && this.screenTrack.readyState === 'live';
  }

  /** Lines go to everyone at once through the media server (SfuCall.sendPeer), never per person. */
  sendPeer() {
    return false;
  }

  close() {
    this.closed = true;
  }
}

/** What a FeedLink shows while there is no subscription (before it is made, while the media server is away). */
const IDLE = { connectionState: 'new', getSenders: () => [], getStats: async () => new Map(), remoteDescription: null };

/** Whether this page's call goes through the media server. */
export function onSfu() {
  return !!call.sfu;
}

/** The server moved the room (again, after a reconnect, with the same or a new room). */
export async function moveToSfu(room) {
  const same = call.sfu && call.sfu.room.videoroom === room.videoroom && call.sfu.display === call.myId;
  if (same) return;
  if (call.sfu) call.sfu.stop();
  const people = links().map((link) => ({ id: link.peerId, name: link.name }));
  links().forEach((link) => {
    link.close();
    if (link.tile) link.tile.remove();
  });
  call.links.clear();
  call.sfu = new SfuCall(room, call.myId);
  people.filter((p) => p.id).forEach((p) => addPerson(p.id, p.name));
  call.ready = true;
  render();
  await call.sfu.start();
}

export function addPerson(peerId, name) {
  if (!call.sfu || !peerId || call.links.has(peerId)) return;
  const link = new FeedLink(peerId, name, call.sfu.subscription);
  makeTile(link);
  call.links.set(peerId, link);
  call.sfu.attachFeeds(link);
  renderTiles();
}

export function removePerson(peerId) {
  const link = call.links.get(peerId);
  if (!link) return;
  link.close();
  if (link.tile) link.tile.remove();
  call.links.delete(peerId);
  renderTiles();
}

/** What the page sends and receives through the media server, and its way back when the server goes away. */
class SfuCall {
  constructor(room, display) {
    this.room = room;
    this.display = display;
    this.subscription = { pc: null };
    this.state = 'connecting'; // connecting | up | lost
    this.retryMs = RETRY_FIRST_MS;
    this.stopped = false;
    this.feedOfMid = new Map(); // mid -> {feed, display, type}
    this.displays = new Map(); // feed id -> its publisher's display, for everyone subscribed to
    this.tracks = new Map(); // 'camera:p3' or 'screen:p3' -> {audio, video}
    this.screen = null; // this page's screen feed while it shares: {handle, pc}
    this.chatChannel = null; // this page's lines, on its publication
    this.generation = 0; // each attempt's number: what an older one reports is ignored
  }

  async start() {
    const generation = ++this.generation;
    try {
      await this.join(generation);
      if (generation !== this.generation || this.stopped) return;
      if (this.state === 'lost') flashNote(t('note.mediaServerBack'));
      this.state = 'up';
      this.retryMs = RETRY_FIRST_MS;
    } catch (err) {
      this.lose(err.message, generation);
    }
    render();
  }

  async join(generation) {
    const janus = new JanusRoom({ url: this.room.url, room: this.room.videoroom, pin: this.room.pin,
      onLost: (reason) => this.lose(reason, generation) });
    this.janus = janus;
    await janus.open();
    this.publisherHandle = await janus.attach((message) => this.publisherEvent(message));
    const joined = await janus.message(this.publisherHandle,
      { request: 'join', ptype: 'publisher', room: this.room.videoroom, pin: this.room.pin, display: this.display });
    this.privateId = joined.data.private_id;
    await this.publish();
    await this.subscribe(joined.data.publishers || []);
    const shared = currentScreen();
    if (shared && generation === this.generation) this.shareScreen(shared.track, shared.stream);
  }

  /** Publishes this page's screen as a feed of its own, beside the camera's; a failure is said, the call goes on. */
  async shareScreen(track, stream) {
    if (this.screen || !this.janus || !this.publisherHandle) return;
    const janus = this.janus;
    const screen = { handle: null, pc: null };
    this.screen = screen;
    try {
      screen.handle = await janus.attach(() => {});
      if (this.screen !== screen) return;
      await janus.message(screen.handle, { request: 'join', ptype: 'publisher', room: this.room.videoroom,
        pin: this.room.pin, display: screenDisplay(this.display) });
      if (this.screen !== screen) return;
      const pc = new RTCPeerConnection({ iceServers: call.iceServers, iceTransportPolicy: call.iceTransportPolicy });
      screen.pc = pc;
      pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
      pc.onicecandidate = ({ candidate }) => {
        if (this.screen === screen) janus.trickle(screen.handle, candidate && candidate.candidate ? candidate : null);
      };
      await pc.setLocalDescription(await pc.createOffer());
      const configured = await janus.message(screen.handle,
        { request: 'configure', audio: false, video: true, bitrate: SCREEN_BITRATE }, pc.localDescription);
      if (!configured.jsep) throw new Error('the media server did not answer the screen');
      if (this.screen === screen) await pc.setRemoteDescription(configured.jsep);
    } catch (err) {
      console.warn(`Roomcall: could not share the screen through the media server: ${err.message}`);
      if (this.screen === screen) {
        this.screen = null;
        flashNote(t('share.failed', { reason: err.message }));
      }
    } finally {
      if (this.screen !== screen) dropScreen(janus, screen);
    }
  }

  /** Whether this page's chat lines can go out now. */
  chatOpen() {
    return !!this.chatChannel && this.chatChannel.readyState === 'open';
  }

  /** Sends a chat message to everyone in the room (Janus relays it as from our feed). */
  sendPeer(message) {
    return sendOn(this.chatChannel, message);
  }

  /** Stops publishing this page's screen: its publisher leaves the room, and everyone's subscription drops it. */
  stopScreen() {
    const screen = this.screen;
    this.screen = null;
    if (screen) dropScreen(this.janus, screen);
  }

  /** This page's camera is now track instead of old: on the published camera's sender, without renegotiating. */
  async switchCamera(old, track) {
    const sender = this.publisher ? this.publisher.getSenders().find((each) => each.track === old) : null;
    if (sender) await sender.replaceTrack(track);
  }

  async publish() {
    const pc = new RTCPeerConnection({ iceServers: call.iceServers, iceTransportPolicy: call.iceTransportPolicy });
    this.publisher = pc;
    this.chatChannel = publishChat(pc);
    const stream = call.localStream;
    for (const track of stream ? stream.getTracks() : []) {
      pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    }
    pc.onicecandidate = ({ candidate }) => {
      if (!this.stopped) this.janus.trickle(this.publisherHandle, candidate && candidate.candidate ? candidate : null);
    };
    await pc.setLocalDescription(await pc.createOffer());
    const configured = await this.janus.message(this.publisherHandle,
      { request: 'configure', audio: true, video: true }, pc.localDescription);
    if (!configured.jsep) throw new Error('the media server did not answer our offer');
    await pc.setRemoteDescription(configured.jsep);
  }

  publisherEvent(message) {
    const data = (message.plugindata && message.plugindata.data) || {};
    if (Array.isArray(data.publishers)) {
      this.subscribe(data.publishers).catch((err) => this.lose(err.message, this.generation));
    } else if (typeof data.unpublished === 'number' || typeof data.leaving === 'number') {
      this.unsubscribe(typeof data.unpublished === 'number' ? data.unpublished : data.leaving);
    } else if (data.videoroom === 'destroyed' || message.janus === 'hangup') {
      this.lose('the media server closed the call', this.generation);
    }
  }

  /**
   * One change of the subscription at a time: a publisher announced while the first subscription is still being made
   * must not make a second one, or update one that has not joined yet. Steps of an attempt that broke are skipped.
   */
  subscribe(publishers) {
    return this.inTurn(() => this.subscribeNow(publishers));
  }

  inTurn(step) {
    const generation = this.generation;
    const next = (this.subscriptionSteps || Promise.resolve()).catch(() => {})
      .then(() => (generation === this.generation ? step() : undefined));
    this.subscriptionSteps = next;
    return next;
  }

  async subscribeNow(publishers) {
    const others = publishers.filter((p) => p && typeof p.id === 'number')
      .filter((p) => feedOwner(p.display).member !== this.display); // not our own screen
    others.forEach((p) => this.displays.set(p.id, String(p.display || '')));
    const feeds = others.map((p) => ({ feed: p.id }));
    if (feeds.length === 0 || this.stopped) return;
    if (!this.subscriberHandle) {
      this.subscriberHandle = await this.janus.attach((message) => this.subscriberEvent(message));
      const pc = new RTCPeerConnection({ iceServers: call.iceServers, iceTransportPolicy: call.iceTransportPolicy });
      this.subscription.pc = pc;
      pc.onicecandidate = ({ candidate }) => {
        if (!this.stopped) this.janus.trickle(this.subscriberHandle, candidate && candidate.candidate ? candidate : null);
      };
      pc.ontrack = ({ track, transceiver }) => this.arrived(track, transceiver.mid);
      pc.ondatachannel = ({ channel }) => receiveChat(channel, (feed) => this.displays.get(feed));
      const attached = await this.janus.message(this.subscriberHandle, { request: 'join', ptype: 'subscriber',
        room: this.room.videoroom, pin: this.room.pin, private_id: this.privateId, streams: feeds });
      await this.answer(attached);
    } else {
      const updated = await this.janus.message(this.subscriberHandle, { request: 'update', subscribe: feeds });
      if (updated.jsep) await this.answer(updated);
    }
  }

  unsubscribe(feed) {
    return this.inTurn(() => this.unsubscribeNow(feed));
  }

  async unsubscribeNow(feed) {
    if (!this.subscriberHandle || this.stopped) return;
    try {
      const updated = await this.janus.message(this.subscriberHandle, { request: 'update', unsubscribe: [{ feed }] });
      if (updated.jsep) await this.answer(updated);
    } catch (err) {
      console.info(`Roomcall: could not drop a feed: ${err.message}`);
    }
  }

  subscriberEvent(message) {
    if (message.jsep && message.jsep.type === 'offer') {
      this.answer({ data: (message.plugindata && message.plugindata.data) || {}, jsep: message.jsep })
        .catch((err) => this.lose(err.message, this.generation));
    }
  }

  /** Janus's offer (joining or a change of feeds): remember what each m-section carries, answer, start. */
  async answer({ data, jsep }) {
    this.feedOfMid = feedsByMid(data.streams);
    for (const [key, tracks] of this.tracks) {
      // A feed that went (a screen no longer shared) leaves no track behind to be shown as live.
      for (const kind of Object.keys(tracks)) {
        const feed = this.feedOfMid.get(tracks[kind].mid);
        if (!feed || feedKey(feed) !== key) delete tracks[kind];
      }
      if (Object.keys(tracks).length === 0) this.tracks.delete(key);
    }
    const pc = this.subscription.pc;
    await pc.setRemoteDescription(jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await this.janus.message(this.subscriberHandle, { request: 'start' }, pc.localDescription);
    // Janus relays the others' chat to a subscriber only once it opened a data channel of its own.
    if (!this.subscriptionChat && jsep.sdp.includes('\nm=application')) this.subscriptionChat = openReceiving(pc);
    links().forEach((link) => this.attachFeeds(link));
    renderTiles();
  }

  /** A track on one m-section of the subscription: whose it is, from what Janus said that m-section carries. */
  arrived(track, mid) {
    const feed = this.feedOfMid.get(mid);
    if (!feed) return;
    const tracks = this.tracks.get(feedKey(feed)) || {};
    tracks[track.kind] = { track, mid };
    this.tracks.set(feedKey(feed), tracks);
    const link = call.links.get(feedOwner(feed.display).member);
    if (link) this.attachFeeds(link);
    renderTiles();
  }

  /** Gives a person's entry the tracks that arrived for them: their camera and microphone, and their screen. */
  attachFeeds(link) {
    const tracks = this.tracks.get(`camera:${link.peerId}`);
    link.mids = new Set();
    for (const [mid, feed] of this.feedOfMid) {
      if (feedOwner(feed.display).member === link.peerId) link.mids.add(mid);
    }
    const screen = this.tracks.get(`screen:${link.peerId}`);
    const screenTrack = screen && screen.video ? screen.video.track : null;
    if (link.screenTrack !== screenTrack) {
      link.screenTrack = screenTrack;
      link.screenStream = screenTrack ? new MediaStream([screenTrack]) : null;
    }
    if (!tracks || !tracks.video) return;
    const wanted = [tracks.video.track, tracks.audio && tracks.audio.track].filter(Boolean);
    const current = link.stream ? link.stream.getTracks() : [];
    if (wanted.length !== current.length || wanted.some((track) => !current.includes(track))) {
      link.stream = new MediaStream(wanted);
    }
    link.cameraMid = tracks.video.mid;
    link.videoSections = 1;
  }

  /** The attempt {@code generation} broke: say so once per outage, drop every picture, try again with back-off. */
  lose(reason, generation) {
    if (this.stopped || generation !== this.generation || this.retrying) return;
    console.warn(`Roomcall: the media server is away: ${reason}`);
    const first = this.state !== 'lost';
    this.state = 'lost';
    this.retrying = true;
    this.teardown();
    links().forEach((link) => { // no picture left up as if live
      link.stream = null;
      link.mids = new Set();
      link.screenTrack = null;
      link.screenStream = null;
    });
    if (first) flashNote(t('note.mediaServerLost'));
    render();
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    setTimeout(() => {
      this.retrying = false;
      if (!this.stopped && call.sfu === this) this.start();
    }, delay);
  }

  teardown() {
    if (this.screen && this.screen.pc) this.screen.pc.close();
    this.screen = null;
    if (this.janus) this.janus.close();
    if (this.publisher) this.publisher.close();
    if (this.subscription.pc) this.subscription.pc.close();
    this.subscription.pc = null;
    this.subscriptionChat = null;
    this.subscriberHandle = null;
    this.subscriptionSteps = null;
    this.publisherHandle = null;
    this.publisher = null;
    this.chatChannel = null;
    renderChat();
    this.tracks.clear();
    this.displays.clear();
    this.feedOfMid = new Map();
  }

  stop() {
    this.stopped = true;
    this.teardown();
  }
}

/** Whose feed and which: 'camera:p3' or 'screen:p3'. */
function feedKey(feed) {
  const owner = feedOwner(feed.display);
  return `${owner.screen ? 'screen' : 'camera'}:${owner.member}`;
}

/** Closes a screen feed's connection and leaves the room with its publisher (if the media server is still there). */
function dropScreen(janus, screen) {
  if (screen.pc) screen.pc.close();
  screen.pc = null;
  if (screen.handle && janus && !janus.lost) janus.detach(screen.handle).catch(() => {});
  screen.handle = null;
}

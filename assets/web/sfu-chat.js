// Chat in a room on the media server (docs/protocol.md §14): this page's lines go out on a data channel of its
// publication, which Janus forwards to everyone subscribed to its feed; everyone else's arrive on the subscription,
// each publisher's on a channel Janus names by that publisher's feed id. So whose line it is is Janus's word,
// read through the feed's display; a line from a feed that is nobody in the room is not shown.

import { call } from './state.js';
import { channelEvent, renderChat } from './chat.js';
import { feedOwner } from './janus.js';

const LABEL = 'chat';
const MAX_FRAME_CHARS = 16 * 1024;

/** Opens this page's chat channel on its publication (before the offer, so the feed carries data). */
export function publishChat(pc) {
  const channel = pc.createDataChannel(LABEL);
  channel.onopen = () => renderChat();
  channel.onclose = () => renderChat();
  return channel;
}

/** Sends a chat message; false if the channel is not open. */
export function sendOn(channel, message) {
  if (!channel || channel.readyState !== 'open') return false;
  channel.send(JSON.stringify(message));
  return true;
}

/** Opens the subscription's own channel (once its data section is negotiated): Janus relays only after that. */
export function openReceiving(pc) {
  return pc.createDataChannel(LABEL);
}

/**
 * A channel Janus opened on the subscription: one publisher's lines, named by its feed id; displayOf(feed) says
 * whose feed that is (its publisher's display), or nothing.
 */
export function receiveChat(channel, displayOf) {
  channel.onmessage = ({ data }) => {
    if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS) return;
    const display = displayOf(Number(channel.label));
    const link = display === undefined ? null : call.links.get(feedOwner(display).member);
    if (link) channelEvent(link, 'message', data);
    else console.warn('Roomcall: ignoring a chat line from nobody in the room');
  };
}

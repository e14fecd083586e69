// Chat over each person's "chat" data channel, the same JSON the desktop app speaks: {"type":"chat","text":...}
// and {"type":"media","microphone":bool,"camera":bool}. Text only, at most CHAT_MAX_CHARS UTF-16 units; lines go to
// everyone and carry the sender's name.

import { ui } from './dom.js';
import { call, chat, links, isObject } from './state.js';
import { displayText, CHAT_MAX_CHARS } from './display-text.js';
import { renderRemoteMedia } from './view.js';
import { t } from './texts.js';

const CHAT_MAX_FRAME_CHARS = 16 * 1024;
const CHAT_MAX_LINES = 500;

function boundChat(raw) {
  return displayText(raw, 'CHAT');
}

function addLine(line) {
  chat.lines.push(line);
  if (chat.lines.length > CHAT_MAX_LINES) {
    chat.lines.shift();
    if (ui.chatLines.firstElementChild) ui.chatLines.firstElementChild.remove();
  }
  if (line.from === 'peer' && !chat.open) chat.unread += 1;
  appendLine(line);
  renderChat();
}

function chatNote(text) {
  addLine({ from: 'note', text, shortened: false });
}

/** Only ever text: every piece goes in through textContent, so a message can never become markup. */
function appendLine(line) {
  const item = document.createElement('li');
  item.className = `chat-line from-${line.from}`;
  if (line.from !== 'note') {
    const who = document.createElement('span');
    who.className = 'chat-who';
    who.textContent = line.from === 'me' ? t('chat.you') : (line.name || t('chat.them'));
    item.append(who);
  }
  const body = document.createElement('p');
  body.className = 'chat-text';
  body.textContent = line.text;
  item.append(body);
  if (line.shortened) {
    const cut = document.createElement('span');
    cut.className = 'chat-cut';
    cut.textContent = t('chat.cut');
    item.append(cut);
  }
  ui.chatLines.append(item);
  ui.chatLines.scrollTop = ui.chatLines.scrollHeight;
}

function setChatOpen(open) {
  chat.open = open;
  if (open) chat.unread = 0;
  renderChat();
  if (open) ui.chatInput.focus();
}

export function renderChat() {
  ui.chat.hidden = !chat.open;
  ui.stage.classList.toggle('chat-open', chat.open);
  ui.chatBadge.hidden = chat.unread === 0;
  ui.chatBadge.textContent = chat.unread > 99 ? '99+' : String(chat.unread);
  ui.toggleChat.setAttribute('aria-expanded', String(chat.open));
  ui.chatInput.placeholder = t(chatAvailable() ? 'chat.placeholder' : 'chat.placeholderClosed');
  renderRemoteMedia();
}

export function wireChat() {
  ui.toggleChat.addEventListener('click', () => setChatOpen(!chat.open));
  ui.chatClose.addEventListener('click', () => setChatOpen(false));
  ui.chatForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sendChat(ui.chatInput.value)) {
      ui.chatInput.value = '';
      ui.chatInput.dispatchEvent(new Event('input'));
    }
  });
  ui.chatInput.addEventListener('input', () => {
    const n = ui.chatInput.value.length;
    ui.chatCounter.hidden = n <= CHAT_MAX_CHARS * 0.8;
    ui.chatCounter.textContent = `${n} / ${CHAT_MAX_CHARS}`;
    ui.chatCounter.classList.toggle('over', n > CHAT_MAX_CHARS);
  });
  ui.chatInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setChatOpen(false);
  });
}

/** Says once per connection that the chat partner is gone, whichever comes first: channel closed or peer left. */
export function partnerLeftChat(link) {
  if (!link || !link.chatEverOpen || link.chatGoneSaid) return;
  link.chatGoneSaid = true;
  chatNote(call.links.size > 1 ? t('chat.someoneLeft', { name: link.name || t('person.someone') }) : t('chat.partnerLeft'));
}

export function chatAvailable() {
  return call.sfu ? call.sfu.chatOpen() : links().some((link) => link.chatOpen);
}

/** What a link's chat channel did: opened, closed, or brought a message. */
export function channelEvent(link, kind, data) {
  if (call.links.get(link.peerId) !== link) return;
  if (kind === 'open') {
    link.chatEverOpen = true;
    sendMediaState();
  } else if (kind === 'closed') {
    partnerLeftChat(link);
  } else if (kind === 'message') {
    receivePeer(data, link);
  }
  renderChat();
}

function receivePeer(text, link) {
  if (text.length > CHAT_MAX_FRAME_CHARS) {
    console.warn(`Roomcall: ignoring a chat message of ${text.length} characters`);
    return;
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    console.warn('Roomcall: ignoring a chat message that is not JSON');
    return;
  }
  if (isObject(json) && json.type === 'chat' && typeof json.text === 'string') {
    const bounded = boundChat(json.text);
    if (bounded.text !== '') {
      addLine({ from: 'peer', name: link.name, text: bounded.text, shortened: bounded.shortened || json.shortened === true });
    }
  } else if (isObject(json) && json.type === 'media' && typeof json.microphone === 'boolean' && typeof json.camera === 'boolean') {
    chat.remoteMicrophone = json.microphone;
    chat.remoteCamera = json.camera;
  } else {
    console.warn('Roomcall: ignoring a chat message of an unknown kind');
  }
}

/** Sends a line; false (and a note in the chat saying why) if it could not go. */
export function sendChat(raw) {
  const bounded = boundChat(raw);
  if (bounded.text === '') return false;
  if (!chatAvailable()) {
    const connected = links().some((link) => link.pc.connectionState === 'connected');
    chatNote(t(connected ? 'chat.noChat' : 'chat.nobody'));
    return false;
  }
  const message = { type: 'chat', text: bounded.text };
  if (bounded.shortened) message.shortened = true;
  // Chat goes to everyone in the room: through the media server at once, else over each one's own connection.
  const sent = call.sfu ? Number(call.sfu.sendPeer(message)) : links().filter((link) => link.sendPeer(message)).length;
  if (sent === 0) {
    chatNote(t('chat.notSent'));
    return false;
  }
  addLine({ from: 'me', text: bounded.text, shortened: bounded.shortened });
  if (bounded.shortened) chatNote(t('chat.shortened', { max: CHAT_MAX_CHARS }));
  return true;
}

/** Tells the other side whether this page's microphone and camera are on, so it can show "muted" for sure. */
export function sendMediaState() {
  const stream = call.localStream;
  const on = (tracks) => tracks.some((track) => track.enabled && track.readyState === 'live');
  const state = {
    type: 'media',
    microphone: stream ? on(stream.getAudioTracks()) : false,
    camera: stream ? on(stream.getVideoTracks()) : false,
  };
  links().forEach((link) => link.sendPeer(state));
}

// The call's state in one word, and the status line, notes and badges that say it.

import { ui, setNote } from './dom.js';
import { call, chat, links } from './state.js';
import { renderTiles } from './grid.js';
import { renderVerification } from './verification.js';
import { t } from './texts.js';

const FLASH_MS = 8000;

/** A short-lived line under the status (server errors, a link to copy by hand). */
const flash = { text: null, timer: 0 };

export function flashNote(text) {
  flash.text = text;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => {
    flash.text = null;
    render();
  }, FLASH_MS);
  render();
}

export function currentState() {
  if (call.invalidRoom) return 'invalid-room';
  if (call.roomFull) return 'room-full';
  const all = links();
  if (all.some((link) => link.pc.connectionState === 'connected')) return 'connected';
  if (call.socketStatus !== 'open') return call.everOpened || call.failures > 0 ? 'signaling-lost' : 'joining';
  if (!call.ready) return 'joining';
  if (call.peerPresent || all.some((link) => link.pc.remoteDescription)) return 'connecting';
  if (call.peerLeft) return 'peer-left';
  return 'waiting';
}

export function render() {
  const state = currentState();
  ui.stage.dataset.state = state;
  const text = t(state === 'joining' && call.mediaPending ? 'status.mediaPending' : `status.${state}`);
  if (ui.status.textContent !== text) ui.status.textContent = text;
  ui.hint.hidden = !(state === 'waiting' || state === 'peer-left');
  ui.newRoom.hidden = !(state === 'room-full' || state === 'invalid-room');

  const lostWhileInCall = state === 'connected' && call.socketStatus !== 'open' && !call.leaving;
  setNote(ui.signalNote, lostWhileInCall ? t('note.lostInCall') : flash.text);
  renderRemoteMedia();
  renderVerification();
  renderTiles();
}

/** "Muted" and "camera off" for the one other person of a 1:1 call, as its page or app said. */
export function renderRemoteMedia() {
  const inCall = currentState() === 'connected' && call.links.size <= 1;
  ui.remoteMuted.hidden = !(inCall && chat.remoteMicrophone === false);
  ui.remoteCameraOff.hidden = !(inCall && chat.remoteCamera === false);
}

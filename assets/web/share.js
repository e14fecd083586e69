// Sharing this page's screen (getDisplayMedia) with everyone in the call: to each person the screen goes as a
// second video track after the camera (docs/protocol.md §12), and stops cleanly however it ends: the button, the
// browser's own "Stop sharing" (the track ends), or the call ending.

import { ui } from './dom.js';
import { call, links } from './state.js';
import { flashNote, render } from './view.js';
import { setOwnSharing } from './screen-view.js';
import { t } from './texts.js';

// Text stays sharp: the screen's own size up to 1920x1080, and under pressure the browser drops frames before
// resolution (content hint 'detail'); 15 fps is plenty for documents and slides.
const SCREEN_CONSTRAINTS = {
  video: { width: { max: 1920 }, height: { max: 1080 }, frameRate: { ideal: 15, max: 15 } },
  audio: false,
};

const screen = { track: null, stream: null, starting: false };

/** The screen this page shares ({track, stream}), for a connection made while it does, or null. */
export function currentScreen() {
  return screen.track ? { track: screen.track, stream: screen.stream } : null;
}

export function sharing() {
  return screen.track !== null;
}

export function canShare() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia);
}

/** Asks the browser for a screen or window and sends it to everyone; a refusal is a note, never an error. */
export async function startSharing() {
  if (screen.track || screen.starting || call.roomFull || call.leaving) return;
  if (!canShare()) {
    flashNote(t('share.unsupported'));
    return;
  }
  screen.starting = true;
  renderShareButton();
  let stream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia(SCREEN_CONSTRAINTS);
  } catch (err) {
    console.info(`Roomcall: getDisplayMedia failed: ${err.name}: ${err.message}`);
    flashNote(err.name === 'NotAllowedError' ? t('share.denied') : t('share.failed', { reason: err.message || err.name }));
    return;
  } finally {
    screen.starting = false;
    renderShareButton();
  }
  const track = stream.getVideoTracks()[0];
  if (!track || call.roomFull || call.leaving) {
    stream.getTracks().forEach((each) => each.stop());
    return;
  }
  if ('contentHint' in track) track.contentHint = 'detail';
  // The browser's own "Stop sharing" (or the shared window closing) ends the track: stop as the button would.
  track.addEventListener('ended', () => { if (screen.track === track) stopSharing('ended by the browser'); });
  screen.track = track;
  screen.stream = stream;
  // Through the media server the screen is a feed of its own; in the mesh a track to each person.
  if (call.sfu) call.sfu.shareScreen(track, stream);
  else links().forEach((link) => link.startScreen(track, stream));
  ui.localScreen.srcObject = stream;
  ui.localScreen.hidden = false;
  const { width, height } = track.getSettings();
  console.info(`Roomcall: sharing the screen (${track.label.slice(0, 60)}, ${width}x${height})`);
  renderShareButton();
  setOwnSharing(true);
  render();
}

/** Stops sending the screen to everyone and lets it go; the connections keep its sections for a later share. */
export function stopSharing(reason) {
  const track = screen.track;
  if (!track) return;
  screen.track = null;
  screen.stream = null;
  track.stop();
  if (call.sfu) call.sfu.stopScreen();
  else links().forEach((link) => link.stopScreen());
  ui.localScreen.srcObject = null;
  ui.localScreen.hidden = true;
  console.info(`Roomcall: screen sharing stopped (${reason})`);
  renderShareButton();
  setOwnSharing(false);
  render();
}

export function renderShareButton() {
  const button = ui.toggleShare;
  button.hidden = !canShare() || call.roomFull || call.invalidRoom;
  button.disabled = screen.starting;
  button.setAttribute('aria-pressed', String(sharing()));
  const label = t(sharing() ? 'share.stop' : 'share.start');
  if (button.textContent !== label) button.textContent = label;
}

export function wireShare() {
  ui.toggleShare.addEventListener('click', () => {
    if (sharing()) stopSharing('stopped by the button');
    else startSharing();
  });
  renderShareButton();
}

// The page's elements, found once.

const $ = (id) => document.getElementById(id);

export const ui = {
  stage: $('stage'),
  remoteVideo: $('remote-video'),
  localVideo: $('local-video'),
  localScreen: $('local-screen'),
  status: $('status'),
  hint: $('hint'),
  mediaNote: $('media-note'),
  signalNote: $('signal-note'),
  presenter: $('presenter'),
  roomBox: $('room-box'),
  roomCode: $('room-code'),
  copyLink: $('copy-link'),
  newRoom: $('new-room'),
  toggleMic: $('toggle-mic'),
  toggleCam: $('toggle-cam'),
  toggleShare: $('toggle-share'),
  cameraBox: $('camera-box'),
  cameraSelect: $('camera-select'),
  unmuteRemote: $('unmute-remote'),
  toggleChat: $('toggle-chat'),
  toggleChatLabel: $('toggle-chat-label'),
  chatBadge: $('chat-badge'),
  chat: $('chat'),
  chatClose: $('chat-close'),
  chatLines: $('chat-lines'),
  chatForm: $('chat-form'),
  chatInput: $('chat-input'),
  chatCounter: $('chat-counter'),
  remoteMuted: $('remote-muted'),
  remoteCameraOff: $('remote-camera-off'),
  verifyBox: $('verify-box'),
  verifyCode: $('verify-code'),
  verifyNote: $('verify-note'),
  verifyLocal: $('verify-local'),
  verifyRemote: $('verify-remote'),
  grid: $('grid'),
  remoteName: $('remote-name'),
};

/** A line of text that is hidden while empty. */
export function setNote(element, text) {
  element.hidden = !text;
  element.textContent = text || '';
}

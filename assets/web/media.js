// This page's camera and microphone: asking for them, showing the self-view, and the mute and camera buttons.

import { ui } from './dom.js';
import { sendMediaState } from './chat.js';
import { t } from './texts.js';

/**
 * Asks for camera and microphone, then for either alone. Whatever is missing or refused, the call still
 * goes ahead receive-only for that kind; the note says in words what the other person will (not) get.
 */
export async function acquireMedia() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return { stream: null, note: t(window.isSecureContext ? 'media.noApiSecure' : 'media.noApiInsecure') };
  }
  let denied = false;
  for (const constraints of [{ audio: true, video: true }, { video: true }, { audio: true }]) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      return { stream, note: partialMediaNote(stream, denied) };
    } catch (err) {
      console.info(`Roomcall: getUserMedia(${JSON.stringify(constraints)}) failed: ${err.name}: ${err.message}`);
      if (err.name === 'NotAllowedError' || err.name === 'SecurityError') denied = true;
    }
  }
  return { stream: null, note: t(denied ? 'media.denied' : 'media.none') };
}

function partialMediaNote(stream, denied) {
  const hasVideo = stream.getVideoTracks().length > 0;
  const hasAudio = stream.getAudioTracks().length > 0;
  if (hasVideo && !hasAudio) return t(denied ? 'media.micBlocked' : 'media.micMissing');
  if (hasAudio && !hasVideo) return t(denied ? 'media.cameraBlocked' : 'media.cameraMissing');
  return null;
}

export function showLocalMedia(stream) {
  ui.localVideo.srcObject = stream;
  const hasVideo = !!stream && stream.getVideoTracks().length > 0;
  ui.localVideo.hidden = !hasVideo;
  // The tracks are looked up at each click: switching cameras replaces the video track in the stream.
  setupToggle(ui.toggleMic, () => (stream ? stream.getAudioTracks() : []), 'button.mute', 'button.unmute');
  setupToggle(ui.toggleCam, () => (stream ? stream.getVideoTracks() : []), 'button.cameraOff', 'button.cameraOn');
  ui.toggleCam.addEventListener('click', () => ui.localVideo.classList.toggle('paused', ui.toggleCam.getAttribute('aria-pressed') === 'true'));
}

function setupToggle(button, tracksNow, onLabel, offLabel) {
  const none = tracksNow().length === 0;
  button.disabled = none;
  button.hidden = none;
  button.addEventListener('click', () => {
    const turnOff = button.getAttribute('aria-pressed') !== 'true';
    tracksNow().forEach((track) => { track.enabled = !turnOff; });
    button.setAttribute('aria-pressed', String(turnOff));
    button.textContent = t(turnOff ? offLabel : onLabel);
    sendMediaState();
  });
}

/** Nobody will see this camera: let it go (its light goes off) rather than hold it for nothing. */
export function releaseMedia(stream) {
  if (stream) stream.getTracks().forEach((track) => track.stop());
  ui.localVideo.srcObject = null;
  ui.localVideo.hidden = true;
  ui.toggleMic.hidden = true;
  ui.toggleCam.hidden = true;
  ui.cameraBox.hidden = true;
}

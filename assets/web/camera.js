// Choosing among this computer's cameras: a select shown while there is more than one (it follows devices coming
// and going). A choice puts the new camera on every connection's camera sender with replaceTrack, so nothing is
// renegotiated; while a screen stands in for the camera, the new camera is what comes back after the share.

import { ui } from './dom.js';
import { call, links } from './state.js';
import { flashNote } from './view.js';
import { t } from './texts.js';

const LABEL_LENGTH = 60;

const cameras = { devices: [], switching: null, wired: false };

/** The camera this page sends: {label, deviceId, width, height}, or null without one. */
export function currentCamera() {
  const track = cameraTrack();
  if (!track) return null;
  const { deviceId, width, height } = track.getSettings();
  return { label: track.label, deviceId: deviceId || '', width: width || 0, height: height || 0 };
}

/** The cameras the browser lists: [{deviceId, label}] in its order. */
export function cameraList() {
  return cameras.devices.map(({ deviceId, label }) => ({ deviceId, label }));
}

function cameraTrack() {
  const stream = call.localStream;
  const track = stream ? stream.getVideoTracks()[0] : null;
  return track && track.readyState === 'live' ? track : null;
}

/** Lists the cameras again (after permission, labels are known) and shows the chooser if there is a choice. */
export async function refreshCameras() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return;
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    cameras.devices = devices.filter((device) => device.kind === 'videoinput' && device.deviceId);
  } catch (err) {
    console.info(`Roomcall: cannot list the cameras: ${err.name}: ${err.message}`);
    cameras.devices = [];
  }
  renderCameraChooser();
}

export function renderCameraChooser() {
  const current = currentCamera();
  const show = current !== null && cameras.devices.length > 1 && !call.roomFull && !call.leaving;
  ui.cameraBox.hidden = !show;
  if (!show) return;
  const select = ui.cameraSelect;
  const options = cameras.devices.map((device, index) => {
    const option = document.createElement('option');
    option.value = device.deviceId;
    option.textContent = device.label ? device.label.slice(0, LABEL_LENGTH) : t('camera.numbered', { n: index + 1 });
    return option;
  });
  select.replaceChildren(...options);
  select.value = current.deviceId;
  select.disabled = cameras.switching !== null;
}

/**
 * Switches to a camera, named by its deviceId or its index in the list; size ({width, height}, optional) asks for
 * exactly that picture size. Resolves to the new currentCamera() once every connection sends it; switches asked
 * for while one is under way follow it in order.
 */
export function switchCamera(which, size = {}) {
  const previous = cameras.switching || Promise.resolve();
  const next = previous.catch(() => {}).then(() => replaceCameraWith(which, size));
  cameras.switching = next;
  renderCameraChooser();
  return next.finally(() => {
    if (cameras.switching === next) cameras.switching = null;
    renderCameraChooser();
  });
}

async function replaceCameraWith(which, size) {
  const old = cameraTrack();
  if (!old) throw new Error('this page sends no camera to switch');
  const device = typeof which === 'number' ? cameras.devices[which] : cameras.devices.find((d) => d.deviceId === which);
  if (!device) throw new Error(`no camera ${String(which).slice(0, LABEL_LENGTH)} among ${cameras.devices.length}`);
  const video = { deviceId: { exact: device.deviceId }, ...sizeConstraints(size) };
  const stream = await navigator.mediaDevices.getUserMedia({ video });
  const track = stream.getVideoTracks()[0];
  if (call.roomFull || call.leaving || cameraTrack() !== old) {
    stream.getTracks().forEach((each) => each.stop());
    throw new Error('the call changed while the camera was being switched');
  }
  track.enabled = old.enabled; // "camera off" stays off
  call.localStream.removeTrack(old);
  call.localStream.addTrack(track);
  await Promise.all([
    ...links().map((link) => link.switchCamera(old, track)),
    call.sfu ? call.sfu.switchCamera(old, track) : null,
  ]);
  old.stop();
  ui.localVideo.srcObject = call.localStream;
  const { width, height } = track.getSettings();
  console.info(`Roomcall: camera switched to ${track.label.slice(0, LABEL_LENGTH)} (${width}x${height})`);
  return currentCamera();
}

function sizeConstraints({ width, height }) {
  const exact = {};
  if (width !== undefined) exact.width = { exact: positive(width, 'width') };
  if (height !== undefined) exact.height = { exact: positive(height, 'height') };
  return exact;
}

function positive(value, name) {
  if (!Number.isInteger(value) || value <= 0 || value > 8192) throw new Error(`${name} must be a whole number of pixels`);
  return value;
}

export function wireCameraChooser() {
  if (cameras.wired) return;
  cameras.wired = true;
  ui.cameraSelect.addEventListener('change', () => {
    switchCamera(ui.cameraSelect.value).catch((err) => {
      console.warn(`Roomcall: camera switch failed: ${err.name}: ${err.message}`);
      flashNote(t('camera.failed', { reason: err.message || err.name }));
    });
  });
  if (navigator.mediaDevices && navigator.mediaDevices.addEventListener) {
    navigator.mediaDevices.addEventListener('devicechange', refreshCameras);
  }
}

// The stage: one other person fills it as in a 1:1 call; two or three share it in a grid (2-up, 2x2), each tile
// named and lit while its person speaks; someone's shared screen fills it with everyone's camera small beside it.

import { ui } from './dom.js';
import { links, firstLink } from './state.js';
import { layoutOf } from './layout.js';
import { updatePresenters, showPresenter } from './screen-view.js';
import { t } from './texts.js';

// Each extra person is one more encoding of this page's camera: scale them down so a group fits a laptop.
const GROUP_SCALE_DOWN = 2;
const GROUP_MAX_BITRATE = 350000;

function showRemote(stream) {
  const video = ui.remoteVideo;
  if (video.srcObject === stream) return;
  video.srcObject = stream;
  video.play().catch((err) => {
    if (err.name !== 'NotAllowedError') return; // AbortError: replaced by a newer stream
    // Autoplay with sound needs a gesture when this page captures nothing; play muted and offer sound.
    video.muted = true;
    video.play().catch(() => {});
    ui.unmuteRemote.hidden = false;
  });
}

export function clearRemote() {
  ui.remoteVideo.srcObject = null;
  ui.stage.classList.remove('has-remote');
}

/** Plays a tile's video; without a gesture, sound may need one (as for the large video). */
function playTile(video) {
  video.play().catch((err) => {
    if (err.name !== 'NotAllowedError') return;
    video.muted = true;
    video.play().catch(() => {});
    ui.unmuteRemote.hidden = false;
  });
}

/** A tile for one other person: their video and their name, only ever as text. */
export function makeTile(link) {
  const tile = document.createElement('figure');
  tile.className = 'tile';
  tile.hidden = true;
  const video = document.createElement('video');
  video.autoplay = true;
  video.playsInline = true;
  const label = document.createElement('figcaption');
  label.className = 'tile-name';
  tile.append(video, label);
  ui.grid.append(tile);
  link.tile = tile;
  link.tileVideo = video;
  link.tileName = label;
}

export function renderTiles() {
  const all = links().filter((link) => !link.orphaned);
  updatePresenters(all);
  const layout = layoutOf(all.map((link) => ({ id: link.peerId, presentingSince: link.presentingSince })));
  const group = all.length >= 2;
  const presenter = layout.mode === 'presenting' ? all.find((link) => link.peerId === layout.presenter) : null;
  ui.stage.classList.toggle('group', layout.mode === 'grid');
  ui.stage.classList.toggle('presenting', !!presenter);
  showPresenter(presenter, all.length);
  ui.grid.hidden = layout.tiles.length === 0;
  ui.grid.dataset.count = String(all.length);
  for (const link of links()) {
    const shown = all.includes(link) && layout.tiles.includes(link.peerId);
    link.tile.hidden = !shown;
    link.tile.classList.toggle('presenter', link === presenter);
    const stream = shown ? link.stream : null;
    if (link.tileVideo.srcObject !== stream) {
      link.tileVideo.srcObject = stream;
      if (stream) playTile(link.tileVideo);
    }
    link.tile.classList.toggle('speaking', shown && link.speaking);
    const name = link.name || t('person.guest');
    if (link.tileName.textContent !== name) link.tileName.textContent = name;
    fitEncodings(link, group);
  }
  const only = layout.mode === 'grid' || presenter ? null : (all[0] || firstLink());
  const large = presenter ? presenter.screenStream : (only && only.stream);
  if (large) showRemote(large);
  else if (!only && !presenter && ui.remoteVideo.srcObject) clearRemote();
  if (layout.mode === 'grid' && ui.remoteVideo.srcObject) clearRemote();
  ui.remoteVideo.setAttribute('aria-label', t(presenter ? 'label.screen' : 'label.remoteVideo'));
  const onlyName = only && only.name ? only.name : '';
  ui.remoteName.hidden = !onlyName;
  if (ui.remoteName.textContent !== onlyName) ui.remoteName.textContent = onlyName;
  ui.stage.classList.toggle('speaking', !!only && only.speaking);
}

/** Each extra person is one more encoding of this camera: in a group each is sent smaller. The screen is not. */
function fitEncodings(link, group) {
  if (link.scaledForGroup === group || link.closed) return;
  for (const sender of link.pc.getSenders()) {
    if (!sender.track || sender.track.kind !== 'video') continue;
    if (link.screenTransceiver && link.screenTransceiver.sender === sender) continue;
    const params = sender.getParameters();
    if (!params.encodings || params.encodings.length === 0) return; // not negotiated yet: next render
    for (const encoding of params.encodings) {
      encoding.scaleResolutionDownBy = group ? GROUP_SCALE_DOWN : 1;
      if (group) encoding.maxBitrate = GROUP_MAX_BITRATE;
      else delete encoding.maxBitrate;
    }
    sender.setParameters(params).catch((err) => console.info(`Roomcall: could not scale the video: ${err.message}`));
  }
  link.scaledForGroup = group;
}


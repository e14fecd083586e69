// The verification code (docs/protocol.md, "Verification code"): six digits both people read to each other; the
// desktop app derives the same digits from the same two DTLS fingerprints.

import { ui, setNote } from './dom.js';
import { firstLink } from './state.js';
import { t } from './texts.js';

const VERIFY_LABEL = 'roomcall-sas-1';
const FINGERPRINT_LINES = /^a=fingerprint:[ \t]*(\S+)[ \t]+(\S+)[ \t]*\r?$/gm;
const FINGERPRINT_ALGORITHM = /^[a-z0-9-]{1,32}$/;
const FINGERPRINT_HEX = /^[0-9A-F]{2}(:[0-9A-F]{2}){1,63}$/;

/** The first well-formed a=fingerprint line, normalized ("sha-256 AB:CD:…"), or null. */
export function fingerprintOf(sdp) {
  for (const match of String(sdp || '').matchAll(FINGERPRINT_LINES)) {
    const algorithm = match[1].toLowerCase();
    const hex = match[2].toUpperCase();
    if (FINGERPRINT_ALGORITHM.test(algorithm) && FINGERPRINT_HEX.test(hex)) return `${algorithm} ${hex}`;
  }
  return null;
}

/** Six digits: SHA-256 over both fingerprints in sorted order, first four bytes modulo a million. */
export async function verificationCode(oneFingerprint, otherFingerprint) {
  if (!window.crypto || !crypto.subtle) throw new Error('this page is not a secure origin (use https)');
  const [first, second] = [oneFingerprint, otherFingerprint].sort();
  const input = new TextEncoder().encode(`${VERIFY_LABEL}\n${first}\n${second}`);
  const digest = new DataView(await crypto.subtle.digest('SHA-256', input));
  return String(digest.getUint32(0) % 1000000).padStart(6, '0');
}

/** The code of the first person's pair, in the bar at the top. */
export function renderVerification() {
  const first = firstLink();
  const verification = first && !first.closed ? first.verification : null;
  ui.verifyBox.hidden = !verification;
  if (!verification) {
    ui.verifyBox.open = false;
    return;
  }
  const code = verification.code ? `${verification.code.slice(0, 3)} ${verification.code.slice(3)}` : '—';
  if (ui.verifyCode.textContent !== code) ui.verifyCode.textContent = code;
  setNote(ui.verifyNote, verification.code ? null : t('verify.noHttps'));
  ui.verifyLocal.textContent = verification.local;
  ui.verifyRemote.textContent = verification.remote;
}

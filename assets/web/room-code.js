// Room codes: a new random one for a link without a room, and the canonical form of the one a link names.

const ROOM_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
const ROOM_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** 13 symbols × 5 bits = 65 random bits; 256 is a multiple of 32, so masking a byte keeps it uniform. */
export function newRoomCode() {
  const bytes = new Uint8Array(13);
  crypto.getRandomValues(bytes);
  const code = Array.from(bytes, (b) => ROOM_ALPHABET[b & 31]).join('');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * The room this link names, in the canonical form the desktop app uses too (so both end up in the same
 * room however the code was typed): a 13-character code in any case or grouping becomes "xxxx-xxxx-xxxxx",
 * any other valid name is lower-cased. '' for no room, null for something that is not a room name.
 */
export function roomFromHash(hash) {
  let raw;
  try {
    raw = decodeURIComponent(hash.slice(1)).trim();
  } catch (err) {
    return null; // a malformed %-escape
  }
  if (raw.startsWith('/')) raw = raw.slice(1);
  if (raw.includes('=')) raw = (new URLSearchParams(raw).get('room') || '').trim();
  if (raw === '') return '';
  const compact = raw.replace(/[\s-]+/g, '').toLowerCase();
  if (compact.length === 13 && [...compact].every((c) => ROOM_ALPHABET.includes(c))) {
    return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  }
  return ROOM_PATTERN.test(raw) ? raw.toLowerCase() : null;
}

// The one rule for text from the other side, the same the desktop app applies (dev.roomcall.signaling.DisplayText;
// both are tested against one corpus): at most kind.max UTF-16 units, never cutting a character in two, anything
// longer cut and marked so the reader can be told; C0/C1 controls dropped (a chat keeps line breaks and tabs, a
// one-line kind turns whitespace into single spaces); bidi embeddings, overrides and isolates and invisible
// characters that only disguise dropped, while ZWJ/ZWNJ (emoji sequences, Persian) stay; a lone surrogate shown
// as U+FFFD; more than DISPLAY_MAX_MARKS combining marks on one character dropped; trimmed. Shown only through
// textContent, never as markup.

export const CHAT_MAX_CHARS = 1000;

const DISPLAY_KINDS = Object.freeze({
  CHAT: { max: CHAT_MAX_CHARS, multiline: true },
  NAME: { max: 64, multiline: false },
  ROOM_CODE: { max: 64, multiline: false },
});
const DISPLAY_MAX_MARKS = 4;
const MARK = /^[\p{Mn}\p{Me}]$/u;
const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;
const EDGE_SPACE = /^[\t\n\p{Zs}\p{Zl}\p{Zp}]+|[\t\n\p{Zs}\p{Zl}\p{Zp}]+$/gu;

function hiddenChar(c) {
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
    || c === 0x200b || c === 0x2060 || c === 0xfeff || (c >= 0x2061 && c <= 0x2064)
    || (c >= 0x206a && c <= 0x206f) || (c >= 0xfff9 && c <= 0xfffb);
}

/** {text, shortened}: raw made fit to show as kindName ('CHAT', 'NAME', 'ROOM_CODE'). */
export function displayText(raw, kindName) {
  const kind = DISPLAY_KINDS[kindName];
  if (!kind) throw new Error(`no such kind of text: ${kindName}`);
  let kept = '';
  let shortened = false;
  let marks = 0;
  for (let ch of String(raw === null || raw === undefined ? '' : raw)) {
    let code = ch.codePointAt(0);
    if (code >= 0xd800 && code <= 0xdfff) { ch = '\ufffd'; code = 0xfffd; } // a lone surrogate
    if (MARK.test(ch)) {
      marks += 1;
      if (marks > DISPLAY_MAX_MARKS) continue;
    } else {
      marks = 0;
    }
    if (ch === '\n' || ch === '\t' || code === 0x2028 || code === 0x2029) {
      ch = kind.multiline ? (ch === '\t' ? '\t' : '\n') : ' ';
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || hiddenChar(code)) {
      continue;
    } else if (!kind.multiline && SPACE.test(ch)) {
      ch = ' ';
    }
    if (ch === ' ' && !kind.multiline && (kept === '' || kept.endsWith(' '))) continue;
    if (kept.length + ch.length > kind.max) {
      shortened = true;
      break;
    }
    kept += ch;
  }
  return { text: kept.replace(EDGE_SPACE, ''), shortened };
}

/** A person's name fit to show, or '' for none. */
export function nameText(raw) {
  return displayText(raw, 'NAME').text;
}

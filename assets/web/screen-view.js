// Screens other people share: who is presenting (the order they started in decides whose screen fills the stage),
// said once in words in a live region when it starts and when it stops, with names only ever as text.

import { ui } from './dom.js';
import { nameText } from './display-text.js';
import { t } from './texts.js';

const STOPPED_NOTE_MS = 5000;

let starts = 0; // counts share starts, so the most recent presenter is the one with the highest number
const line = { timer: 0, sharing: false };

/** Notes who started or stopped presenting since the last look (presentingSince), and says who stopped. */
export function updatePresenters(people) {
  for (const link of people) {
    const presenting = link.presenting;
    const was = link.presentingSince !== null && link.presentingSince !== undefined;
    if (presenting && !was) {
      starts += 1;
      link.presentingSince = starts;
      console.info(`Roomcall: ${link.peerId || 'the other person'} started presenting`);
    } else if (!presenting && was) {
      link.presentingSince = null;
      console.info(`Roomcall: ${link.peerId || 'the other person'} stopped presenting`);
      sayLater(stoppedText(link, people.length));
    }
  }
}

/** Says who fills the stage (a link, or null for nobody) among count people; else whether this page shares. */
export function showPresenter(presenter, count) {
  if (presenter) say(presentingText(presenter, count));
  else if (line.timer === 0) say(line.sharing ? t('share.youAre') : null);
}

/** Whether this page itself shares its screen, said when nobody else presents. */
export function setOwnSharing(sharing) {
  line.sharing = sharing;
  if (!sharing) sayLater(t('share.ended'));
  else if (line.timer === 0) say(t('share.youAre'));
}

function presentingText(link, count) {
  const name = nameText(link.name);
  if (name) return t('share.presenting', { name });
  return count > 1 ? t('share.presenting', { name: t('person.someone') }) : t('share.otherPresenting');
}

function stoppedText(link, count) {
  const name = nameText(link.name);
  if (name) return t('share.stopped', { name });
  return count > 1 ? t('share.stopped', { name: t('person.someone') }) : t('share.otherStopped');
}

function say(text) {
  if (text !== null) {
    clearTimeout(line.timer);
    line.timer = 0;
  }
  if (ui.presenter.textContent !== (text || '')) ui.presenter.textContent = text || '';
}

/** A short-lived line (someone stopped), which a new presenter replaces at once. */
function sayLater(text) {
  say(text);
  line.timer = setTimeout(() => {
    line.timer = 0;
    say(line.sharing ? t('share.youAre') : null);
  }, STOPPED_NOTE_MS);
}

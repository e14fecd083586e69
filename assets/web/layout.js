// What the stage shows, as a pure decision from who is there and who shares a screen (tested in the page ITs and
// directly through window.roomcall.layoutOf).

/**
 * @param people [{id, presentingSince}] in the order they came; presentingSince is when their shared screen
 *               started showing (any increasing number), or null while they share none
 * @returns {mode, presenter, tiles}: mode 'empty' (nobody), 'single' (one person fills the stage), 'grid' (two or
 *          more share it) or 'presenting' (the most recent presenter's screen fills the stage and everyone's
 *          camera, the presenter's too, is a small tile beside it); tiles are the ids shown as tiles, in order
 */
export function layoutOf(people) {
  let presenter = null;
  for (const person of people) {
    if (person.presentingSince === null || person.presentingSince === undefined) continue;
    if (presenter === null || person.presentingSince > presenter.presentingSince) presenter = person;
  }
  const ids = people.map((person) => person.id);
  if (presenter !== null) return { mode: 'presenting', presenter: presenter.id, tiles: ids };
  if (people.length === 0) return { mode: 'empty', presenter: null, tiles: [] };
  if (people.length === 1) return { mode: 'single', presenter: null, tiles: [] };
  return { mode: 'grid', presenter: null, tiles: ids };
}

// Pointing at a place in the explorer: move to its view, find the element carrying its `data-tour`
// anchor, scroll it into view and outline it. Used by the tour and by "see in the app" links.
import { useSyncExternalStore } from 'react';
import { go } from '../state';

const MARK = 'data-tour-highlight';
let current: { anchor: string; timer: number; until: number } | null = null;

const find = (anchor: string) => document.querySelector<HTMLElement>(`[data-tour="${CSS.escape(anchor)}"]`);

function clearMarks() {
  for (const el of document.querySelectorAll(`[${MARK}]`)) el.removeAttribute(MARK);
}

/** Stops outlining. */
export function unspotlight() {
  if (current) clearInterval(current.timer);
  current = null;
  clearMarks();
}

/**
 * Outlines the element with this anchor once it is on screen (views load their data first), and
 * keeps the outline on it while views re-render. Resolves true when found, false after `waitMs`.
 */
export function spotlight(anchor: string, { waitMs = 4000, holdMs = Infinity }: { waitMs?: number; holdMs?: number } = {}): Promise<boolean> {
  unspotlight();
  const started = Date.now();
  return new Promise((resolve) => {
    let found = false;
    const state = { anchor, until: Infinity, timer: 0 };
    const tick = () => {
      if (current !== state) return;
      const el = find(anchor);
      if (el && !el.hasAttribute(MARK)) {
        clearMarks();
        el.setAttribute(MARK, '');
        if (!found) {
          found = true;
          state.until = Date.now() + holdMs;
          // Tall elements (a long table) show their top; others sit in the middle of the screen.
          const tall = el.getBoundingClientRect().height > window.innerHeight * 0.5;
          el.scrollIntoView({ block: tall ? 'start' : 'center', inline: 'nearest', behavior: 'smooth' });
          resolve(true);
        }
      }
      if (!found && Date.now() - started > waitMs) {
        resolve(false);
        unspotlight();
      } else if (found && Date.now() > state.until) unspotlight();
    };
    state.timer = window.setInterval(tick, 100);
    current = state;
    tick();
  });
}

// A place asked for that the view it moved to did not show: said in that view, since the link that
// asked is gone with the view it was in.
let missingPlace: { view: string; anchor: string } | null = null;
const missingListeners = new Set<() => void>();
function setMissingPlace(place: typeof missingPlace) {
  missingPlace = place;
  for (const l of missingListeners) l();
}

/** The place the last "show" could not find, until another view is shown. */
export function useMissingPlace() {
  return useSyncExternalStore(
    (l) => {
      missingListeners.add(l);
      return () => missingListeners.delete(l);
    },
    () => missingPlace,
  );
}

/** Moves to a view and outlines an anchor there for a few seconds; says so in that view when it is not there. */
export async function showPlace(place: { view: string; anchor: string }, params: Record<string, string | undefined> = {}): Promise<boolean> {
  setMissingPlace(null);
  go(place.view, params);
  const found = await spotlight(place.anchor, { holdMs: 5000 });
  if (!found && location.hash.startsWith(`#/${place.view}`)) setMissingPlace(place);
  return found;
}

/** Forgets the missing place once the reader is elsewhere. */
export function clearMissingPlace() {
  if (missingPlace) setMissingPlace(null);
}

/** Anchor names for the rows and chips of the explorer's views. */
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const laneAnchor = (actor: string) => `swimlane-${kebab(actor)}-row`;
export const chainAnchor = (role: string) => {
  const base = role.split(':')[0]!;
  return `idchain-${base === 'resource' ? 'resources' : kebab(base)}`;
};

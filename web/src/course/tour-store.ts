// The guided tour's position, shared by the tour panel (on screen in every view) and the tour view.
import { useSyncExternalStore } from 'react';
import type { Mode } from '../state';
import type { Level } from './data';

export interface TourState {
  active: boolean;
  /** Beginner tours keep the beginner steps; architect tours play them all. */
  level: Level;
  /** The mode to return to after a step that asked for another one. */
  baseMode: Mode;
  index: number;
  playing: boolean;
  speed: number;
}

export const SPEEDS = [
  { value: 0.5, label: 'Slow' },
  { value: 1, label: 'Normal' },
  { value: 2, label: 'Fast' },
  { value: 4, label: 'Faster' },
  { value: 16, label: 'Skim' },
];

let state: TourState = { active: false, level: 'beginner', baseMode: 'beginner', index: 0, playing: false, speed: 1 };
const listeners = new Set<() => void>();

export function setTour(change: Partial<TourState> | ((s: TourState) => Partial<TourState>)) {
  state = { ...state, ...(typeof change === 'function' ? change(state) : change) };
  for (const l of listeners) l();
}

export const getTour = () => state;

export function useTour(): TourState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Starts the tour at a step, for the current mode's level. */
export function startTour(mode: Mode, index = 0, playing = false) {
  setTour({ active: true, level: mode === 'beginner' ? 'beginner' : 'architect', baseMode: mode, index, playing });
}

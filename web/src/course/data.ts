// The course as the server serves it (GET /spine/v1/course): types, one cached fetch, and the
// level filter of the learning modes. The explorer renders this content; it never writes any.
import { useEffect, useState } from 'react';
import { cached, getJson } from '../api';
import type { Mode } from '../state';

export type Level = 'beginner' | 'architect';
export interface Place { view: string; anchor: string }
export type LiveExample =
  | { kind: 'run-exchange'; scenario: string; input?: Record<string, string>; step: string; api?: string }
  | { kind: 'event'; scenario: string; input?: Record<string, string>; eventType: string }
  | { kind: 'lifecycle'; entity: string; field?: string }
  | { kind: 'endpoint'; path: string }
  | { kind: 'thread'; scenario: string; input?: Record<string, string>; role: string };
interface Names { apis: string[]; entities?: string[]; eventTypes?: string[]; states?: string[] }
export interface GlossaryTerm extends Names { id: string; term: string; expansion?: string; level: Level; definition: string; seeIn: Place[] }
export interface Concept extends Names { id: string; title: string; level: Level; summary: string; liveExample: LiveExample; seeIn: Place[] }
export interface ApiGuide { api: string; name: string; owner?: string; level: Level; purpose: string; callers: string[]; whenNotToUse: string; confusions: string[] }
export interface Correction extends Names { id: string; title: string; level: Level; commonlySaid: string; standardSays: string; source: string; seeIn: Place[]; liveExample?: LiveExample }
export interface TourStep { id: string; chapter: string; title: string; view: string; target: string; narration: string; level: Level; mode?: Mode; needsRun?: string; select?: string; apis?: string[] }
export interface Tour { chapters: { id: string; title: string; steps: number }[]; anchors: string[]; anchorsByView: Record<string, string[]>; steps: TourStep[] }
export interface Course { glossary: GlossaryTerm[]; concepts: Concept[]; apis: ApiGuide[]; corrections: Correction[]; tour: Tour; beginnerApis: string[] }

export const loadCourse = () => cached<Course>('/spine/v1/course');

/** The whole course, once per page. */
export function useCourse(): { course: Course | null; error: string } {
  const [state, setState] = useState<{ course: Course | null; error: string }>({ course: null, error: '' });
  useEffect(() => {
    let live = true;
    loadCourse().then((course) => live && setState({ course, error: '' }), (e: Error) => live && setState({ course: null, error: e.message }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Beginner mode keeps the beginner items; Architect and Payload show everything. */
export const levelFor = (mode: Mode): Level => (mode === 'beginner' ? 'beginner' : 'architect');
export const shows = (mode: Mode, item: { level: Level }) => mode !== 'beginner' || item.level === 'beginner';

/** A hash link inside the explorer. */
export const viewHref = (view: string) => `#/${view}`;
export const apiHref = (api: string) => `#/apis/${encodeURIComponent(api)}?sel=${encodeURIComponent(`api:${api}`)}`;

export { getJson };

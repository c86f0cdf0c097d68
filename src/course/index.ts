// Spine's course: the teaching content the explorer shows, assembled and checked when this module
// loads, so a name that does not exist in the stack fails at boot rather than on screen.

import { apiOwner } from '../orchestrator/actors.js';
import { findApi } from '../tmf/registry.js';
import { apiGuides } from './api-guides.js';
import { concepts } from './concepts.js';
import { corrections } from './corrections.js';
import { glossary } from './glossary.js';
import { beginnerApis, LiveExampleKinds, Levels, Modes, Views } from './model.js';
import { anchorsByView, tour, tourAnchors, tourChapters } from './tour.js';
import { validateCourse } from './validate-course.js';

export { resolveLiveExample, type GetJson, type LiveAnswer } from './live-examples.js';
export * from './model.js';
export { anchorIsIn } from './tour.js';
export { anchorsByView, apiGuides, concepts, corrections, glossary, tour, tourAnchors, tourChapters };

/** The kinds served at `/spine/v1/course/{kind}`. */
export const CourseKinds = {
  glossary: 'glossary',
  concepts: 'concepts',
  apis: 'apis',
  corrections: 'corrections',
  tour: 'tour',
} as const;

export type CourseKind = keyof typeof CourseKinds;

const problems = validateCourse({ glossary, concepts, apiGuides, corrections, tour });
if (problems.length) throw new Error(`broken course content:\n${problems.join('\n')}`);

/** The course as served: each kind, plus the vocabularies the explorer needs to render it. */
export const course = {
  glossary,
  concepts,
  // The guide plus what the registry and actors table say, so a client needs one request.
  apis: apiGuides.map((guide) => ({ ...guide, name: findApi(guide.api)!.name, owner: apiOwner[guide.api] })),
  corrections,
  tour: {
    chapters: Object.entries(tourChapters).map(([id, title]) => ({ id, title, steps: tour.filter((s) => s.chapter === id).length })),
    anchors: tourAnchors,
    anchorsByView,
    steps: tour,
  },
} as const satisfies Record<CourseKind, unknown>;

/** The vocabularies content refers to: levels, modes, views, live-example kinds and the beginner APIs. */
export const courseVocabulary = {
  levels: Object.keys(Levels),
  modes: Object.keys(Modes),
  views: Object.keys(Views),
  liveExampleKinds: Object.values(LiveExampleKinds),
  beginnerApis,
};

// The course half of the explorer: its views, the tour panel, and the nav entries for main.tsx.
import './course.css';
export { default as Glossary } from './Glossary';
export { default as Concepts } from './Concepts';
export { default as ApiReference } from './ApiReference';
export { default as Corrections } from './Corrections';
export { default as TourView } from './TourView';
export { TourPanel } from './TourPanel';
export { MissingPlaceNotice } from './parts';
export { chainAnchor, laneAnchor } from './spotlight';

export const COURSE_VIEWS = [
  { id: 'glossary', label: 'Glossary' },
  { id: 'concepts', label: 'Concepts' },
  { id: 'apis', label: 'API reference' },
  { id: 'corrections', label: 'Corrections' },
  { id: 'tour', label: 'Tour' },
];

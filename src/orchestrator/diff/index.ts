export * from './view.js';
export * from './diff.js';

import type { CSSProperties } from 'react';

// Lifecycle categories come with a bright colour (#rrggbb) from the server: white text on it reads
// badly, so a state shows as dark text on a light tint of its colour, edged in the colour itself.
export const PILL_TEXT = '#0f172a';
const TINT = 0.25;

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The colour mixed with white: `amount` of the colour, the rest white. */
export function tint(hex: string, amount = TINT): string {
  return `#${channels(hex).map((c) => Math.round(255 - (255 - c) * amount).toString(16).padStart(2, '0')).join('')}`;
}

const luminance = (hex: string) => {
  const [r, g, b] = channels(hex).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** How a state of this category's colour is drawn (a pill, a diagram node). */
export function stateStyle(colour: string | undefined): CSSProperties {
  return colour ? { background: tint(colour), borderColor: colour, color: PILL_TEXT } : { color: PILL_TEXT };
}

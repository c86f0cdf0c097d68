// Filter regexes (`name.regex=…`, `name*=…`) come from the client and run in the server against
// every stored document. JavaScript's regex engine backtracks, so a pattern that repeats something
// which can itself match in several ways (`(a+)+`, `(a|aa)*`, `(.*){2,}`) can take exponential time
// on a crafted value and freeze the event loop for everyone (ReDoS). Such patterns are refused up front.

/** Longest regex a filter may carry. */
export const MAX_REGEX_LENGTH = 200;

/** Why a filter regex is refused (a phrase to follow the parameter name), or undefined when it is usable. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) return `is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  if (repeatsAmbiguousGroup(pattern)) {
    return 'repeats a group that contains a quantifier or an alternation (nested quantifiers can hang the server)';
  }
  return undefined;
}

interface Quantifier {
  min: number;
  max: number;
  length: number;
}

interface OpenGroup {
  variable: boolean;
  alternation: boolean;
}

// Scans a pattern that compiles (so its syntax is sound) for a group repeated more than once
// whose content has a variable-count quantifier or an alternation, at any depth.
function repeatsAmbiguousGroup(pattern: string): boolean {
  const groups: OpenGroup[] = [{ variable: false, alternation: false }];
  let i = 0;
  while (i < pattern.length) {
    const top = groups[groups.length - 1]!;
    const char = pattern[i]!;
    const quantifier = quantifierAt(pattern, i);
    if (char === '\\') i += 2;
    else if (char === '[') i = endOfClass(pattern, i);
    else if (char === '(') {
      groups.push({ variable: false, alternation: false });
      i += /^\((?:\?(?:[:=!]|<[=!]|<[^>]*>))?/.exec(pattern.slice(i))![0].length;
    } else if (char === ')') {
      const group = groups.pop()!;
      const repeat = quantifierAt(pattern, i + 1);
      if (repeat && repeat.max > 1 && (group.variable || group.alternation)) return true;
      const parent = groups[groups.length - 1]!;
      parent.variable ||= group.variable || (repeat !== undefined && repeat.min !== repeat.max);
      parent.alternation ||= group.alternation;
      i += 1 + (repeat?.length ?? 0);
    } else if (char === '|') {
      top.alternation = true;
      i += 1;
    } else if (quantifier) {
      top.variable ||= quantifier.min !== quantifier.max;
      i += quantifier.length;
    } else i += 1;
  }
  return false;
}

function quantifierAt(pattern: string, i: number): Quantifier | undefined {
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  const bracesMax = braces?.[2] === undefined ? Number(braces?.[1]) : braces[3] ? Number(braces[3]) : Infinity;
  const found: Quantifier | undefined =
    pattern[i] === '*' ? { min: 0, max: Infinity, length: 1 }
    : pattern[i] === '+' ? { min: 1, max: Infinity, length: 1 }
    : pattern[i] === '?' ? { min: 0, max: 1, length: 1 }
    : braces ? { min: Number(braces[1]), max: bracesMax, length: braces[0].length }
    : undefined;
  if (found && pattern[i + found.length] === '?') found.length += 1; // lazy form, same repetition
  return found;
}

// Index just past the `]` closing the class that opens at `start` (in JS `[]` is an empty class).
function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

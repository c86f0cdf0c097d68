import { describe, expect, it } from 'vitest';
import { MAX_REGEX_LENGTH, regexProblem } from './safe-regex.js';

describe('regexProblem', () => {
  const usable = [
    '^Fibre',
    'a+b*c?',
    '^\\d{4}-\\d{2}$',
    '(ab)+',
    '(\\d{4})+',
    '(a+)?',
    '(a+){1}',
    '(?:foo|bar)',
    '^(?<year>\\d{4})',
    '[(a+)+]',
    '\\(a+\\)+',
    '(x[+*|])+',
    '(a{2}?)+',
    '[\\](a+)+]',
    'a{1,3}',
    'a'.repeat(MAX_REGEX_LENGTH),
  ];
  it.each(usable)('accepts %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });

  const refused: Array<[string, string]> = [
    ['(a+)+', 'repeats a group'],
    ['(a*)*', 'repeats a group'],
    ['(.*){2,}', 'repeats a group'],
    ['(?:a+)+', 'repeats a group'],
    ['((a+))+', 'repeats a group'],
    ['((a)+b)*', 'repeats a group'],
    ['(a+?)+', 'repeats a group'],
    ['(a{2,3})+', 'repeats a group'],
    ['(a+){2}', 'repeats a group'],
    ['(a|aa)+', 'repeats a group'],
    ['((a|b)c)*', 'repeats a group'],
    ['(a', 'not a valid regular expression'],
    ['a{2,1}', 'not a valid regular expression'],
    ['a'.repeat(MAX_REGEX_LENGTH + 1), 'longer than 200'],
  ];
  it.each(refused)('refuses %s because it %s', (pattern, reason) => {
    expect(regexProblem(pattern)).toContain(reason);
  });
});

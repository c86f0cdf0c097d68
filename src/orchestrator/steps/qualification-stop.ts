import type { Doc } from '../../store/port.js';
import { JourneyStopped } from '../flow.js';

/**
 * The stop of a journey whose qualification item is not qualified: what was asked about, the result,
 * and the first reason with its code and, when the answer gives one, what would work instead.
 */
export function qualificationStop(subject: string, result: unknown, reasons: unknown, fallbackCode: string): JourneyStopped {
  const reason = (reasons as Doc[] | undefined)?.[0];
  const suggestion = reason?.suggestedAction ? `. ${String(reason.suggestedAction)}` : '';
  const why = reason ? `: ${String(reason.label)} (${String(reason.code)})${suggestion}` : '';
  return new JourneyStopped(String(reason?.code ?? fallbackCode), `${subject}: ${VERDICTS[String(result)] ?? String(result)}${why}`);
}

// A qualification result as a sentence says it (TMF679/645 `alternate` is a no with a proposal).
const VERDICTS: Record<string, string> = { alternate: 'not qualified (alternate proposed)', unqualified: 'not qualified' };

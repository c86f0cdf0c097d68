import type { ReactNode } from 'react';
import { useApp } from '../state';
import { shows, useCourse, viewHref, type Correction } from './data';
import { ApiChips, LevelBadge } from './parts';

/** One correction: what is commonly said, what the standard says, and its source. */
export function CorrectionCard({ correction: c, anchor, children }: { correction: Correction; anchor?: string; children?: ReactNode }) {
  return (
    <article className="card correction" data-testid="correction" data-tour={anchor} id={`correction-${c.id}`}>
      <h3>{c.title} <LevelBadge level={c.level} /></h3>
      <div className="said"><span className="label">Commonly said</span><p>{c.commonlySaid}</p></div>
      <div className="standard"><span className="label">The standard says</span><p>{c.standardSays}</p></div>
      <p className="meta">Source: {c.source}</p>
      <ApiChips apis={c.apis} />
      {children}
    </article>
  );
}

/** The correction the course places at this anchor of a view (its `seeIn`), under a heading, with a way to the others. */
export function CorrectionAt({ view, anchor, heading }: { view: string; anchor: string; heading: string }) {
  const { mode } = useApp();
  const { course } = useCourse();
  const correction = course?.corrections.find((c) => shows(mode, c) && c.seeIn.some((p) => p.view === view && p.anchor === anchor));
  if (!correction) return null;
  return (
    <>
      <h2>{heading}</h2>
      <CorrectionCard correction={correction} anchor={anchor}>
        <p className="see-in"><a href={viewHref('corrections')}>All {course!.corrections.filter((c) => shows(mode, c)).length} corrections →</a></p>
      </CorrectionCard>
    </>
  );
}

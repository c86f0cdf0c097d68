import { useApp } from '../state';
import { shows, useCourse } from './data';
import { ApiChips, LevelBadge, LiveExampleBox, SeeIn } from './parts';

/** Where common understanding differs from the TMF standard, and where Spine shows the standard. */
export default function Corrections() {
  const { mode } = useApp();
  const { course, error } = useCourse();
  if (!course) return <p>{error || 'Loading the corrections…'}</p>;
  const cards = course.corrections.filter((c) => shows(mode, c));
  return (
    <section className="course">
      <h1>Corrections</h1>
      <p>Things often said about TM Forum APIs, checked against the standard, each with its source and the place where Spine shows it.</p>
      <div className="correction-list" data-tour="correction-list">
        {cards.map((c) => (
          <article key={c.id} className="card correction" data-testid="correction" id={`correction-${c.id}`}>
            <h3>{c.title} <LevelBadge level={c.level} /></h3>
            <div className="said"><span className="label">Commonly said</span><p>{c.commonlySaid}</p></div>
            <div className="standard"><span className="label">The standard says</span><p>{c.standardSays}</p></div>
            <p className="meta">Source: {c.source}</p>
            <ApiChips apis={c.apis} />
            <SeeIn places={c.seeIn} />
            {c.liveExample && mode !== 'beginner' && <LiveExampleBox example={c.liveExample} />}
          </article>
        ))}
      </div>
    </section>
  );
}

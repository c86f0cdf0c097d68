import { useApp } from '../state';
import { shows, useCourse } from './data';
import { ApiChips, LevelBadge, LiveExampleBox, SeeIn } from './parts';

/** Architectural ideas beyond the API list, each with its live example read from the stack. */
export default function Concepts() {
  const { mode } = useApp();
  const { course, error } = useCourse();
  if (!course) return <p>{error || 'Loading the concepts…'}</p>;
  const concepts = course.concepts.filter((c) => shows(mode, c));
  return (
    <section className="course">
      <h1>Concepts</h1>
      <p>What the API list does not tell you. Each concept comes with a live example: the real data this stack answers for it.</p>
      <div className="concept-list" data-tour="concept-list">
        {concepts.map((c, i) => (
          <article key={c.id} className="card concept" data-testid="concept" id={`concept-${c.id}`}>
            <h3>{c.title} <LevelBadge level={c.level} /></h3>
            <p>{c.summary}</p>
            <ApiChips apis={c.apis} />
            <SeeIn places={c.seeIn} />
            <LiveExampleBox example={c.liveExample} anchor={i === 0 ? 'concept-live-example' : undefined} />
          </article>
        ))}
      </div>
    </section>
  );
}

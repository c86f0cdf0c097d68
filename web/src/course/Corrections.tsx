import { useApp } from '../state';
import { shows, useCourse } from './data';
import { CorrectionCard } from './CorrectionCard';
import { LiveExampleBox, SeeIn } from './parts';

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
          <CorrectionCard key={c.id} correction={c}>
            <SeeIn places={c.seeIn} />
            {c.liveExample && mode !== 'beginner' && <LiveExampleBox example={c.liveExample} />}
          </CorrectionCard>
        ))}
      </div>
    </section>
  );
}

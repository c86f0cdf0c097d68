import { useApp } from '../state';
import { useCourse } from './data';
import { viewLabel } from './parts';
import { tourSteps } from './TourPanel';
import { startTour, useTour } from './tour-store';

/** `#/tour`: the chapters and steps of the guided tour, and where to start it. */
export default function TourView() {
  const { mode } = useApp();
  const tour = useTour();
  const { course, error } = useCourse();
  if (!course) return <p>{error || 'Loading the tour…'}</p>;
  const level = tour.active ? tour.level : mode === 'beginner' ? 'beginner' : 'architect';
  const steps = tourSteps(course.tour.steps, level);
  const chapters = course.tour.chapters.filter((c) => steps.some((s) => s.chapter === c.id));
  return (
    <section className="course">
      <h1>Guided tour</h1>
      <p>
        {steps.length} steps in {chapters.length} chapters, played on a real gpon-ftth run (started on the stack if there is none). Each step moves the app to a view
        and outlines what it talks about. Use → and ← to move, Esc to stop, or play it like a video. {mode === 'beginner' ? 'Beginner mode plays the beginner steps; Architect plays them all.' : ''}
      </p>
      <p className="controls">
        <button type="button" data-testid="tour-start" onClick={() => startTour(mode)}>▶ Start the tour</button>
        <button type="button" data-testid="tour-autoplay" onClick={() => startTour(mode, 0, true)}>Play it as a video</button>
      </p>
      <ol className="tour-toc">
        {chapters.map((c) => (
          <li key={c.id} data-testid="tour-chapter">
            <button type="button" className="link" onClick={() => startTour(mode, steps.findIndex((s) => s.chapter === c.id))}>
              <b>{c.title}</b>
            </button>
            <ol>
              {steps.filter((s) => s.chapter === c.id).map((s) => (
                <li key={s.id}>
                  <button type="button" className="link" onClick={() => startTour(mode, steps.indexOf(s))}>{s.title}</button>{' '}
                  <span className="muted">({viewLabel(s.view)})</span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

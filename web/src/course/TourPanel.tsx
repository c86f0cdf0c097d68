import { useEffect, useRef, useState } from 'react';
import { go, useApp } from '../state';
import { useCourse, type TourStep } from './data';
import { ApiChips, viewLabel } from './parts';
import { ensureRun } from './runs';
import { spotlight, unspotlight } from './spotlight';
import { SPEEDS, getTour, setTour, useTour } from './tour-store';

type Phase = ({ kind: 'moving' } | { kind: 'starting-run'; scenario: string } | { kind: 'shown' } | { kind: 'missing' } | { kind: 'error'; message: string }) & { step?: string };

/** The steps a tour of this level plays. */
export function tourSteps(steps: readonly TourStep[], level: string): TourStep[] {
  return steps.filter((s) => level === 'architect' || s.level === 'beginner');
}

/** How long autoplay stays on a step at speed 1: time to read the narration. */
const dwellMs = (s: TourStep) => 2500 + s.narration.split(/\s+/).length * 250;

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));

/** The tour's narration and controls, on screen in every view while a tour runs. */
export function TourPanel() {
  const tour = useTour();
  const { course } = useCourse();
  const { setMode, refreshRuns } = useApp();
  const [shownPhase, setShownPhase] = useState<Phase>({ kind: 'moving' });
  const token = useRef(0);
  const steps = course ? tourSteps(course.tour.steps, tour.level) : [];
  const step = steps[tour.index];
  const chapters = course?.tour.chapters.filter((c) => steps.some((s) => s.chapter === c.id)) ?? [];
  const chapterIndex = chapters.findIndex((c) => c.id === step?.chapter);
  // A phase belongs to one step: until the new step's own arrives, the panel says it is moving.
  const phase: Phase = shownPhase.step === step?.id ? shownPhase : { kind: 'moving' };

  const goTo = (index: number) => setTour({ index: Math.max(0, Math.min(index, steps.length - 1)) });
  const close = () => {
    unspotlight();
    setShownPhase({ kind: 'moving' });
    setTour({ active: false, playing: false });
  };

  // Move the app to the step: its run, its mode, its view, then outline its element.
  useEffect(() => {
    if (!tour.active || !step) return;
    const mine = ++token.current;
    const current = () => mine === token.current;
    const setPhase = (p: Phase) => setShownPhase({ ...p, step: step.id });
    (async () => {
      setPhase({ kind: 'moving' });
      // Every step plays on the gpon-ftth journey; a change journey a step needs changes its product.
      for (const scenario of new Set(['gpon-ftth', step.needsRun ?? 'gpon-ftth'])) {
        const run = ensureRun(scenario);
        const slow = setTimeout(() => current() && setPhase({ kind: 'starting-run', scenario }), 300);
        await run.finally(() => clearTimeout(slow));
        if (!current()) return;
      }
      await refreshRuns();
      if (!current()) return;
      setMode(step.mode ?? getTour().baseMode);
      go(step.view, { sel: step.select });
      const found = await spotlight(step.target, { waitMs: 2500 });
      if (current()) setPhase({ kind: found ? 'shown' : 'missing' });
    })().catch((e: Error) => current() && setPhase({ kind: 'error', message: e.message }));
  }, [tour.active, step?.id]);

  // Autoplay: move on once the step is on screen and read.
  useEffect(() => {
    if (!tour.active || !tour.playing || !step || phase.kind === 'moving' || phase.kind === 'starting-run') return;
    const t = setTimeout(() => {
      if (tour.index >= steps.length - 1) setTour({ playing: false });
      else goTo(tour.index + 1);
    }, Math.max(600, dwellMs(step) / tour.speed));
    return () => clearTimeout(t);
  }, [tour.active, tour.playing, tour.speed, tour.index, phase.kind, steps.length]);

  // Keyboard: → next, ← previous, Esc ends the tour.
  useEffect(() => {
    if (!tour.active) return;
    const on = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') goTo(getTour().index + 1);
      else if (e.key === 'ArrowLeft') goTo(getTour().index - 1);
      else if (e.key === 'Escape') close();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [tour.active, steps.length]);

  if (!tour.active || !step) return null;
  const chapter = chapters[chapterIndex];
  return (
    <aside className="tour-panel" data-tour="tour-controls" data-testid="tour-panel" data-step={step.id} data-phase={phase.kind} aria-label="Guided tour">
      <div className="tour-progress">
        <span data-testid="tour-progress">Step {tour.index + 1} of {steps.length}</span>
        <span className="muted"> · Chapter {chapterIndex + 1} of {chapters.length}: {chapter?.title}</span>
        <span className="muted"> · {tour.level === 'beginner' ? 'Beginner tour' : 'Full tour'}</span>
      </div>
      <div className="tour-bar" role="progressbar" aria-valuemin={1} aria-valuemax={steps.length} aria-valuenow={tour.index + 1} aria-label="Tour progress">
        <span style={{ width: `${((tour.index + 1) / steps.length) * 100}%` }} />
      </div>
      <h2 className="tour-title">{step.title}</h2>
      <p className="tour-narration" aria-live="polite">{step.narration}</p>
      {phase.kind === 'starting-run' && <p className="muted">Starting a {phase.scenario} run on the stack for this step…</p>}
      {phase.kind === 'missing' && (
        <p className="warn" data-testid="tour-missing">
          {viewLabel(step.view)} does not show “{step.target}” yet: this part of the explorer is not built, so there is nothing to point at.
        </p>
      )}
      {phase.kind === 'error' && <p className="warn">{phase.message}</p>}
      <ApiChips apis={step.apis} />
      <div className="tour-buttons">
        <button type="button" onClick={() => goTo(tour.index - 1)} disabled={tour.index === 0} data-testid="tour-prev">← Previous</button>
        <button type="button" onClick={() => goTo(tour.index + 1)} disabled={tour.index >= steps.length - 1} data-testid="tour-next">Next →</button>
        <button type="button" aria-pressed={tour.playing} onClick={() => setTour({ playing: !tour.playing })} data-testid="tour-play">{tour.playing ? '❚❚ Pause' : '▶ Play'}</button>
        <label>
          Speed{' '}
          <select value={tour.speed} onChange={(e) => setTour({ speed: Number(e.target.value) })} data-testid="tour-speed">
            {SPEEDS.map((s) => <option key={s.value} value={s.value}>{s.label} ({s.value}×)</option>)}
          </select>
        </label>
        <button type="button" className="tour-close" onClick={close} data-testid="tour-close" title="End the tour (Esc)">✕ End</button>
      </div>
      <nav className="tour-chapters" aria-label="Tour chapters">
        {chapters.map((c, i) => (
          <button
            type="button"
            key={c.id}
            title={c.title}
            aria-current={i === chapterIndex ? 'step' : undefined}
            data-chapter={c.id}
            onClick={() => goTo(steps.findIndex((s) => s.chapter === c.id))}
          >
            {i + 1}
          </button>
        ))}
      </nav>
    </aside>
  );
}

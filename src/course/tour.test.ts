import { describe, expect, it } from 'vitest';
import { gponProvision } from '../orchestrator/flows/gpon-provision.js';
import { concepts } from './concepts.js';
import { glossary } from './glossary.js';
import { tour } from './tour.js';
import { validateCourse } from './validate-course.js';

const apisIn = (text: string) => [...text.matchAll(/TMF\d{3}/g)].map((m) => m[0]);

describe('the tour says what any run shows', () => {
  it('names the qualification gates in the order the GPON journey passes them', () => {
    const gates = ['validate-address', 'qualify-offering', 'qualify-service'].map((id) => apisIn(gponProvision.steps.find((s) => s.id === id)!.title)[0]);
    expect(gates).toEqual(['TMF673', 'TMF679', 'TMF645']);
    expect(apisIn(tour.find((s) => s.id === 'qual-gates')!.narration)).toEqual(gates);
    expect(glossary.find((t) => t.id === 'address-validation')!.definition).toMatch(/^The first gate: TMF673/);
    expect(concepts.find((c) => c.id === 'qualification-gates')!.summary).toMatch(/^Address validation and commercial checks .* run first; the technical check .* runs last/);
  });

  it('names no port, OLT or id of one particular run, since the run on screen may be another customer\'s', () => {
    const runBound = /\b\d+\/\d+\/\d+\b|OLT-[A-Z]+-|res-inst-/;
    for (const step of tour) if (step.id !== 'artifacts-ids') expect(step.narration, step.id).not.toMatch(runBound);
  });

  it('points each qualification and failure step at the card it talks about, not at the first card of a list', () => {
    const target = (id: string) => tour.find((s) => s.id === id)!.target;
    expect([target('qual-poq'), target('qual-sq'), target('fail-port-full'), target('modify-release')]).toEqual(['qualification-commercial', 'qualification-technical', 'failure-reject-tech-001', 'modify-released']);
  });

  it('opens the service order diagram for the service order step, and refuses a selection of a state no lifecycle has', () => {
    expect(tour.find((s) => s.id === 'life-diagram')!.select).toBe('state:service-order/completed');
    const bad = tour.map((s) => (s.id === 'life-diagram' ? { ...s, select: 'state:service-order/inUse' } : s));
    expect(validateCourse({ glossary, concepts, apiGuides: [], corrections: [], tour: bad }).filter((p) => p.startsWith('tour step'))).toEqual(['tour step life-diagram: selects state:service-order/inUse, which no lifecycle has']);
  });
});

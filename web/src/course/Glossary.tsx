import { useState } from 'react';
import { useApp } from '../state';
import { shows, useCourse, type GlossaryTerm } from './data';
import { ApiChips, LevelBadge, SeeIn } from './parts';

const matches = (t: GlossaryTerm, q: string) =>
  !q || [t.term, t.expansion ?? '', t.definition, ...t.apis, ...(t.entities ?? []), ...(t.states ?? []), ...(t.eventTypes ?? [])].join(' ').toLowerCase().includes(q);

/** Every TMF term in plain words, with the APIs involved and where the app shows it. */
export default function Glossary() {
  const { mode } = useApp();
  const { course, error } = useCourse();
  const [q, setQ] = useState('');
  if (!course) return <p>{error || 'Loading the glossary…'}</p>;
  const terms = course.glossary.filter((t) => shows(mode, t)).sort((a, b) => a.term.localeCompare(b.term));
  const query = q.trim().toLowerCase();
  const shown = terms.filter((t) => matches(t, query));
  return (
    <section className="course">
      <h1>Glossary</h1>
      <p>
        The words of TM Forum and of this stack in plain language. {mode === 'beginner' ? 'Beginner mode lists the terms of the provisioning spine; switch to Architect for all of them.' : ''}
      </p>
      <label className="filter" data-tour="glossary-search">
        Filter{' '}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="term, API, state…" data-testid="glossary-filter" aria-controls="glossary-list" />
        <span className="muted" data-testid="glossary-count"> {shown.length} of {terms.length} terms</span>
      </label>
      <dl className="glossary" id="glossary-list" data-tour="glossary-list">
        {shown.map((t) => (
          <div key={t.id} className="term" data-testid="glossary-term" id={`term-${t.id}`}>
            <dt>
              <b>{t.term}</b>
              {t.expansion && <span className="muted"> — {t.expansion}</span>} <LevelBadge level={t.level} />
            </dt>
            <dd>
              <p>{t.definition}</p>
              <ApiChips apis={t.apis} />
              <SeeIn places={t.seeIn} />
            </dd>
          </div>
        ))}
      </dl>
      {shown.length === 0 && <p data-testid="glossary-empty">No term matches “{q}”.</p>}
    </section>
  );
}

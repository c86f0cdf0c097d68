import { useState } from 'react';
import { startRun, type Run } from './api';

/**
 * Starts a scenario for the default customer and says so while it starts; a refusal (a 409 when no
 * demo customer can take the journey, say) is shown under it in the server's words.
 * `wait`: answer once the journey has stopped (completed, failed or held), not as soon as it starts.
 */
export function RunScenarioButton({ scenario, label, wait = false, onStarted, testId }: {
  scenario: string;
  label: string;
  wait?: boolean;
  onStarted: (run: Run) => unknown;
  testId?: string;
}) {
  const [starting, setStarting] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const start = async () => {
    setStarting(true);
    setRefused(null);
    try {
      await onStarted(await startRun(scenario, {}, wait));
    } catch (error) {
      setRefused(error instanceof Error ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  };
  return (
    <>
      <button type="button" data-testid={testId} disabled={starting} onClick={() => void start()}>
        {starting ? (wait ? 'Running…' : 'Starting…') : label}
      </button>
      {refused && <span className="warn" role="alert"> {refused}</span>}
    </>
  );
}

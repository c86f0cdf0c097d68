import { useEffect, useState } from 'react';
import { getJson, type Scenario } from './api';

interface Choice { id: string; label: string }
interface FaultInfo { id: string; title: string }

// Every choice comes from the server's records: customers (TMF629), addresses (TMF673), offerings
// (TMF620), products (TMF637), the fault catalogue. An empty choice leaves it to the scenario.
const SOURCES: { key: 'customerId' | 'addressId' | 'offeringId' | 'productId'; label: string; path: string; describe: (r: Record<string, unknown>) => string }[] = [
  { key: 'customerId', label: 'Customer', path: '/tmf-api/customerManagement/v4/customer?fields=id,name', describe: (r) => `${String(r.name)} (${String(r.id)})` },
  { key: 'addressId', label: 'Address', path: '/tmf-api/geographicAddressManagement/v4/geographicAddress?fields=id,streetNr,streetName,city', describe: (r) => `${String(r.streetNr ?? '')} ${String(r.streetName ?? '')}, ${String(r.city ?? '')} (${String(r.id)})` },
  { key: 'offeringId', label: 'Offering', path: '/tmf-api/productCatalogManagement/v4/productOffering?fields=id,name', describe: (r) => `${String(r.name)} (${String(r.id)})` },
  { key: 'productId', label: 'Product', path: '/tmf-api/productInventory/v4/product?status=active&fields=id,name,status', describe: (r) => `${String(r.name ?? 'product')} (${String(r.id)})` },
];

export interface RunRequest { scenario: string; input: Record<string, string>; fault?: { fault: string; times: number } }

/** The "Run scenario" control: a scenario, the optional customer/address/offering/product it takes, an optional fault; `refused`: why the stack would not start the last one. */
export function RunScenarioForm({ scenarios, onRun, refused }: { scenarios: Scenario[] | null; onRun: (request: RunRequest) => void; refused?: string }) {
  const [scenario, setScenario] = useState('gpon-ftth');
  const [input, setInput] = useState<Record<string, string>>({});
  const [choices, setChoices] = useState<Record<string, Choice[]>>({});
  const [faults, setFaults] = useState<FaultInfo[] | null>(null);
  const [fault, setFault] = useState('');
  const [times, setTimes] = useState(1);
  useEffect(() => {
    for (const source of SOURCES) {
      getJson<Record<string, unknown>[]>(source.path).then(
        (rows) => setChoices((c) => ({ ...c, [source.key]: rows.map((r) => ({ id: String(r.id), label: source.describe(r) })) })),
        () => setChoices((c) => ({ ...c, [source.key]: [] })),
      );
    }
    getJson<{ available: FaultInfo[] }>('/spine/v1/faults').then((f) => setFaults(f.available), () => setFaults(null));
  }, []);
  // Only what the chosen scenario takes (not what it fixes itself, a rejection's address, say): a
  // value picked for another scenario is not sent.
  const chosenScenario = scenarios?.find((s) => s.name === scenario);
  const taken = chosenScenario?.parameters ?? [];
  const fixed = chosenScenario?.input ?? {};
  const submit = () => {
    const chosen = Object.fromEntries(Object.entries(input).filter(([key, v]) => v && taken.includes(key)));
    onRun({ scenario, input: chosen, ...(fault && { fault: { fault, times } }) });
  };
  return (
    <fieldset className="controls">
      <legend>Run scenario</legend>
      <label>Scenario <select data-testid="pick-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>{scenarios?.map((s) => <option key={s.name} value={s.name}>{s.title}</option>)}</select></label>
      {SOURCES.filter((source) => taken.includes(source.key)).map((source) => (
        <label key={source.key}>{source.label}{' '}
          <select data-testid={`pick-${source.key}`} value={input[source.key] ?? ''} onChange={(e) => setInput({ ...input, [source.key]: e.target.value })}>
            <option value="">scenario default</option>
            {(choices[source.key] ?? []).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
      ))}
      {faults ? (
        <label>Fault{' '}
          <select data-testid="pick-fault" value={fault} onChange={(e) => setFault(e.target.value)}>
            <option value="">none</option>
            {faults.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </select>
          {fault && <input type="number" min={1} max={9} value={times} aria-label="times" onChange={(e) => setTimes(Math.max(1, Number(e.target.value)))} />}
        </label>
      ) : <span className="muted">Fault options: not available</span>}
      {Object.keys(fixed).length > 0 && <span className="muted" data-testid="fixed-input">set by the scenario: {Object.entries(fixed).map(([name, value]) => `${name} ${value}`).join(', ')}</span>}
      <button type="button" data-testid="run-scenario" data-tour="run-button" onClick={submit}>Run scenario</button>
      {refused && <span className="warn" role="alert" data-testid="run-refused">{refused}</span>}
    </fieldset>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { NotBuilt, getJson } from './api';

/** GETs a server path (none: nothing yet); `missing` when the server has no such endpoint; `reload` GETs it again. */
export function useFetch<T>(path: string | null): { data: T | null; missing: boolean; error: string; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; missing: boolean; error: string }>({ data: null, missing: false, error: '' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!path) return;
    getJson<T>(path).then((data) => setState({ data, missing: false, error: '' }), (e: Error) => setState({ data: null, missing: e instanceof NotBuilt, error: e.message }));
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}

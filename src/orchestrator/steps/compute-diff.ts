import { decomposeStored } from '../../catalog/index.js';
import { diffRows, diffViews, emptyView, viewOfDecomposition, type ProductView } from '../diff/index.js';
import type { StepDefinition } from '../flow.js';

/**
 * The orchestrator compares the current view with the target: the ordered offering's decomposition for
 * a modify, nothing for a cease. The changes drive the service and resource orders; the rows are the
 * diff table the run report shows.
 */
export const computeDiff: StepDefinition = {
  id: 'compute-diff',
  actor: 'orchestrator',
  title: 'Diff current and target views',
  async run({ context, tmf, tx }) {
    const current = context.currentView as ProductView;
    const target = context.orderAction === 'delete' ? emptyView : viewOfDecomposition(await decomposeStored(tx, tmf, String(context.offeringId)));
    return { targetView: target, changes: diffViews(current, target), diff: diffRows(current, target) };
  },
};

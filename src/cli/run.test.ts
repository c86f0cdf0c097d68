import { describe, expect, it } from 'vitest';
import { terminal } from './run.js';

function fakeTerminal(columns: number) {
  const written: string[] = [];
  return { out: { isTTY: true, columns, write: (text: string) => written.push(text) > 0 }, written };
}

describe('progress on a terminal', () => {
  it('shows the step in flight cut to the width of the terminal, then replaces it with the finished line', () => {
    const { out, written } = fakeTerminal(30);
    const progress = terminal(out);
    progress.current(' 2  validate-address           channel→com TMF673');
    progress.line('✓  2  validate-address');
    // One column is left free, so the cursor never wraps.
    expect(written).toEqual(['…  2  validate-address       ', '\r\x1b[2K', '✓  2  validate-address\n']);
    expect(written[0]).toHaveLength(29);
  });

  it('takes a terminal that reports no width as 80 columns wide', () => {
    const { out, written } = fakeTerminal(0);
    terminal(out).current(' 2  validate-address           channel→com TMF673');
    expect(written).toEqual(['…  2  validate-address           channel→com TMF673']);
  });
});

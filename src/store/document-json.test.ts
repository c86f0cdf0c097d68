import { describe, expect, it } from 'vitest';
import { documentJson } from './document-json.js';

describe('documentJson', () => {
  it('answers what JSON.stringify does, for documents and for anything else', () => {
    const values: unknown[] = [
      { id: 'so-1', state: 'acknowledged', note: [{ text: 'a' }], skipped: undefined, empty: {} },
      [1, 'two', null, { three: [3] }],
      'text',
      42,
      null,
      { at: new Date('2026-01-02T03:04:05Z') },
    ];
    for (const value of values) expect(documentJson(value)).toBe(JSON.stringify(value));
  });

  it('serializes a document once however many rows carry it, and keeps it from changing after', () => {
    const doc = { id: 'svc-1', state: 'designed', serviceCharacteristic: [{ name: 'vlan', value: 2042 }] };
    const first = documentJson(doc);
    expect(documentJson(doc)).toBe(first);
    expect(() => {
      doc.state = 'active';
    }).toThrow(TypeError);
    expect(() => {
      doc.serviceCharacteristic[0]!.value = 7;
    }).toThrow(TypeError);
    expect(() => doc.serviceCharacteristic.push({ name: 'x', value: 1 })).toThrow(TypeError);
    expect(documentJson(doc)).toBe(JSON.stringify(doc));
  });

  it('leaves a document holding something other than plain data as it is, serialized afresh each time', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const doc = { id: 'x', at };
    const before = documentJson(doc);
    at.setUTCFullYear(2027);
    doc.id = 'y';
    expect(documentJson(doc)).toBe(JSON.stringify(doc));
    expect(documentJson(doc)).not.toBe(before);
  });
});

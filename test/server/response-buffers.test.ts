import { describe, expect, it } from 'vitest';
import { ResponseBuffers } from '../../src/server/response-buffers';

const expectSameAsStringify = (value: unknown, suffix = '') => {
  const { bytes } = new ResponseBuffers().encodeJson(value, suffix);
  expect(bytes.toString('utf8')).toBe(JSON.stringify(value) + suffix);
  expect(bytes.equals(Buffer.from(JSON.stringify(value) + suffix, 'utf8'))).toBe(true);
};

describe('a JSON body written in pieces', () => {
  it('has the bytes JSON.stringify gives for nested objects and arrays', () => {
    expectSameAsStringify({ data: { entity: { id: 'ent_1', statements: { totalCount: 2, nodes: [{ id: 's1', evidence: [{ start: 0, end: 4 }] }, { id: 's2', evidence: [] }] } } } });
    expectSameAsStringify([[1, [2, [3]]], {}, [], '', 0, -0, 1.5e300, true, false, null]);
    expectSameAsStringify({ data: null, errors: [{ message: 'x', path: ['a', 0], extensions: { code: 'BAD_USER_INPUT' } }] }, '\n');
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it writes null', () => {
    expectSameAsStringify({ a: undefined, b: () => 1, c: Symbol('s'), d: 1 });
    expectSameAsStringify([undefined, () => 1, Symbol('s'), NaN, Infinity, -Infinity]);
    expectSameAsStringify({ errors: undefined, data: { x: 1 }, extensions: undefined });
    expectSameAsStringify({ only: undefined });
  });

  it('writes dates, objects with toJSON, boxed values, maps and null-prototype objects as JSON.stringify does', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { id: 'x', list: [1, 2] });
    expectSameAsStringify({ when: new Date(Date.UTC(2022, 2, 2)), custom: { toJSON: () => ({ shown: true }) }, boxed: [new String('s'), new Number(2), new Boolean(false)], map: new Map([[1, 2]]), bare });
  });

  it('encodes every kind of character: escapes, accents, other scripts, emoji, lone surrogates', () => {
    expectSameAsStringify({ text: 'line\nbreak "quoted" back\\slash \u0000 \u001f tab\t', names: ['Zelenskyy', 'Зеленський', 'Kyiv–Kharkiv', '基辅', '👩‍👩‍👧 🇺🇦'], lone: ['\ud800', 'a\udc00b'] });
  });

  it('stays the same across piece and buffer boundaries (answers larger than one buffer)', () => {
    // Many elements of mixed widths: pieces end at every position of multi-byte characters, and the
    // buffer (64 KB at first) grows several times.
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ id: `s${i}`, text: 'é€😀x'.repeat(i % 37), excerpt: 'a'.repeat(i % 113) }));
    expectSameAsStringify({ data: { nodes } }, '\n');
    expectSameAsStringify({ data: { one: 'ü'.repeat(200_000) } });
  });

  it('refuses a value that JSON cannot represent at the top level', () => {
    expect(() => new ResponseBuffers().encodeJson(undefined)).toThrow(/JSON/);
  });

  it('does not write into a buffer that a response in flight still holds', () => {
    const buffers = new ResponseBuffers();
    const first = buffers.encodeJson({ n: 'first' });
    const second = buffers.encodeJson({ n: 'second' });
    expect(first.bytes.toString()).toBe('{"n":"first"}');
    expect(second.bytes.toString()).toBe('{"n":"second"}');
    expect(first.bytes.buffer === second.bytes.buffer && first.bytes.byteOffset === second.bytes.byteOffset).toBe(false);
  });

  it('uses a released buffer again, and releasing twice keeps it once', () => {
    const buffers = new ResponseBuffers();
    const first = buffers.encodeJson({ n: 1 });
    expect(buffers.available).toBe(0);
    first.release();
    first.release();
    expect(buffers.available).toBe(1);
    const again = buffers.encodeJson({ n: 2 });
    expect(again.bytes.buffer).toBe(first.bytes.buffer);
    expect(buffers.available).toBe(0);
  });

  it('writes the next answer into the largest buffer it kept, so a large answer need not grow a small one', () => {
    const buffers = new ResponseBuffers();
    const big = buffers.encodeJson({ text: 'x'.repeat(300_000) });
    const small = buffers.encodeJson({ n: 1 });
    big.release();
    small.release();
    const next = buffers.encodeJson({ text: 'y'.repeat(250_000) });
    expect(next.bytes.buffer).toBe(big.bytes.buffer);
    expect(next.bytes.toString()).toBe(JSON.stringify({ text: 'y'.repeat(250_000) }));
  });

  it('keeps no more buffers than asked, and none larger than the limit', () => {
    const buffers = new ResponseBuffers({ maxKept: 2, maxBytes: 100_000 });
    const held = [1, 2, 3].map((n) => buffers.encodeJson({ n }));
    for (const h of held) h.release();
    expect(buffers.available).toBe(2);
    const pool = new ResponseBuffers({ maxBytes: 100_000 });
    pool.encodeJson({ big: 'x'.repeat(200_000) }).release();
    expect(pool.available).toBe(0);
  });
});

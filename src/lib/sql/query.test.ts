import { describe, expect, it } from 'vitest';
import { bindParams, listParam, pairListParam, type SqlQuery } from './query.ts';

const query: SqlQuery<'a' | 'b'> = { name: 'example', sql: 'SELECT $1, $2', params: ['b', 'a'] };

describe('query parameters', () => {
  it('binds by name in the order of $1, $2', () => {
    expect(bindParams(query, { a: 'x', b: 'y' })).toEqual(['y', 'x']);
  });

  it('names a missing parameter', () => {
    expect(() => bindParams(query, { a: 'x' } as Record<'a' | 'b', string>)).toThrow('example: parameter "b" is missing');
  });

  it('joins lists and refuses codes that would split wrongly', () => {
    expect(listParam(['NTH', 'STH'])).toBe('NTH,STH');
    expect(listParam([])).toBe('');
    expect(pairListParam([['school_attendance', 6], ['employment', 0]])).toBe('school_attendance:6,employment:0');
    expect(() => listParam(['A,B'])).toThrow('cannot be passed in a list parameter');
    expect(() => pairListParam([['a:b', 1]])).toThrow('cannot be passed in a list parameter');
  });
});

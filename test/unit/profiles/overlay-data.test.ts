import { overlayData, pointer } from '../../../src/profiles/overlay-data';

describe('overlayData: the merge rules of extends and system-packages', () => {
  it.each([
    ['maps merge by key', { a: 1, b: 2 }, { b: 3, c: 4 }, [], { a: 1, b: 3, c: 4 }],
    [
      'maps merge recursively',
      { s: { x: 1, y: { z: 1 } } },
      { s: { y: { w: 2 } } },
      [],
      { s: { x: 1, y: { z: 1, w: 2 } } },
    ],
    ['null removes a key', { a: 1, b: 2 }, { a: null }, [], { b: 2 }],
    ['null for a key the base lacks removes nothing', { a: 1 }, { z: null }, [], { a: 1 }],
    ['lists append, base first', { l: [1, 2] }, { l: [3] }, [], { l: [1, 2, 3] }],
    [
      'list items are not merged into each other',
      { l: [{ a: 1 }] },
      { l: [{ b: 2 }] },
      [],
      { l: [{ a: 1 }, { b: 2 }] },
    ],
    ['a !replace list replaces', { s: { l: [1, 2] } }, { s: { l: [3] } }, ['/s/l'], { s: { l: [3] } }],
    [
      '!replace applies only to its own path',
      { l: [1], m: [1] },
      { l: [2], m: [2] },
      ['/l'],
      { l: [2], m: [1, 2] },
    ],
    ['a scalar replaces', { a: 'x' }, { a: 'y' }, [], { a: 'y' }],
    ['a different type replaces', { a: { x: 1 } }, { a: [1] }, [], { a: [1] }],
    ['an absent layer keeps the base', { a: 1 }, undefined, [], { a: 1 }],
    ['a new key is taken as is', {}, { a: { b: [1] } }, [], { a: { b: [1] } }],
  ])('%s', (_name, base, layer, replaced, expected) => {
    expect(overlayData(base, layer, new Set(replaced))).toEqual(expected);
  });

  it('leaves the base untouched', () => {
    const base = { l: [1], m: { a: 1 } };
    overlayData(base, { l: [2], m: { a: 2 } });
    expect(base).toEqual({ l: [1], m: { a: 1 } });
  });

  it.each([
    [[], ''],
    [['packages', 'buildOnly'], '/packages/buildOnly'],
    [['settings', 'globalToolBins', '@angular/cli'], '/settings/globalToolBins/@angular~1cli'],
    [['a~b', 0], '/a~0b/0'],
  ])('pointer(%j) is the ajv instancePath %j', (path, expected) => {
    expect(pointer(path)).toBe(expected);
  });
});

import { leadingAssignments } from '../../../src/plan/leading-assignments';

describe('leadingAssignments', () => {
  it.each([
    ['A=1 go build', [['A', '1']]],
    [
      'env A="x y" B=2 go build',
      [
        ['A', 'x y'],
        ['B', '2'],
      ],
    ],
    ["A='q' go run .", [['A', 'q']]],
    [
      'RUSTFLAGS="-C target-feature=-crt-static" cargo build',
      [['RUSTFLAGS', '-C target-feature=-crt-static']],
    ],
    ['A= cargo build', [['A', '']]],
    ['go build', []],
    ['go build A=1', []],
  ])('%s', (text, expected) => {
    expect([...leadingAssignments(text)]).toEqual(expected);
  });
});

/** Programs the container runs that a COPY brought from the build context (issue 11, class 9). */
import { interpreterOf } from '../../../src/plan/context-programs';

describe('interpreterOf', () => {
  it.each([
    ['#!/bin/sh\necho hi\n', 'sh'],
    ['#!/bin/sh -e\n', 'sh'],
    ['#! /bin/bash\n', 'bash'],
    ['#!/usr/bin/env python3\n', 'python3'],
    ['#!/usr/bin/env -S node --no-warnings\n', 'env'],
    ['\u007fELF\u0002\u0001', null],
    ['', null],
    [null, null],
  ])('%j → %s', (text, expected) => {
    expect(interpreterOf(text)).toBe(expected);
  });
});

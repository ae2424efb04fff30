'use strict';
// Loaded only when E2E_SAMPLE_FAIL=1: proves a failing test gives a non-zero exit.
const assert = require('assert');

suite('deliberately failing', () => {
  test('fails on purpose', () => {
    assert.strictEqual(1 + 1, 3);
  });
});

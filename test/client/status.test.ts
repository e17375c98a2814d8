// The status bar's words: compact (the worst severity's count, never VS Code's own error/warning counter), the
// product name when there is nothing to report, progress while scanning, the full table in the tooltip.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsText, statusText, statusTooltip, type StatusParams } from '../../client/src/status.js';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const status = (counts: Partial<typeof zero>, extra: Partial<StatusParams> = {}): StatusParams => ({
  scanning: false,
  percentage: undefined,
  counts: { ...zero, ...counts },
  files: 1,
  lastScan: undefined,
  ...extra,
});

describe('status bar', () => {
  it('shows the shield and the worst severity only', () => {
    assert.equal(statusText(status({ critical: 2, high: 5, medium: 9 })), '$(shield) 2 critical');
    assert.equal(statusText(status({ medium: 3, info: 7 })), '$(shield) 3 medium');
    assert.equal(statusText(status({ info: 1 })), '$(shield) 1 info');
  });

  it('keeps "Forewarn" visible when idle, and shows progress while scanning', () => {
    assert.equal(statusText(undefined), '$(shield) Forewarn');
    assert.equal(statusText(status({}, { files: 0 })), '$(shield) Forewarn');
    assert.equal(statusText(status({ high: 1 }, { scanning: true, percentage: 40 })), '$(sync~spin) Forewarn 40%');
  });

  it('the tooltip has the whole table, the files and the last scan', () => {
    const tip = statusTooltip(status({ critical: 2, high: 5 }, { files: 3, lastScan: { files: 120, ms: 1460, workers: 2 } }));
    assert.match(tip, /\| severity \| findings \|\n\| --- \| ---: \|\n\| critical \| 2 \|\n\| high \| 5 \|\n\| medium \| 0 \|\n\| low \| 0 \|\n\| info \| 0 \|/);
    assert.match(tip, /3 files with findings\. Last scan: 120 files in 1\.5 s\./);
    assert.equal(countsText({ ...zero, critical: 1, low: 2 }), '1 critical, 2 low');
  });
});

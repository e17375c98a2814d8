// What the status bar item and the result messages say: pure functions of the server's numbers (no `vscode`).

export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Counts = Record<(typeof SEVERITY_ORDER)[number], number>;

/** The server's `forewarn/status` notification (server/src/server.ts StatusParams). */
export interface StatusParams {
  readonly scanning: boolean;
  readonly percentage: number | undefined;
  readonly counts: Counts;
  readonly files: number;
  readonly lastScan: { files: number; ms: number; workers: number } | undefined;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "6 critical, 49 high, 3 info": the non-zero severities, worst first. */
export function countsText(counts: Counts): string {
  return SEVERITY_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

/**
 * Compact: the shield and the worst severity's count ("2 critical"), which VS Code's own error/warning counter next to
 * it does not say; "Forewarn" when there is nothing to report; the whole table goes in the tooltip.
 */
export function statusText(p: StatusParams | undefined): string {
  if (!p) return '$(shield) Forewarn';
  if (p.scanning) return `$(sync~spin) Forewarn${p.percentage !== undefined ? ` ${p.percentage}%` : ''}`;
  const worst = SEVERITY_ORDER.find((s) => p.counts[s] > 0);
  return worst ? `$(shield) ${p.counts[worst]} ${worst}` : '$(shield) Forewarn';
}

/** The tooltip's Markdown: counts per severity as a table, files, the last scan. */
export function statusTooltip(p: StatusParams): string {
  let md = `**Forewarn**${p.scanning ? ' — scanning the workspace' : ''}\n\n`;
  md += `| severity | findings |\n| --- | ---: |\n${SEVERITY_ORDER.map((s) => `| ${s} | ${p.counts[s]} |`).join('\n')}\n\n`;
  md += p.files === 0 ? 'No findings.' : `${plural(p.files, 'file')} with findings.`;
  if (p.lastScan) md += ` Last scan: ${plural(p.lastScan.files, 'file')} in ${(p.lastScan.ms / 1000).toFixed(1)} s.`;
  return `${md}\n\nClick to show the Problems panel.`;
}

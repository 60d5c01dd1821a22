/**
 * @doyensec/electronegativity over src-main/ as a gate: the tool exits 0 even when it finds
 * something, so its SARIF report is read here. Every finding must be covered by its own reviewed
 * entry in .electronegativity-allowlist.json (same check, file and flagged line), every entry
 * must still be found, and the scan must have seen the shell at all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** One finding of the scanner, reduced to what an allowlist entry is matched on. */
interface Finding {
  check: string;
  file: string;
  /** The flagged line's text, as the scanner reports it (`N/A` for project-wide checks). */
  sample: string;
}

interface Allowed extends Finding {
  reason: string;
}

/**
 * Pairs findings with allowlist entries one to one. A finding left over is unexplained (new
 * code to review); an entry left over is stale (the code it excused is gone, or changed).
 */
function judge(findings: readonly Finding[], allowed: readonly Allowed[]) {
  const unused = [...allowed];
  const unexplained: Finding[] = [];
  for (const finding of findings) {
    const at = unused.findIndex(
      (a) => a.check === finding.check && a.file === finding.file && a.sample === finding.sample,
    );
    if (at === -1) unexplained.push(finding);
    else unused.splice(at, 1);
  }
  return { unexplained, stale: unused };
}

const allowlist = JSON.parse(readFileSync('.electronegativity-allowlist.json', 'utf8')) as {
  allowed: Allowed[];
};
/** What the gate scans: every main-process source, the shell included. */
const SCANNED = 'src-main';

const electronVersion = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

interface SarifResult {
  ruleId: string;
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  }[];
}

/**
 * Runs the scanner over src-main/ and answers its findings. Its SARIF report, not its CSV: the
 * tool writes the CSV header and rows with two racing asynchronous writes, so the header can
 * overwrite the first row (seen under load in CI). SARIF is one write but carries no sample, so
 * the flagged line's text is read from the source, trimmed, as the CSV's sample column gives it.
 */
function scan(): Finding[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-electronegativity-'));
  try {
    const report = path.join(dir, 'report.sarif');
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@doyensec/electronegativity/dist/index.js',
        ...['-i', SCANNED, '-r', '-v', 'false', '-e', electronVersion, '-o', report],
      ],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(report, 'utf8')) as {
      runs: { results: SarifResult[] }[];
    };
    return (sarif.runs[0]?.results ?? []).map((result) => {
      const where = result.locations[0]?.physicalLocation;
      const uri = where?.artifactLocation.uri ?? 'file:///';
      if (uri === 'file:///') return { check: result.ruleId, file: 'N/A', sample: 'N/A' };
      const lines = readFileSync(path.join(SCANNED, uri), 'utf8').split('\n');
      const sample = (lines[(where?.region.startLine ?? 1) - 1] ?? '').trim();
      return { check: result.ruleId, file: uri, sample };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the allowlist', () => {
  it('gives every entry a reason and the line it excuses', () => {
    expect(allowlist.allowed.length).toBeGreaterThan(0);
    for (const entry of allowlist.allowed) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(20);
      expect(entry.sample, entry.check).not.toBe('');
    }
  });
});

describe('the gate', () => {
  const openExternal: Allowed = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'shell/navigation.ts',
    sample: 'await shell.openExternal(url);',
    reason: 'reviewed',
  };

  it('passes exactly the reviewed findings', () => {
    expect(judge([openExternal], [openExternal])).toEqual({ unexplained: [], stale: [] });
  });

  it('fails a second finding of a reviewed check in the same file', () => {
    const another = { ...openExternal, sample: 'void shell.openExternal(link);' };
    expect(judge([openExternal, another], [openExternal]).unexplained).toEqual([another]);
    // Even with the very same text: one entry covers one finding.
    expect(judge([openExternal, openExternal], [openExternal]).unexplained).toHaveLength(1);
  });

  it('fails an entry whose finding is gone', () => {
    expect(judge([], [openExternal]).stale).toEqual([openExternal]);
  });
});

it('finds nothing in src-main/ beyond the reviewed allowlist', { timeout: 120_000 }, () => {
  const findings = scan();
  // A scan that read nothing would pass everything: it must at least see the main window.
  expect(findings.filter((f) => f.file === 'shell/window.ts').length).toBeGreaterThan(0);
  const { unexplained, stale } = judge(findings, allowlist.allowed);
  expect(unexplained, 'findings not in the allowlist').toEqual([]);
  expect(
    stale.map(({ check, file, sample }) => ({ check, file, sample })),
    'allowlist entries no longer found',
  ).toEqual([]);
});

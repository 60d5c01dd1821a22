/**
 * The window opens where and as large as it was, but always on a display that is there now; a
 * missing or damaged state file gives the first-run size.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
  WINDOW_STATE_FILE,
  type Area,
} from '../../../src-main/shell/window-state.js';

const LAPTOP: Area = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR: Area = { x: 1920, y: 0, width: 2560, height: 1400 };
const SMALL: Area = { x: 0, y: 0, width: 1024, height: 700 };

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-window-'));
  folders.push(dir);
  return dir;
}

describe('remembering the window', () => {
  it('opens with the first-run size, centred, when nothing was saved', () => {
    expect(loadWindowState(dataDir(), [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('restores the saved size, position and maximized state', () => {
    const dir = dataDir();
    saveWindowState(dir, { x: 2000, y: 50, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(dir, [LAPTOP, RIGHT_MONITOR])).toEqual({
      x: 2000,
      y: 50,
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it.each([
    ['not JSON', '{"width": 1200,'],
    ['an empty file', ''],
    ['a number', '42'],
    ['null', 'null'],
    ['strings', '{"width":"1200","height":"800"}'],
    ['a negative size', '{"width":-5,"height":800}'],
    ['a huge size', '{"width":1e12,"height":800}'],
    ['fractions', '{"width":1200.5,"height":800}'],
  ])('falls back to the defaults on %s', (_name, text) => {
    const dir = dataDir();
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), text);
    expect(loadWindowState(dir, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('ignores a damaged position but keeps the size', () => {
    const dir = dataDir();
    writeFileSync(
      path.join(dir, WINDOW_STATE_FILE),
      JSON.stringify({ x: 'left', y: null, width: 1000, height: 700, maximized: 'yes' }),
    );
    expect(loadWindowState(dir, [LAPTOP])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('writes the file whole, leaving no temporary file behind', () => {
    const dir = dataDir();
    saveWindowState(dir, { x: 10, y: 20, width: 900, height: 600, maximized: false });
    expect(JSON.parse(readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
      maximized: false,
    });
    saveWindowState(dir, { x: 30, y: 40, width: 900, height: 600, maximized: false });
    expect(loadWindowState(dir, [LAPTOP])).toMatchObject({ x: 30, y: 40 });
  });
});

describe('fitting to the displays there are now', () => {
  it('centres on the primary display a window left on a monitor that was unplugged', () => {
    const state = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToDisplays(state, [LAPTOP])).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto its display', () => {
    const state = { x: 1500, y: -40, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [LAPTOP])).toEqual({
      x: 720,
      y: 0,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('shrinks a window larger than a smaller display, but not below the minimum size', () => {
    const big = { x: 0, y: 0, width: 2400, height: 1300, maximized: false };
    expect(fitToDisplays(big, [SMALL])).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
      maximized: false,
    });
    const tiny = { x: 10, y: 10, width: 300, height: 200, maximized: false };
    expect(fitToDisplays(tiny, [SMALL])).toMatchObject(MIN_WINDOW_SIZE);
  });

  it('keeps a window on the secondary display it was mostly on', () => {
    const state = { x: 1800, y: 200, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(state, [LAPTOP, RIGHT_MONITOR])).toEqual({
      x: 1920,
      y: 200,
      width: 1600,
      height: 1000,
      maximized: false,
    });
  });

  it('handles displays left of and above the primary one (negative coordinates)', () => {
    const left: Area = { x: -1600, y: -200, width: 1600, height: 1000 };
    const state = { x: -1500, y: -150, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [LAPTOP, left])).toMatchObject({ x: -1500, y: -150 });
  });
});

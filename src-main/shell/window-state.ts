/**
 * The main window's size and position, remembered across runs in `<dataDir>/window-state.json`.
 * Pure apart from reading and writing that file: a missing, damaged or foreign file gives the
 * defaults, and a saved position on a display that is gone no longer puts the window off screen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file inside the data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered. Without x and y, the window is centred by Electron. */
export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

/** The first-run size; also the smallest the window may be made (policy.ts agrees). */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 840, maximized: false };
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/** How much of the window must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;
/** Larger numbers are not a screen coordinate but a damaged file. */
const LIMIT = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= LIMIT;
}

/** Reads a {@link WindowState} out of parsed JSON, or null when it is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const get = (key: string): unknown => Reflect.get(value, key);
  const width = get('width');
  const height = get('height');
  const x = get('x');
  const y = get('y');
  const maximized = get('maximized');
  if (!isCoordinate(width) || !isCoordinate(height) || width <= 0 || height <= 0) return null;
  const state: WindowState = { width, height, maximized: maximized === true };
  if (isCoordinate(x) && isCoordinate(y)) Object.assign(state, { x, y });
  return state;
}

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(size: number, min: number, max: number): number {
  return Math.max(Math.min(size, max), Math.min(min, max));
}

/**
 * Fits `state` to the displays' work areas (the primary first). The size shrinks to fit the
 * display the window is mostly on; a window enough on a display is moved fully inside it; one
 * that is not (a display unplugged) loses its position and opens centred on the primary display.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state;
  if (x === undefined || y === undefined) {
    return {
      width: clampSize(state.width, MIN_WINDOW_SIZE.width, primary.width),
      height: clampSize(state.height, MIN_WINDOW_SIZE.height, primary.height),
      maximized: state.maximized,
    };
  }
  const window: Area = { x, y, width: state.width, height: state.height };
  const scored = workAreas.map((area) => {
    const o = overlap(window, area);
    return { area, o, size: o.width * o.height };
  });
  const best = scored.reduce((a, b) => (b.size > a.size ? b : a));
  const visibleEnough =
    best.o.width >= Math.min(MIN_VISIBLE.width, state.width) &&
    best.o.height >= Math.min(MIN_VISIBLE.height, state.height);
  if (!visibleEnough) return fitToDisplays({ ...state, x: undefined, y: undefined }, [primary]);
  const area = best.area;
  const width = clampSize(state.width, MIN_WINDOW_SIZE.width, area.width);
  const height = clampSize(state.height, MIN_WINDOW_SIZE.height, area.height);
  return {
    width,
    height,
    x: Math.min(Math.max(x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(y, area.y), area.y + area.height - height),
    maximized: state.maximized,
  };
}

/** The remembered state fitted to today's displays, or the defaults when there is none usable. */
export function loadWindowState(dataDir: string, workAreas: readonly Area[]): WindowState {
  return fitToDisplays(readSaved(dataDir) ?? DEFAULT_WINDOW_STATE, workAreas);
}

function readSaved(dataDir: string): WindowState | null {
  try {
    return parseWindowState(
      JSON.parse(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')),
    );
  } catch {
    return null; // missing or not JSON: a first run as far as the window is concerned
  }
}

/**
 * Writes the state (the normal bounds, even when maximized, so un-maximizing restores them).
 * Written to a temporary file and renamed, so a crash mid-write leaves the old file whole.
 */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state) + '\n', 'utf8');
  renameSync(temporary, file);
}

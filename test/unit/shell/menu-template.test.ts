/**
 * The native menus as the administrator sees them: the labels the issue lists, the shortcuts, and
 * every screen a menu item opens being a real route of the renderer (src-renderer/routes.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src-main/contract.js';
import {
  flattenMenu,
  menuSpec,
  toElectronTemplate,
  type MenuAction,
  type MenuSpecItem,
} from '../../../src-main/shell/menu-template.js';
import { isAllowedExternalUrl } from '../../../src-main/shell/policy.js';
import { isMenuCommand } from '../../../src-main/shell/desktop-channels.js';

/** The route patterns declared in routes.ts (read as text: it imports Svelte components). */
const ROUTE_PATTERNS = [
  ...readFileSync(
    path.resolve(import.meta.dirname, '../../../src-renderer/routes.ts'),
    'utf8',
  ).matchAll(/pattern:\s*'([^']+)'/g),
].map((m) => m[1]);

function labelsOf(items: readonly MenuSpecItem[] | undefined): (string | undefined)[] {
  return (items ?? []).filter((i) => i.label !== undefined).map((i) => i.label);
}

function menu(spec: MenuSpecItem[], label: string): MenuSpecItem {
  const found = spec.find((item) => item.label === label);
  if (!found) throw new Error(`no ${label} menu`);
  return found;
}

function item(spec: MenuSpecItem[], label: string): MenuSpecItem {
  const found = flattenMenu(spec).find((i) => i.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
}

const navigate = (route: string): MenuAction => ({
  kind: 'renderer',
  command: { kind: 'navigate', route },
});

describe.each(['linux', 'win32', 'darwin'] as const)('the menu bar on %s', (platform) => {
  const spec = menuSpec(platform);

  it('has the File, Admin, Simulator and Help menus with the listed items', () => {
    const top = labelsOf(spec);
    expect(top).toEqual(expect.arrayContaining(['File', 'Admin', 'Simulator', 'Help']));
    expect(top.indexOf('File')).toBeLessThan(top.indexOf('Admin'));
    expect(top.at(-1)).toBe('Help');
    expect(labelsOf(menu(spec, 'File').submenu).slice(0, 4)).toEqual([
      'Import roster…',
      'Export…',
      'Back up database…',
      'Restore database…',
    ]);
    expect(labelsOf(item(spec, 'Export…').submenu)).toEqual([
      'Roster',
      'Readiness report',
      'Changes since last sync',
    ]);
    expect(labelsOf(menu(spec, 'Admin').submenu)).toEqual([
      'Manage Users',
      'Readiness',
      'Outbox',
      'Settings',
      'Backups',
    ]);
    expect(labelsOf(menu(spec, 'Simulator').submenu)).toEqual([
      'Login page',
      'Two-factor settings',
    ]);
    expect(labelsOf(menu(spec, 'Help').submenu)).toEqual(
      expect.arrayContaining(['More Information', 'Open log folder', 'About']),
    );
  });

  it('quits with CmdOrCtrl+Q exactly once', () => {
    const quits = flattenMenu(spec).filter((i) => i.role === 'quit');
    expect(quits).toHaveLength(1);
    expect(quits[0]?.accelerator).toBe('CmdOrCtrl+Q');
    const inFile = flattenMenu(menu(spec, 'File').submenu ?? []).some((i) => i.role === 'quit');
    expect(inFile).toBe(platform !== 'darwin');
  });

  it('shows Ctrl/Cmd+F for finding users but leaves the key to the page, which handles it', () => {
    const find = flattenMenu(spec).filter((i) => i.accelerator === 'CmdOrCtrl+F');
    expect(find).toHaveLength(1);
    expect(find[0]?.registerAccelerator).toBe(false);
    expect(find[0]?.action).toEqual({ kind: 'renderer', command: { kind: 'find' } });
  });

  it('opens More Information (the FAQ) with F1', () => {
    expect(item(spec, 'More Information')).toMatchObject({
      accelerator: 'F1',
      action: navigate('/simulator/faq'),
    });
  });

  it('has no shortcut twice', () => {
    const accelerators = flattenMenu(spec).flatMap((i) => i.accelerator ?? []);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('opens the expected screens', () => {
    expect(item(spec, 'Manage Users').action).toEqual(navigate('/users'));
    expect(item(spec, 'Readiness').action).toEqual(navigate('/readiness'));
    expect(item(spec, 'Outbox').action).toEqual(navigate('/mail/outbox'));
    expect(item(spec, 'Import roster…').action).toEqual(navigate('/import'));
    expect(item(spec, 'Backups').action).toEqual(navigate('/backups'));
    expect(item(spec, 'Back up database…').action).toEqual({ kind: 'backUpDatabase' });
    expect(item(spec, 'Restore database…').action).toEqual({ kind: 'restoreDatabase' });
    expect(item(spec, 'Login page').action).toEqual(navigate('/simulator'));
    expect(item(spec, 'Two-factor settings').action).toEqual(navigate('/settings/two-factor'));
  });

  it('only sends commands the preload accepts, to routes the renderer has', () => {
    for (const { action } of flattenMenu(spec)) {
      if (action?.kind !== 'renderer') continue;
      expect(isMenuCommand(action.command)).toBe(true);
      if (action.command.kind === 'navigate')
        expect(ROUTE_PATTERNS).toContain(action.command.route);
    }
  });

  it('exports through contract channels and links only to allowlisted sites', () => {
    const channels: string[] = [...CHANNELS];
    for (const { action } of flattenMenu(spec)) {
      if (action?.kind === 'export') expect(channels).toContain(action.channel);
      if (action?.kind === 'openExternal') expect(isAllowedExternalUrl(action.url)).toBe(true);
    }
    expect(item(spec, 'Roster').action).toEqual({ kind: 'export', channel: 'io.exportRoster' });
  });

  it('gives every item a label, a role, a submenu or an action', () => {
    for (const entry of flattenMenu(spec)) {
      if (entry.type === 'separator') continue;
      expect(entry.role ?? entry.action ?? entry.submenu).toBeDefined();
      if (!entry.role) expect(entry.label).toBeTruthy();
    }
  });
});

describe("Electron's template", () => {
  it('runs the chosen item’s action and keeps labels, shortcuts and roles', () => {
    const ran: MenuAction[] = [];
    const template = toElectronTemplate(menuSpec('linux'), (action) => ran.push(action));
    const admin = template.find((m) => m.label === 'Admin');
    const submenu = admin?.submenu;
    if (!Array.isArray(submenu)) throw new Error('Admin has no submenu');
    const manageUsers = submenu.find((m) => m.label === 'Manage Users');
    manageUsers?.click?.({} as never, undefined, {} as never);
    expect(ran).toEqual([navigate('/users')]);
    const file = template.find((m) => m.label === 'File')?.submenu;
    if (!Array.isArray(file)) throw new Error('File has no submenu');
    expect(file.at(-1)).toMatchObject({ label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    expect(file.at(-1)).not.toHaveProperty('click');
  });
});

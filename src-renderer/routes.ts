/**
 * The screens of Trax Admin. Adding a screen is one entry here: its path pattern, its view, its
 * title and, when it belongs in the header, the menu that lists it.
 */
import type { Component } from 'svelte';
import ManageUsers from './views/ManageUsers.svelte';
import UserDetails from './views/UserDetails.svelte';
import Simulator from './views/simulator/Simulator.svelte';
import SimulatorFaq from './views/simulator/Faq.svelte';
import TwoFactorSettings from './views/simulator/TwoFactorSettings.svelte';
import Readiness from './views/readiness/Readiness.svelte';
import ImportRoster from './views/io/ImportRoster.svelte';
import Changes from './views/io/Changes.svelte';
import MailCompose from './views/mail/Compose.svelte';
import MailJobProgress from './views/mail/JobProgress.svelte';
import MailLog from './views/mail/MailLog.svelte';
import MailOutbox from './views/mail/Outbox.svelte';
import MailOutboxMessage from './views/mail/OutboxMessage.svelte';
import EmailSettings from './views/mail/EmailSettings.svelte';
import Backups from './views/data/Backups.svelte';

/** Values of the `:name` segments of a matched path, and of its `?name=value` query. */
export type RouteParams = Record<string, string>;

/** What every screen receives from the router. */
type RouteView = Component<{ params: RouteParams }>;

/**
 * A screen that needs no parameters. Svelte ignores props a component does not declare, so it
 * can be handed the same `params` as the others.
 */
function withoutParams(view: Component<Record<string, never>>): RouteView {
  return view as unknown as RouteView;
}

/** One screen. */
export interface RouteDef {
  /** Path with `:name` segments, e.g. `/users/:id`. Earlier entries win. */
  pattern: string;
  view: RouteView;
  /** Window title (after "Trax Admin – "). */
  title: string;
  /** Where the header lists this screen; absent for screens reached from another one. */
  menu?: { group: 'Admin'; label: string };
}

/** Where the app opens, and where unknown paths lead. */
export const HOME_PATH = '/users';

/** Every screen, in matching order. */
export const ROUTES: RouteDef[] = [
  {
    pattern: '/readiness',
    view: withoutParams(Readiness),
    title: 'Readiness',
    menu: { group: 'Admin', label: 'Readiness' },
  },
  {
    pattern: '/import',
    view: withoutParams(ImportRoster),
    title: 'Import roster',
    menu: { group: 'Admin', label: 'Import roster…' },
  },
  {
    pattern: '/changes',
    view: withoutParams(Changes),
    title: 'Changes since last sync',
    menu: { group: 'Admin', label: 'Changes since last sync' },
  },
  {
    pattern: '/users',
    view: ManageUsers,
    title: 'Manage Users',
    menu: { group: 'Admin', label: 'Manage Users' },
  },
  { pattern: '/users/new', view: UserDetails, title: 'Add User' },
  { pattern: '/users/:id', view: UserDetails, title: 'View Details' },
  {
    pattern: '/simulator',
    view: withoutParams(Simulator),
    title: 'Login Simulator',
    menu: { group: 'Admin', label: 'Login Simulator' },
  },
  {
    pattern: '/simulator/faq',
    view: withoutParams(SimulatorFaq),
    title: 'Frequently Asked Questions',
  },
  {
    pattern: '/settings/two-factor',
    view: withoutParams(TwoFactorSettings),
    title: 'Two-factor sign-in',
    menu: { group: 'Admin', label: 'Two-factor sign-in settings' },
  },
  { pattern: '/mail/compose', view: withoutParams(MailCompose), title: 'Send Email' },
  {
    pattern: '/mail/jobs',
    view: withoutParams(MailLog),
    title: 'Mail log',
    menu: { group: 'Admin', label: 'Mail log' },
  },
  { pattern: '/mail/jobs/:id', view: MailJobProgress, title: 'Send Email progress' },
  {
    pattern: '/mail/outbox',
    view: withoutParams(MailOutbox),
    title: 'Outbox',
    menu: { group: 'Admin', label: 'Outbox' },
  },
  { pattern: '/mail/outbox/:id', view: MailOutboxMessage, title: 'Outbox message' },
  {
    pattern: '/settings/email',
    view: withoutParams(EmailSettings),
    title: 'Email delivery',
    menu: { group: 'Admin', label: 'Email delivery settings' },
  },
  {
    pattern: '/backups',
    view: withoutParams(Backups),
    title: 'Backups',
    menu: { group: 'Admin', label: 'Backups' },
  },
];

/**
 * The first route whose pattern matches `path`, with its parameters; null when none does. A
 * query (`/users?readiness=role-based`) does not take part in matching; its values join the
 * parameters, except where a path segment has the same name.
 */
export function matchRoute(path: string): { route: RouteDef; params: RouteParams } | null {
  const queryAt = path.indexOf('?');
  const query = new URLSearchParams(queryAt < 0 ? '' : path.slice(queryAt + 1));
  const parts = (queryAt < 0 ? path : path.slice(0, queryAt)).split('/').filter(Boolean);
  for (const route of ROUTES) {
    const wanted = route.pattern.split('/').filter(Boolean);
    if (wanted.length !== parts.length) continue;
    const params: RouteParams = {};
    const matches = wanted.every((segment, i) => {
      const actual = parts[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(actual);
        return true;
      }
      return segment === actual;
    });
    if (matches) {
      for (const [name, value] of query) if (!(name in params)) params[name] = value;
      return { route, params };
    }
  }
  return null;
}

/**
 * State of Manage Users: the search, filters, sort and page; the current page of results; the
 * selection (which can span pages); the bulk action; and the export of what is shown. One instance lives for the whole session
 * so that coming back from View Details keeps the search and page.
 */
import { SvelteSet } from 'svelte/reactivity';
import type {
  PageSize,
  ReadinessFilter,
  StatusFilter,
  UserColumn,
  UserListPage,
} from '../../src-main/contract';
import { announcer } from './announcer.svelte';
import { call } from './api';
import type { BulkAction } from './bulk-actions';
import { plural } from './format';
import { saveExport } from './readiness/download';
import { router } from './router.svelte';

/** Which column the table is sorted on, and which way. */
export interface SortState {
  column: UserColumn;
  direction: 'asc' | 'desc';
}

/** One choice of the Readiness filter. */
export interface ReadinessOption {
  value: ReadinessFilter;
  label: string;
}

/** The choices every installation has; the reasons (with their labels) come from main. */
export const READINESS_BASE_OPTIONS: readonly ReadinessOption[] = [
  { value: 'all', label: 'All' },
  { value: 'ready', label: 'Ready' },
  { value: 'not-ready', label: 'Not ready' },
];

/** Manage Users' search, results, selection and bulk-action outcome. */
export class ManageUsersState {
  /** What is typed in the search box. */
  draftQuery = $state('');
  /** The query of the results on screen. */
  query = $state('');
  status = $state<StatusFilter>('All');
  readiness = $state<ReadinessFilter>('all');
  /** One Readiness choice per reason, with the Readiness dashboard's labels. */
  reasonOptions = $state<ReadinessOption[]>([]);
  sort = $state<SortState>({ column: 'userName', direction: 'asc' });
  page = $state(1);
  pageSize = $state<PageSize>(25);
  result = $state<UserListPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  readonly selected = new SvelteSet<number>();
  /** Message of the last bulk action (or why it could not run). */
  actionMessage = $state('');
  actionFailed = $state(false);
  /** The user whose details were last opened, to put focus back on their row. */
  lastOpenedId = $state<number | null>(null);
  #started = false;
  #request = 0;

  /** Ids on the page shown. */
  get pageIds(): number[] {
    return this.result?.rows.map((row) => row.id) ?? [];
  }

  get allOnPageSelected(): boolean {
    const ids = this.pageIds;
    return ids.length > 0 && ids.every((id) => this.selected.has(id));
  }

  get someOnPageSelected(): boolean {
    return this.pageIds.some((id) => this.selected.has(id));
  }

  /** True when the page is selected and more users match than the page shows. */
  get canSelectAllMatching(): boolean {
    const total = this.result?.total ?? 0;
    return this.allOnPageSelected && this.selected.size < total;
  }

  /** The label of the readiness filter in use. */
  get readinessLabel(): string {
    return this.#readinessOption(this.readiness)?.label ?? this.readiness;
  }

  #readinessOption(value: string): ReadinessOption | undefined {
    return [...READINESS_BASE_OPTIONS, ...this.reasonOptions].find((o) => o.value === value);
  }

  /**
   * First visit: load the remembered page size and the reasons of the Readiness filter, then
   * search. Later visits: refresh.
   */
  async open(): Promise<void> {
    if (!this.#started) {
      this.#started = true;
      const [prefs, summary] = await Promise.all([
        call('prefs.get', undefined),
        call('readiness.summary', undefined),
      ]);
      if (prefs.ok) this.pageSize = prefs.value.itemsPerPage;
      if (summary.ok) {
        this.reasonOptions = summary.value.reasons.map((r) => ({ value: r.code, label: r.label }));
      }
    }
    // A link can name a reason this installation does not check: show everyone instead.
    if (!this.#readinessOption(this.readiness)) this.readiness = 'all';
    await this.load();
  }

  /**
   * Opened from a link of the Readiness dashboard (`#/users?readiness=role-based`): exactly the
   * users it counted, so the search box and status filter start empty, on page 1.
   */
  showReadiness(readiness: string): void {
    this.readiness = readiness as ReadinessFilter;
    this.draftQuery = '';
    this.query = '';
    this.status = 'All';
    this.page = 1;
    this.selected.clear();
    this.lastOpenedId = null;
  }

  /** Runs the search typed in the box from page 1. */
  async search(): Promise<void> {
    this.query = this.draftQuery.trim();
    this.page = 1;
    this.selected.clear();
    await this.load();
  }

  async setStatusFilter(status: StatusFilter): Promise<void> {
    this.status = status;
    await this.search();
  }

  async setReadinessFilter(readiness: ReadinessFilter): Promise<void> {
    this.readiness = readiness;
    await this.search();
  }

  /** Sorts on `column`; a second click on the same column reverses the order. */
  async sortBy(column: UserColumn): Promise<void> {
    const direction = this.sort.column === column && this.sort.direction === 'asc' ? 'desc' : 'asc';
    this.sort = { column, direction };
    this.page = 1;
    await this.load();
  }

  async goToPage(page: number): Promise<void> {
    this.page = Math.max(1, page);
    await this.load();
  }

  /** Changes "items per page", remembers it on this workstation, and shows page 1. */
  async setPageSize(size: PageSize): Promise<void> {
    this.pageSize = size;
    this.page = 1;
    await Promise.all([call('prefs.set', { itemsPerPage: size }), this.load()]);
  }

  toggle(id: number, on: boolean): void {
    if (on) this.selected.add(id);
    else this.selected.delete(id);
  }

  togglePage(on: boolean): void {
    for (const id of this.pageIds) this.toggle(id, on);
  }

  clearSelection(): void {
    this.selected.clear();
  }

  /** The search and filters of the results on screen (not what is typed but not yet searched). */
  get #filter() {
    return { query: this.query, status: this.status, readiness: this.readiness };
  }

  /** Selects every user matching the current search and filter, on all pages. */
  async selectAllMatching(): Promise<void> {
    const result = await call('users.matchingIds', this.#filter);
    if (!result.ok) {
      this.#reportAction(result.error.message, true);
      return;
    }
    for (const id of result.value.ids) this.selected.add(id);
    announcer.say(`${plural(this.selected.size, 'user')} selected.`);
  }

  /** Runs a bulk action on the selection (already confirmed), then refreshes the table. */
  async runAction(action: BulkAction): Promise<void> {
    if (this.selected.size === 0) {
      this.#reportAction('Select at least one user first.', true);
      return;
    }
    const result = await action.run([...this.selected]);
    if (!result.ok) {
      this.#reportAction(result.error.message, true);
      return;
    }
    this.selected.clear();
    this.#reportAction(result.value, false);
    await this.load();
  }

  /**
   * Exports the users the current search, filters and sort show — every page, in that order —
   * as CSV (Export these users, and File → Export… → Roster), and says where the file went.
   */
  async exportShown(): Promise<void> {
    const outcome = await saveExport(
      await call('io.exportRoster', { ...this.#filter, sort: { ...this.sort } }),
    );
    if (outcome) this.#reportAction(outcome.message, outcome.failed);
  }

  /** Fetches the current page; an answer to an older request is ignored. */
  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    const result = await call('users.search', {
      ...this.#filter,
      sort: { ...this.sort },
      page: this.page,
      pageSize: this.pageSize,
    });
    if (request !== this.#request) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      announcer.say(result.error.message);
      return;
    }
    this.error = null;
    this.result = result.value;
    this.page = result.value.page;
    const { total, page, pageCount } = result.value;
    announcer.say(
      total === 0
        ? 'No users match this search.'
        : `${plural(total, 'user')} found. Page ${page} of ${pageCount}.`,
    );
  }

  #reportAction(message: string, failed: boolean): void {
    this.actionMessage = message;
    this.actionFailed = failed;
  }
}

/** The session's one Manage Users state, kept while View Details is open. */
export const manageUsers = new ManageUsersState();

/**
 * File → Export… → Roster in the desktop window: opens Manage Users, whose message line says
 * where the file went, and exports what it shows.
 */
export function exportShownUsers(): void {
  router.go('/users');
  void manageUsers.exportShown();
}

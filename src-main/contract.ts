/**
 * THE api of Trax Admin: every channel the renderer can call. Each domain declares its channels
 * in its own `channels.ts`; this file assembles them into the one map from which the Electron IPC
 * gateway, the preload, the browser host and the renderer's client are all derived.
 *
 * Each entry names its input schema (zod, validated by the gateway before a handler runs) and its
 * output type. Names are `domain.action`. Results travel as {@link Result}.
 */
import type { z } from 'zod';
import { appChannels } from './app-channels.js';
import { rosterChannels } from './roster/channels.js';
import { mailChannels } from './mail/channels.js';
import { authChannels } from './auth/channels.js';
import { readinessChannels } from './readiness/channels.js';
import { ioChannels } from './io/channels.js';
import { auditChannels } from './audit/channels.js';
import { backupChannels } from './backup/channels.js';

export * from './errors.js';
export type * from './roster/schemas.js';
export type { AppInfo, Prefs } from './app-channels.js';

export const contract = {
  ...appChannels,
  ...rosterChannels,
  ...mailChannels,
  ...authChannels,
  ...readinessChannels,
  ...ioChannels,
  ...auditChannels,
  ...backupChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** A handler for each channel in `C`. */
export type HandlersFor<C extends Channel> = {
  [K in C]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

/** The map that src-main/app.ts builds and both shells serve. */
export type Handlers = HandlersFor<Channel>;

/** Every channel name, for allowlists (preload, IPC gateway, host router). */
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

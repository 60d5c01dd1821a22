/**
 * The import and export channels, served from {@link RosterImporter} and {@link Exporter}.
 */
import type { HandlersFor } from '../contract.js';
import type { ioChannels } from './channels.js';
import type { Exporter } from './export.js';
import type { RosterImporter } from './import-roster.js';

/** What the import/export handlers need. */
export interface IoDeps {
  importer: RosterImporter;
  exporter: Exporter;
}

/** Handlers for every channel in {@link ioChannels}. */
export function createIoHandlers(deps: IoDeps): HandlersFor<keyof typeof ioChannels> {
  const { importer, exporter } = deps;
  return {
    'io.previewImport': ({ text, options }) => importer.preview(text, options),
    'io.applyImport': ({ text, options }) => importer.apply(text, options),
    'io.exportRoster': (input) => exporter.roster(input),
    'io.exportReadiness': ({ onlyNotReady }) => exporter.readiness(onlyNotReady),
    'io.exportChanges': ({ scope, upToId }) => exporter.changes(scope, upToId),
  };
}

import { ipcMain, type WebFrameMain } from 'electron';
import { CHANNELS } from '../contract.js';
import type { Gateway } from '../gateway.js';
import { isTrustedSender, REFUSED_SENDER } from './policy.js';

/**
 * One `ipcMain.handle` per contract channel. Each call is answered only when it comes from the
 * main window's main frame on app://; the gateway then validates the input as for the host.
 */
export function registerIpc(invoke: Gateway, mainFrame: () => WebFrameMain | null): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrustedSender(event.senderFrame, mainFrame()) ? invoke(channel, input) : REFUSED_SENDER,
    );
  }
}

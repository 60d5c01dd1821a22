/**
 * One polite live region for the whole app (rendered by App.svelte), so a message survives the
 * view that triggered it being replaced. Repeating a message still announces it.
 */
class Announcer {
  message = $state('');

  /** Announces `text` politely to screen readers. */
  say(text: string): void {
    // Clearing first makes an identical repeat a change the screen reader notices.
    this.message = '';
    setTimeout(() => {
      this.message = text;
    }, 50);
  }
}

/** The app's one announcer. */
export const announcer = new Announcer();

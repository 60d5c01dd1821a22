/**
 * Shows an email's HTML part as the recipient would see it, without running any of it: the HTML
 * is parsed inert (DOMParser runs no scripts and loads nothing), and only a small allowlist of
 * text elements is rebuilt into the page. Attributes are dropped (no inline styles, which the
 * CSP forbids; no event handlers), and links become plain text showing their address.
 */
const KEEP = new Set([
  'p',
  'br',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'pre',
  'code',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
]);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'head',
  'title',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
]);

function rebuild(source: Node, target: Node): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof Element)) continue;
    const tag = child.tagName.toLowerCase();
    if (DROP_WITH_CONTENT.has(tag)) continue;
    if (tag === 'a') {
      const href = child.getAttribute('href') ?? '';
      const text = child.textContent ?? '';
      const shown =
        href && href !== text && !href.startsWith('mailto:' + text) ? `${text} (${href})` : text;
      const link = document.createElement('u');
      link.textContent = shown;
      target.appendChild(link);
      continue;
    }
    const element = KEEP.has(tag) ? document.createElement(tag) : document.createElement('span');
    rebuild(child, element);
    target.appendChild(element);
  }
}

/**
 * Inline styles are removed before parsing: the parsed document inherits the page's CSP, which
 * would report every style it meets even though nothing of it is ever applied.
 */
function withoutStyles(html: string): string {
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

/** Replaces `target`'s content with the safe rendering of `html`. */
export function renderSafeHtml(html: string, target: HTMLElement): void {
  const parsed = new DOMParser().parseFromString(withoutStyles(html), 'text/html');
  target.replaceChildren();
  rebuild(parsed.body, target);
}

/** Text for HTML content and quoted attribute values: the five significant characters escaped. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SAFE_SCHEME = /^(?:https?|mailto|webcal):/i;

/**
 * An href attribute's value: only http(s), mailto and webcal links are kept (the groups file
 * is validated already; this is the second line), anything else becomes `#`.
 */
export function safeHref(url: string): string {
  return SAFE_SCHEME.test(url.trim()) ? escapeHtml(url.trim()) : '#';
}

/** `<a href="…">text</a>` with both halves escaped. */
export const link = (url: string, text: string, attrs = ''): string =>
  `<a href="${safeHref(url)}"${attrs}>${escapeHtml(text)}</a>`;

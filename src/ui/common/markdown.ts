/**
 * Statements are markdown written by drill authors (and, later, by learners in
 * custom drills shared by link), so the HTML is sanitised before it is shown.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

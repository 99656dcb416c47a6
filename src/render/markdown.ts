import MarkdownIt from 'markdown-it';

/**
 * One Markdown renderer for every body. `html: false` turns raw HTML written in content into text,
 * so a `<script>` in an article shows as characters and never runs.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}

import MarkdownIt from 'markdown-it';

/**
 * One Markdown renderer for every body. `html: false` turns raw HTML written in content into text,
 * so a `<script>` in an article shows as characters and never runs.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

// Links out of the site open without handing the other page a reference to this one.
const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  if (/^https?:\/\//i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener external');
  return renderLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}

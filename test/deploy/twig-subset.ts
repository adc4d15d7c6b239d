/**
 * Renders the catalog's one-line widget template: `{{ name|e }}` and un-nested `{% if name %}…{% endif %}`
 * only, which is all it may use; anything else throws, so the template cannot drift past what is tested.
 * `|e` escapes like Twig's html strategy (htmlspecialchars with ENT_QUOTES).
 */
function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}

function text(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  if (value === undefined || value === null || value === false) return '';
  return String(value);
}

export function renderTwigSubset(template: string, data: Record<string, unknown>): string {
  const withIfs = template.replace(/\{% if (\w+) %\}([^{]*(?:\{\{[^}]*\}\}[^{]*)*)\{% endif %\}/g, (_all, name: string, body: string) =>
    text(data, name) && text(data, name) !== '0' ? body : '',
  );
  const rendered = withIfs.replace(/\{\{ (\w+)\|e \}\}/g, (_all, name: string) => escapeHtml(text(data, name)));
  if (/\{[{%]/.test(rendered)) throw new Error(`template uses more than the tested subset: ${rendered}`);
  return rendered;
}

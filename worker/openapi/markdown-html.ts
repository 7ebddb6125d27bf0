/**
 * The little Markdown the reference's prose uses (`##` headings, `- ` lists, paragraphs, `code`
 * and **bold**) as HTML, escaped first so no text of the document becomes markup.
 */

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
}

export function markdownToHtml(markdown: string): string {
  const blocks = markdown.split(/\n{2,}/)
  return blocks
    .map((block) => {
      const heading = /^(#{2,4}) (.*)$/.exec(block)
      if (heading?.[1] && heading[2] !== undefined) {
        const level = heading[1].length + 1
        return `<h${level}>${inline(heading[2])}</h${level}>`
      }
      if (block.startsWith('- ')) {
        const items = block.split(/\n(?=- )/).map((item) => `<li>${inline(item.slice(2))}</li>`)
        return `<ul>${items.join('')}</ul>`
      }
      return `<p>${inline(block)}</p>`
    })
    .join('\n')
}

/**
 * The steering tools' few styles, adopted by the document when their chunk loads, so app.css (on
 * every page's critical path) does not carry them.
 */
const CSS = `
.steer-form { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); align-items: end; }
.steer-form .button { margin-bottom: 0.9rem; }
.steer-thumb { width: 2.5rem; height: 2.5rem; object-fit: cover; vertical-align: middle; margin-right: 0.5rem; border-radius: 4px; }
.preview-list { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); }
.preview-list li { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem; }
.preview-list img { width: 100%; aspect-ratio: 1; object-fit: cover; border-radius: 4px; background: var(--bg); }
.preview-list .title { margin: 0.25rem 0; font-weight: 600; overflow-wrap: anywhere; }
`

let adopted = false

export function adoptSteeringStyles(): void {
  if (adopted) return
  adopted = true
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(CSS)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
}

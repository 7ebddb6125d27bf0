/**
 * The widget's styles, applied as a constructed stylesheet adopted by each shadow root: a strict
 * CSP (`style-src 'self'`) refuses `<style>` elements and `style=""` attributes but not these.
 * The shadow root keeps the host's CSS out; `:host` resets what would still be inherited (text
 * alignment, letter spacing...) except the font and colour, which follow the page.
 *
 * Theming, with CSS custom properties set anywhere above the slot:
 * `--edgelift-accent` (focus ring, price), `--edgelift-card-min` (grid column width, 150px),
 * `--edgelift-gap` (16px), `--edgelift-radius` (8px), `--edgelift-image-bg` (#f3f4f6).
 */
const CSS = `
:host{all:initial!important;display:block!important;font:inherit!important;color:inherit!important}
:host([hidden]){display:none!important}
*{box-sizing:border-box}
.recs{container-type:inline-size}
.title{font-size:1.25em;font-weight:600;line-height:1.3;margin:0 0 .75em}
.list{list-style:none;margin:0;padding:0;display:grid;gap:var(--edgelift-gap,16px);
  grid-template-columns:repeat(auto-fill,minmax(var(--edgelift-card-min,150px),1fr))}
@container (max-width:520px){
  .list{grid-template-columns:none;grid-auto-flow:column;grid-auto-columns:42%;overflow-x:auto;
    scroll-snap-type:x mandatory;overscroll-behavior-x:contain;padding:4px}
  .item{scroll-snap-align:start}
}
.card{display:flex;flex-direction:column;gap:.35em;height:100%;color:inherit;text-decoration:none;
  border-radius:var(--edgelift-radius,8px);outline:none}
a.card:hover .name{text-decoration:underline}
a.card:focus-visible{outline:3px solid var(--edgelift-accent,#2563eb);outline-offset:3px}
.media{display:block;aspect-ratio:1;overflow:hidden;border-radius:var(--edgelift-radius,8px);
  background:var(--edgelift-image-bg,#f3f4f6)}
.media img{display:block;width:100%;height:100%;object-fit:cover}
.name{line-height:1.3;overflow:hidden;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2}
.price{font-weight:600;color:var(--edgelift-accent,inherit)}
@media (forced-colors:active){a.card:focus-visible{outline-color:Highlight}}
`

let sheet: CSSStyleSheet | undefined

/** Styles a shadow root; browsers without constructed stylesheets get a `<style>` element. */
export function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(CSS)
    }
    root.adoptedStyleSheets = [sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = CSS
    ;(root as ShadowRoot).append(style)
  }
}

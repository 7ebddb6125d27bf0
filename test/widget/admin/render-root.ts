// A fresh element to render a dashboard component into, in happy-dom; the page is emptied after
// each test of a file that imports this.
import { afterEach } from 'vitest'

afterEach(() => {
  document.body.innerHTML = ''
})

export function renderRoot(): HTMLElement {
  const el = document.createElement('div')
  document.body.append(el)
  return el
}

/** The dashboard's entry: start the router and render the app into the shell's #app element. */
import { render } from 'preact'
import { App } from './app.tsx'
import { startRouter } from './router.ts'

const root = document.getElementById('app')
if (root) {
  startRouter()
  root.textContent = ''
  render(<App />, root)
}

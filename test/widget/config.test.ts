import { describe, expect, it } from 'vitest'
import { readConfig } from '../../widget/loader/config.ts'

function tag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script')
  script.src = 'https://edge.example/widget.js'
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  return script
}

describe('readConfig', () => {
  it.each([
    [{}, 'https://edge.example'],
    [{ 'data-api': 'https://api.example' }, 'https://api.example'],
    [{ 'data-api': 'https://api.example/' }, 'https://api.example'],
    [{ 'data-api': 'https://api.example:8443/edgelift/' }, 'https://api.example:8443'],
  ])('takes the API origin from %o as %s', (attributes, api) => {
    expect(readConfig(tag({ 'data-site': 'pk_x', ...attributes }))).toMatchObject({
      site: 'pk_x',
      api,
      src: 'https://edge.example/widget.js',
      consentRequired: false,
    })
  })

  it('reads data-consent="required", and nothing without a site key', () => {
    expect(readConfig(tag({ 'data-site': 'pk_x', 'data-consent': 'required' }))).toMatchObject({
      consentRequired: true,
    })
    expect(readConfig(tag({}))).toBeUndefined()
    expect(readConfig(null)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import {
  installSnippet,
  parseOrigins,
  sriSnippet,
} from '../../../widget/admin/lib/install-snippet.ts'

describe('install snippets', () => {
  it('is the documented script tag', () => {
    expect(installSnippet('https://edge.example', 'pk_demo')).toBe(
      '<script async src="https://edge.example/widget.js" data-site="pk_demo"></script>',
    )
  })

  it('pins the versioned loader with its integrity hash', () => {
    const manifest = {
      version: 'abc',
      loader: { path: '/widget/abc/widget.js', integrity: 'sha384-xyz' },
    }
    expect(sriSnippet('https://edge.example', 'pk_demo', manifest)).toBe(
      '<script async src="https://edge.example/widget/abc/widget.js" integrity="sha384-xyz" crossorigin="anonymous" data-site="pk_demo"></script>',
    )
  })

  it('escapes quotes so a value cannot break out of its attribute', () => {
    expect(installSnippet('https://e.example', 'pk_"><x')).toContain('data-site="pk_&quot;>&lt;x"')
  })
})

describe('parseOrigins', () => {
  it('accepts lines, commas and spaces, drops trailing slashes and duplicates', () => {
    expect(parseOrigins('https://a.example/\n https://b.example, https://a.example\n\n')).toEqual([
      'https://a.example',
      'https://b.example',
    ])
    expect(parseOrigins('  ')).toEqual([])
  })
})

import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { syncDir } from '../../scripts/lib/sync-dir.ts'

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'edgelift-sync-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

describe('putting a build in place of public/', () => {
  it('leaves unchanged files alone, replaces changed ones, removes what the build no longer makes', () => {
    const served = tree({
      'widget.js': 'old loader',
      _headers: '/widget.js\n  Access-Control-Allow-Origin: *\n',
      'admin/chunks/page-OLD.js': 'old chunk',
      'admin/index.html': '<html>',
    })
    const headersInode = statSync(join(served, '_headers')).ino
    const built = tree({
      'widget.js': 'new loader',
      _headers: '/widget.js\n  Access-Control-Allow-Origin: *\n',
      'admin/chunks/page-NEW.js': 'new chunk',
      'admin/index.html': '<html>',
    })
    expect(syncDir(built, served)).toEqual({ written: 2, unchanged: 2, removed: 1 })
    expect(readFileSync(join(served, 'widget.js'), 'utf8')).toBe('new loader')
    expect(statSync(join(served, '_headers')).ino).toBe(headersInode)
    expect(readdirSync(join(served, 'admin/chunks'))).toEqual(['page-NEW.js'])
    expect(readdirSync(served).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('creates the directory on a fresh clone and drops directories left empty', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'edgelift-sync-')), 'public')
    syncDir(tree({ 'demo-assets/store.js': 'x' }), fresh)
    expect(readFileSync(join(fresh, 'demo-assets/store.js'), 'utf8')).toBe('x')
    syncDir(tree({ 'widget.js': 'y' }), fresh)
    expect(existsSync(join(fresh, 'demo-assets'))).toBe(false)
    expect(readdirSync(fresh)).toEqual(['widget.js'])
  })
})

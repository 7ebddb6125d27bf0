import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  buildWidgetRelease,
  RELEASE_FILES,
  RELEASES_DIR,
  releaseVersion,
  type ReleaseFile,
} from '../../scripts/lib/widget-release.ts'

function recorded(version: string): Record<ReleaseFile, Uint8Array> {
  return Object.fromEntries(
    RELEASE_FILES.map((name) => [
      name,
      new Uint8Array(readFileSync(`${RELEASES_DIR}/${version}/${name}`)),
    ]),
  ) as Record<ReleaseFile, Uint8Array>
}

describe('widget releases', () => {
  it('records the widget built from source, byte for byte, and commits it', async () => {
    const release = await buildWidgetRelease()
    const files = recorded(release.version)
    for (const name of RELEASE_FILES) expect(files[name], name).toEqual(release.files[name])
    const tracked = execFileSync('git', ['ls-files', `${RELEASES_DIR}/${release.version}`], {
      encoding: 'utf8',
    })
    expect(tracked.trim().split('\n').sort(), 'commit the new release directory').toEqual(
      RELEASE_FILES.map((name) => `${RELEASES_DIR}/${release.version}/${name}`).sort(),
    )
  })

  it('never changes a recorded release: each hashes to its own version', () => {
    const versions = readdirSync(RELEASES_DIR)
    expect(versions.length).toBeGreaterThan(0)
    for (const version of versions) expect(releaseVersion(recorded(version))).toBe(version)
  })
})

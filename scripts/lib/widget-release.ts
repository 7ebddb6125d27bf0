/**
 * The storefront widget's release: its three bundles and their version, the content hash. Every
 * release ever built is kept in widget/releases/<version>/ and committed, and every build deploys
 * them all: a merchant who pinned a version with Subresource Integrity keeps a working widget
 * after later deploys, where a fresh build alone would serve only the newest version.
 */
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { BUNDLE_OPTIONS, WIDGET_BUNDLES } from '../../widget/bundle-options.ts'

export const RELEASES_DIR = 'widget/releases'
export type ReleaseFile = keyof typeof WIDGET_BUNDLES
export const RELEASE_FILES = Object.keys(WIDGET_BUNDLES) as ReleaseFile[]

export type WidgetRelease = { version: string; files: Record<ReleaseFile, Uint8Array> }

/** Bundles the widget from source, in memory. */
export async function buildWidgetRelease(): Promise<WidgetRelease> {
  const files = {} as Record<ReleaseFile, Uint8Array>
  for (const name of RELEASE_FILES) {
    const { entry, format } = WIDGET_BUNDLES[name]
    const result = await build({ ...BUNDLE_OPTIONS, write: false, entryPoints: [entry], format })
    files[name] = result.outputFiles[0]?.contents ?? new Uint8Array()
  }
  return { version: releaseVersion(files), files }
}

/** The version of a release's files: a new widget never reuses a cached URL. */
export function releaseVersion(files: Record<ReleaseFile, Uint8Array>): string {
  const hash = createHash('sha256')
  for (const name of RELEASE_FILES) hash.update(files[name])
  return hash.digest('hex').slice(0, 12)
}

/** The team section of Settings: named admin keys and the log of changes, refreshed together. */
import { useState } from 'preact/hooks'
import { AuditLog } from './audit-log.tsx'
import { TeamKeys } from './team-keys.tsx'

export function TeamSection() {
  const [changes, setChanges] = useState(0)
  return (
    <>
      <TeamKeys onChanged={() => setChanges((n) => n + 1)} />
      <AuditLog refresh={changes} />
    </>
  )
}

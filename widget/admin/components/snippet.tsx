/** A block of code to paste, with its copy button (which selects the block where copying is refused). */
import { CopyButton } from './copy-button.tsx'

type Props = { name: string; text: string; label: string }

export function Snippet({ name, text, label }: Props) {
  const id = `snippet-${name}`
  return (
    <>
      <pre class="snippet" id={id} data-snippet={name}>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={label} fallbackId={id} />
    </>
  )
}

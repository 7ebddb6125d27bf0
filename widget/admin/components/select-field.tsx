/**
 * A labelled drop-down in the dashboard's form layout (`.field`): the options are values, each
 * shown by `label` (the value itself by default), and the change hands back the chosen value
 * with its type. `hint` is a line under it that the select names as its description.
 */
import type { ComponentChildren } from 'preact'

type Props<T extends string> = {
  id: string
  label: string
  value: T
  options: readonly T[]
  optionLabel?: (value: T) => ComponentChildren
  onChange: (value: T) => void
  disabled?: boolean
  hint?: ComponentChildren
}

export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  optionLabel = (option) => option,
  onChange,
  disabled,
  hint,
}: Props<T>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        // The options are the only values a select can take.
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  )
}

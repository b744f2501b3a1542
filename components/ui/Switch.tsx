// An on/off switch: a button with role="switch", so that screen readers say
// "on" or "off" and Space toggles it. `mixed` is for a group partly on.
interface SwitchProps {
  checked: boolean | 'mixed';
  label: string;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  id?: string;
  testId?: string;
}

export function Switch({ checked, label, onChange, disabled, id, testId }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      id={id}
      data-testid={testId}
      aria-checked={checked === 'mixed' ? 'mixed' : checked ? 'true' : 'false'}
      aria-label={label}
      disabled={disabled}
      // A partly-on group switches fully off first: the safer direction.
      onClick={() => onChange(checked === false)}
    />
  );
}

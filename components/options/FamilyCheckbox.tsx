// The switch for a whole family of metrics: a native checkbox, because a
// family can be partly on, and only a checkbox has a third ("mixed") state
// that browsers and screen readers carry (a role=switch has none).
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  checked: boolean | 'mixed';
  label: string;
  onChange: (on: boolean) => void;
  testId?: string;
}

export function FamilyCheckbox({ checked, label, onChange, testId }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    // `indeterminate` is a property only: no attribute sets it.
    if (ref.current) ref.current.indeterminate = checked === 'mixed';
  }, [checked]);
  return (
    <input
      ref={ref}
      type="checkbox"
      class="tristate"
      aria-label={label}
      data-testid={testId}
      checked={checked === true}
      // A partly-on family switches fully off first: the safer direction.
      onChange={() => onChange(checked === false)}
    />
  );
}

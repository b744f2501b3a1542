import type { Sensitivity } from '../../lib/contract';
import { Section } from './Section';
import { SENSITIVITY_CHOICES } from './copy';

interface Props {
  value: Sensitivity;
  onChange: (value: Sensitivity) => void;
}

export function SensitivitySection({ value, onChange }: Props) {
  return (
    <Section id="sensitivity" title="Sensitivity" intro="How sure Metric Lens must be before it marks a number.">
      <div class="choices" role="radiogroup" aria-labelledby="sensitivity-title">
        {SENSITIVITY_CHOICES.map((choice) => (
          <label class={`choice${choice.id === value ? ' selected' : ''}`} key={choice.id}>
            <input
              type="radio"
              name="sensitivity"
              value={choice.id}
              checked={choice.id === value}
              onChange={() => onChange(choice.id)}
            />
            <span class="choice-text">
              <strong>{choice.label}</strong>
              <span>{choice.line}</span>
              <span class="example">Shows {choice.example}</span>
              <span class="figures">Claims marked: {choice.figures}</span>
            </span>
          </label>
        ))}
      </div>
    </Section>
  );
}

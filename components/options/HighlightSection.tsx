import type { HighlightStyle } from '../../lib/settings/schema';
import { Section } from './Section';
import { HIGHLIGHT_CHOICES } from './copy';

interface Props {
  value: HighlightStyle;
  onChange: (value: HighlightStyle) => void;
}

export function HighlightSection({ value, onChange }: Props) {
  return (
    <Section id="highlight" title="Highlight style">
      <div class="choices two" role="radiogroup" aria-labelledby="highlight-title">
        {HIGHLIGHT_CHOICES.map((choice) => (
          <label class={`choice${choice.id === value ? ' selected' : ''}`} key={choice.id}>
            <input
              type="radio"
              name="highlight"
              value={choice.id}
              checked={choice.id === value}
              onChange={() => onChange(choice.id)}
            />
            <span class="choice-text">
              <strong>{choice.label}</strong>
              <span class="preview" aria-hidden="true">
                officials said <span class={`sample ${choice.id}`}>85,000 children</span> were lost
              </span>
              <span>{choice.line}</span>
            </span>
          </label>
        ))}
      </div>
    </Section>
  );
}

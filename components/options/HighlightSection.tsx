import type { HighlightStyle } from '../../lib/settings/schema';
import { Section } from './Section';
import { HIGHLIGHT_CHOICES, SCREEN_READER_MODE } from './copy';

interface Props {
  value: HighlightStyle;
  onChange: (value: HighlightStyle) => void;
  screenReaderMarks: boolean;
  onScreenReaderMarksChange: (on: boolean) => void;
}

export function HighlightSection({ value, onChange, screenReaderMarks, onScreenReaderMarksChange }: Props) {
  return (
    <Section id="highlight" title="Highlight style">
      <div class="choices three" role="radiogroup" aria-labelledby="highlight-title">
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
      <label class={`choice sr-mode${screenReaderMarks ? ' selected' : ''}`}>
        <input
          type="checkbox"
          checked={screenReaderMarks}
          data-testid="screen-reader-marks"
          aria-describedby="sr-mode-line"
          onChange={(event) => onScreenReaderMarksChange((event.currentTarget as HTMLInputElement).checked)}
        />
        <span class="choice-text">
          <strong>{SCREEN_READER_MODE.label}</strong>
          <span id="sr-mode-line">{SCREEN_READER_MODE.line}</span>
        </span>
      </label>
    </Section>
  );
}

import { useState } from 'preact/hooks';
import { MAX_PACK_BYTES, parseRulePack } from '../../lib/settings/rule-packs';
import type { StoredRulePack } from '../../lib/settings/schema';
import type { RulePack } from '../../rules/schema';
import { Switch } from '../ui/Switch';
import { Section } from './Section';

interface Props {
  packs: StoredRulePack[];
  /** Stores a validated pack; resolves to an error message when it cannot be kept. */
  onImport: (pack: RulePack) => Promise<string | null>;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
}

const PARTS = [
  ['topics', 'topic rule', 'topic rules'],
  ['nouns', 'noun rule', 'noun rules'],
  ['predicates', 'wording rule', 'wording rules'],
  ['metricCues', 'metric cue', 'metric cues'],
  ['negatives', 'exclusion', 'exclusions'],
  ['anchors', 'magnitude rule', 'magnitude rules'],
  ['figures', 'official figure', 'official figures'],
] as const;

function contents(pack: RulePack): string {
  return PARTS.flatMap(([key, one, many]) => {
    const n = pack[key]?.length ?? 0;
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  }).join(', ');
}

export function RulePacksSection({ packs, onImport, onToggle, onRemove }: Props) {
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [pasted, setPasted] = useState('');

  const importText = async (text: string, from: string) => {
    setStatus('');
    const result = parseRulePack(text);
    if (!result.ok) {
      setErrors([`${from} was not imported; your rules are unchanged.`, ...result.errors]);
      return;
    }
    const problem = await onImport(result.pack);
    if (problem) return setErrors([problem]);
    setErrors([]);
    setPasted('');
    setStatus(`Imported “${result.pack.name}”.`);
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // Checked before reading, so that a huge file is never loaded.
    if (file.size > MAX_PACK_BYTES) {
      setErrors([`${file.name} was not imported: it is larger than the ${MAX_PACK_BYTES / 1024} kB limit for rule packs.`]);
      return;
    }
    await importText(await file.text(), file.name);
  };

  return (
    <Section
      id="packs"
      title="Rule packs"
      intro={`Extra cue words, exclusions or official figures, as a JSON file in the same shape as the built-in rules (at most ${MAX_PACK_BYTES / 1024} kB).`}
    >
      <div class="add-row">
        <label class="button primary file-button">
          Import a JSON file…
          <input type="file" accept=".json,application/json" class="visually-hidden" onChange={onFile} data-testid="pack-file" />
        </label>
        <details class="paste">
          <summary>or paste JSON</summary>
          <textarea
            rows={6}
            spellcheck={false}
            aria-label="Rule pack JSON"
            value={pasted}
            onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
            data-testid="pack-text"
          />
          <button class="button" type="button" onClick={() => void importText(pasted, 'The pasted pack')} data-testid="pack-import">
            Import
          </button>
        </details>
      </div>
      {errors.length > 0 && (
        <ul class="errors" role="alert" data-testid="pack-errors">
          {errors.map((error, i) => (
            <li key={i}>{error}</li>
          ))}
        </ul>
      )}
      <p class="status muted" role="status">{status}</p>
      {packs.length === 0 ? (
        <p class="empty muted">No rule packs: Metric Lens uses its built-in rules only.</p>
      ) : (
        <ul class="rows" aria-label="Rule packs">
          {packs.map(({ id, enabled, importedAt, pack }) => (
            <li class="row pack" key={id} data-testid={`pack-${id}`}>
              <span class="metric-text">
                <strong>{pack.name}</strong>
                {pack.description && <span>{pack.description}</span>}
                <span class="muted">
                  {contents(pack)} · imported {new Date(importedAt).toLocaleDateString()}
                </span>
              </span>
              <Switch checked={enabled} label={`Use ${pack.name}`} onChange={(on) => onToggle(id, on)} />
              <button class="button quiet" type="button" aria-label={`Remove ${pack.name}`} onClick={() => onRemove(id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

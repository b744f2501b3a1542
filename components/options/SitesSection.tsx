import { useState } from 'preact/hooks';
import { parseSitePattern } from '../../lib/settings/sites';
import { Section } from './Section';

interface Props {
  sites: string[];
  onChange: (sites: string[]) => void;
}

export function SitesSection({ sites, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseSitePattern(draft);
    if (!parsed.ok) return setError(parsed.error);
    if (sites.includes(parsed.pattern)) return setError(`${parsed.pattern} is already in the list.`);
    onChange([...sites, parsed.pattern]);
    setDraft('');
    setError(null);
  };

  return (
    <Section
      id="sites"
      title="Sites where Metric Lens is off"
      intro={
        <>
          <code>example.com</code> covers that host only; <code>*.example.com</code> covers example.com and all
          its subdomains.
        </>
      }
    >
      <form class="add-row" onSubmit={add} noValidate>
        <label class="visually-hidden" for="site-input">Site to switch off</label>
        <input
          id="site-input"
          type="text"
          placeholder="news.example.com or *.example.com"
          value={draft}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => {
            setDraft((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
        />
        <button class="button primary" type="submit">Add</button>
      </form>
      {error && (
        <p class="error-text" id="site-error" role="alert">
          {error}
        </p>
      )}
      {sites.length === 0 ? (
        <p class="empty muted">Metric Lens runs on every site.</p>
      ) : (
        <ul class="rows" aria-label="Sites where Metric Lens is off">
          {sites.map((site) => (
            <li class="row" key={site}>
              <code class="site">{site}</code>
              <button
                class="button quiet"
                type="button"
                aria-label={`Remove ${site}`}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';
import {
  dismissSettingsNotice,
  loadSettingsWithReport,
  updateSettings,
  watchSettings,
} from '../../lib/settings/store';
import { withRulePack, withRulePackEnabled, withoutRulePack } from '../../lib/settings/rule-packs';
import type { RulePack } from '../../rules/schema';
import { Switch } from '../ui/Switch';
import { HighlightSection } from './HighlightSection';
import { MetricsSection } from './MetricsSection';
import { RulePacksSection } from './RulePacksSection';
import { SensitivitySection } from './SensitivitySection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';

/** A notice is one sentence a line; the lines after one that ends in ":" are a list. */
function NoticeText({ text }: { text: string }) {
  const lines = text.split('\n');
  const listFrom = lines.findIndex((line) => line.endsWith(':')) + 1;
  const paragraphs = listFrom > 0 ? lines.slice(0, listFrom) : lines;
  const items = listFrom > 0 ? lines.slice(listFrom) : [];
  return (
    <div class="notice-text">
      {paragraphs.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {items.length > 0 && (
        <ul>
          {items.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    void loadSettingsWithReport().then((loaded) => {
      setSettings(loaded.settings);
      setNotice(loaded.notice);
    });
    // Changes made elsewhere (the popup, another options tab) show up here at once.
    return watchSettings(setSettings);
  }, []);

  /** Shows the change at once and stores it; every open tab picks it up from storage. */
  const change = (edit: (current: Settings) => Settings) => {
    setSettings((current) => (current ? edit(current) : current));
    updateSettings(edit).then(
      (saved) => {
        setSettings(saved);
        setSaveError(null);
      },
      (error: unknown) => setSaveError(`That change could not be saved: ${(error as Error).message}`),
    );
  };

  const importPack = async (pack: RulePack): Promise<string | null> => {
    let problem: string | null = null;
    await updateSettings((current) => {
      const added = withRulePack(current, pack, new Date());
      if (!added.ok) {
        problem = added.error;
        return current;
      }
      return added.settings;
    }).then(setSettings, (error: unknown) => (problem = (error as Error).message));
    return problem;
  };

  if (!settings) return <main class="page" aria-busy="true" />;

  return (
    <main class="page">
      <header class="page-head">
        <div>
          <h1>Metric Lens</h1>
          <p class="muted">Settings apply to open tabs at once and stay on this device.</p>
        </div>
        <label class="master">
          <span>{settings.enabled ? 'On' : 'Off'} on all sites</span>
          <Switch
            checked={settings.enabled}
            label="Metric Lens on all sites"
            onChange={(enabled) => change((s) => ({ ...s, enabled }))}
            testId="master-switch"
          />
        </label>
      </header>

      {notice && (
        <div class="notice" role="alert" data-testid="settings-notice">
          <NoticeText text={notice} />
          <button
            class="button"
            type="button"
            onClick={() => {
              setNotice(undefined);
              void dismissSettingsNotice();
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {saveError && (
        <p class="error-text" role="alert">
          {saveError}
        </p>
      )}

      <SensitivitySection value={settings.sensitivity} onChange={(sensitivity) => change((s) => ({ ...s, sensitivity }))} />
      <MetricsSection
        disabled={settings.disabledMetrics}
        onChange={(disabledMetrics) => change((s) => ({ ...s, disabledMetrics }))}
      />
      <SitesSection sites={settings.disabledSites} onChange={(disabledSites) => change((s) => ({ ...s, disabledSites }))} />
      <HighlightSection
        value={settings.highlightStyle}
        onChange={(highlightStyle) => change((s) => ({ ...s, highlightStyle }))}
        screenReaderMarks={settings.screenReaderMarks}
        onScreenReaderMarksChange={(screenReaderMarks) => change((s) => ({ ...s, screenReaderMarks }))}
      />
      <ShortcutsSection />
      <RulePacksSection
        packs={settings.rulePacks}
        onImport={importPack}
        onToggle={(id, enabled) => change((s) => withRulePackEnabled(s, id, enabled))}
        onRemove={(id) => change((s) => withoutRulePack(s, id))}
      />
    </main>
  );
}

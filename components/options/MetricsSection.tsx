import type { MetricId } from '../../lib/contract';
import { METRICS } from '../../rules';
import { FAMILIES, type MetricEntry } from '../../rules/schema';
import { Switch } from '../ui/Switch';
import { FamilyCheckbox } from './FamilyCheckbox';
import { Section } from './Section';
import { FAMILY_LABELS } from './copy';

interface Props {
  disabled: MetricId[];
  onChange: (disabled: MetricId[]) => void;
}

const GROUPS = FAMILIES.map((family) => ({
  family,
  metrics: METRICS.metrics.filter((metric: MetricEntry) => metric.family === family),
})).filter((group) => group.metrics.length > 0);

export function MetricsSection({ disabled, onChange }: Props) {
  const off = new Set(disabled);
  const setMetrics = (ids: MetricId[], on: boolean) => {
    const next = new Set(off);
    for (const id of ids) (on ? next.delete(id) : next.add(id));
    onChange([...next]);
  };

  return (
    <Section
      id="metrics"
      title="Metrics"
      intro="Claims whose number comes from a metric switched off here are not marked."
    >
      {GROUPS.map(({ family, metrics }) => {
        const ids = metrics.map((m) => m.id);
        const onCount = ids.filter((id) => !off.has(id)).length;
        const state = onCount === ids.length ? true : onCount === 0 ? false : 'mixed';
        return (
          <div class="family" key={family} data-testid={`family-${family}`}>
            <div class="family-head">
              <h3 id={`family-${family}`}>{FAMILY_LABELS[family]}</h3>
              <span class="muted count">
                {onCount} of {ids.length} on
              </span>
              <FamilyCheckbox
                checked={state}
                label={`All of ${FAMILY_LABELS[family]}`}
                onChange={(on) => setMetrics(ids, on)}
                testId={`family-switch-${family}`}
              />
            </div>
            <ul class="rows" aria-labelledby={`family-${family}`}>
              {metrics.map((metric) => (
                <li class="row metric" key={metric.id}>
                  <span class="metric-text">
                    <strong>{metric.shortName}</strong>
                    <span class="muted">{metric.counts}</span>
                  </span>
                  <Switch
                    checked={!off.has(metric.id)}
                    label={metric.shortName}
                    onChange={(on) => setMetrics([metric.id], on)}
                    testId={`metric-switch-${metric.id}`}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </Section>
  );
}
